package io.lectern.content.transfer;

import io.lectern.content.post.PostExport;
import io.lectern.content.post.PostService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole site's content as a zip: {@code posts/<slug>.md} (front matter + Markdown, readable by any
 * static-site generator and by our own Markdown import) and {@code content.json} (posts, series, tags,
 * redirects, machine-readable). Read in one repeatable-read transaction, so the files agree with each
 * other even while authors keep writing; written straight to the response, a page of posts at a time.
 */
@Service
class Exporter {

    private final PostService posts;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate snapshot;

    Exporter(PostService posts, JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.posts = posts;
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().findAndAddModules().build();
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    record SeriesExport(UUID id, String slug, String title, String description) {}

    record TagExport(String slug, String name, String description) {}

    record RedirectExport(String kind, String fromSlug, String toSlug, boolean automatic) {}

    void export(OutputStream target) {
        snapshot.executeWithoutResult(status -> {
            try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
                List<PostExport> all = new ArrayList<>();
                posts.exportAll(p -> {
                    write(zip, "posts/" + p.slug() + ".md", FrontMatter.write(p));
                    all.add(withoutMarkdownCopy(p));
                });
                Map<String, Object> content = new LinkedHashMap<>();
                content.put("format", "lectern-content");
                content.put("version", 1);
                content.put("exportedAt", Instant.now().toString());
                content.put("posts", all);
                content.put("series", series());
                content.put("tags", tags());
                content.put("redirects", redirects());
                write(zip, "content.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(content));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The Markdown is in the post's own file; content.json names that file instead of repeating it. */
    private static PostExport withoutMarkdownCopy(PostExport p) {
        return new PostExport(
                p.id(),
                p.slug(),
                p.title(),
                "posts/" + p.slug() + ".md",
                p.excerpt(),
                p.status(),
                p.difficulty(),
                p.premium(),
                p.tags(),
                p.series(),
                p.seriesPosition(),
                p.metaTitle(),
                p.metaDescription(),
                p.canonicalUrl(),
                p.socialImageUrl(),
                p.scheduledAt(),
                p.publishedAt(),
                p.authorId(),
                p.authorName(),
                p.createdAt(),
                p.updatedAt());
    }

    private static void write(ZipOutputStream zip, String name, String text) {
        try {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<SeriesExport> series() {
        return jdbc.sql("select id, slug, title, description from series order by slug")
                .query((rs, n) -> new SeriesExport(
                        rs.getObject("id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("description")))
                .list();
    }

    private List<TagExport> tags() {
        return jdbc.sql("select slug, name, description from tag order by slug")
                .query((rs, n) ->
                        new TagExport(rs.getString("slug"), rs.getString("name"), rs.getString("description")))
                .list();
    }

    private List<RedirectExport> redirects() {
        return jdbc.sql("select kind, from_slug, to_slug, automatic from redirect order by kind, from_slug")
                .query((rs, n) -> new RedirectExport(
                        rs.getString("kind"),
                        rs.getString("from_slug"),
                        rs.getString("to_slug"),
                        rs.getBoolean("automatic")))
                .list();
    }

    static String fileName(OffsetDateTime now) {
        return "lectern-export-" + now.toLocalDate() + ".zip";
    }
}
