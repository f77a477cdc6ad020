package io.lectern.notify.digest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The digest's read model of published posts, kept from content's post events. Each event carries
 * the post's version and only a newer version is applied, so a late or repeated event is harmless.
 * A deleted or unpublished post stays as an invisible row, which also keeps a late older event from
 * bringing it back.
 */
@Repository
public class DigestPosts {

    private final JdbcClient jdbc;

    DigestPosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void published(
            UUID postId,
            String slug,
            String title,
            String excerpt,
            String authorName,
            Instant publishedAt,
            long version) {
        jdbc.sql("""
                        INSERT INTO digest_post (post_id, slug, title, excerpt, author_name, published_at, visible, version)
                        VALUES (:id, :slug, :title, :excerpt, :author, :publishedAt, true, :version)
                        ON CONFLICT (post_id) DO UPDATE SET slug = excluded.slug, title = excluded.title,
                               excerpt = excluded.excerpt, author_name = excluded.author_name,
                               published_at = excluded.published_at, visible = true, version = excluded.version
                         WHERE digest_post.version < excluded.version
                        """)
                .param("id", postId)
                .param("slug", slug)
                .param("title", title)
                .param("excerpt", excerpt)
                .param("author", authorName)
                .param("publishedAt", java.sql.Timestamp.from(publishedAt))
                .param("version", version)
                .update();
    }

    /** An update changes what the digest shows, never when the post was first published. */
    public void updated(UUID postId, String slug, String title, String excerpt, String authorName, long version) {
        jdbc.sql("""
                        UPDATE digest_post SET slug = :slug, title = :title, excerpt = :excerpt,
                               author_name = :author, version = :version
                         WHERE post_id = :id AND version < :version
                        """)
                .param("id", postId)
                .param("slug", slug)
                .param("title", title)
                .param("excerpt", excerpt)
                .param("author", authorName)
                .param("version", version)
                .update();
    }

    public void hidden(UUID postId, String slug, long version) {
        jdbc.sql("""
                        INSERT INTO digest_post (post_id, slug, title, excerpt, author_name, published_at, visible, version)
                        VALUES (:id, :slug, '', '', '', now(), false, :version)
                        ON CONFLICT (post_id) DO UPDATE SET visible = false, version = excluded.version
                         WHERE digest_post.version < excluded.version
                        """)
                .param("id", postId)
                .param("slug", slug)
                .param("version", version)
                .update();
    }

    /** Visible posts published in {@code [from, to)}, newest first. */
    public List<DigestPost> publishedBetween(Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        SELECT post_id, slug, title, excerpt, author_name, published_at FROM digest_post
                         WHERE visible AND published_at >= :from AND published_at < :to
                         ORDER BY published_at DESC LIMIT :limit
                        """)
                .param("from", java.sql.Timestamp.from(from))
                .param("to", java.sql.Timestamp.from(to))
                .param("limit", limit)
                .query((rs, n) -> new DigestPost(
                        rs.getObject("post_id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("excerpt"),
                        rs.getString("author_name"),
                        rs.getTimestamp("published_at").toInstant()))
                .list();
    }

    public Optional<DigestPost> visible(UUID postId) {
        return jdbc.sql(
                        "SELECT post_id, slug, title, excerpt, author_name, published_at FROM digest_post WHERE post_id = :id AND visible")
                .param("id", postId)
                .query((rs, n) -> new DigestPost(
                        rs.getObject("post_id", UUID.class),
                        rs.getString("slug"),
                        rs.getString("title"),
                        rs.getString("excerpt"),
                        rs.getString("author_name"),
                        rs.getTimestamp("published_at").toInstant()))
                .optional();
    }

    public record DigestPost(
            UUID postId, String slug, String title, String excerpt, String authorName, Instant publishedAt) {}
}
