package io.lectern.content.transfer;

import io.lectern.content.access.Caller;
import io.lectern.content.post.PostImport;
import io.lectern.content.post.PostService;
import io.lectern.content.post.PostsChanged;
import io.lectern.content.redirect.RedirectKind;
import io.lectern.content.redirect.Redirects;
import io.lectern.content.series.SeriesService;
import io.lectern.content.slug.Slugs;
import io.lectern.platform.web.ProblemException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an archive into posts, all or nothing: every file is checked, every problem is collected, and
 * only an import without any problem commits. Posts go through {@link PostService} like posts written
 * in the editor, so rendering, sanitising, slug rules, revisions and content events all apply.
 */
@Service
class Importer {

    enum OnConflict {
        FAIL,
        SKIP
    }

    record Imported(String file, UUID id, String slug, String status) {}

    record Skipped(String file, String slug, String reason) {}

    record ImportResult(List<Imported> imported, List<Skipped> skipped, int redirects) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PostService posts;
    private final SeriesService series;
    private final Redirects redirects;
    private final TransferProperties limits;
    private final ApplicationEventPublisher local;
    private final TransactionTemplate savepoint;

    Importer(
            PostService posts,
            SeriesService series,
            Redirects redirects,
            TransferProperties limits,
            ApplicationEventPublisher local,
            PlatformTransactionManager transactions) {
        this.posts = posts;
        this.series = series;
        this.redirects = redirects;
        this.limits = limits;
        this.local = local;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ProblemException.forbidden("Import and export are for admins.");
        }
    }

    @Transactional
    ImportResult markdown(InputStream zip, OnConflict onConflict, Caller caller) {
        requireAdmin(caller);
        List<Archive.File> files = Archive.read(zip, limits);
        List<ParsedPost> parsed = new ArrayList<>();
        List<ParsedPost.Problem> problems = new ArrayList<>();
        JsonNode manifest = null;
        for (Archive.File f : files) {
            if (f.name().toLowerCase(Locale.ROOT).endsWith(".json")) {
                if (f.name().equals("content.json") || f.name().endsWith("/content.json")) {
                    manifest = manifest(f);
                }
                continue; // other JSON files are not posts
            }
            try {
                parsed.add(FrontMatter.parse(f.name(), f.text()));
            } catch (ParsedPost.Invalid e) {
                problems.add(new ParsedPost.Problem(f.name(), 422, e.getMessage(), e.field));
            }
        }
        if (parsed.isEmpty() && problems.isEmpty()) {
            throw ProblemException.unprocessable("The archive holds no .md files.");
        }
        ImportResult result = write(parsed, problems, onConflict, seriesTitles(manifest), caller);
        int added = manifest == null ? 0 : restoreRedirects(manifest);
        return new ImportResult(result.imported(), result.skipped(), added);
    }

    @Transactional
    ImportResult ghost(List<Archive.File> files, OnConflict onConflict, Caller caller) {
        requireAdmin(caller);
        List<ParsedPost> parsed = new ArrayList<>();
        List<ParsedPost.Problem> problems = new ArrayList<>();
        for (Archive.File f : files) {
            if (!f.name().toLowerCase(Locale.ROOT).endsWith(".json")) {
                continue;
            }
            try {
                for (Object item : GhostExport.read(f.name(), f.text())) {
                    if (item instanceof ParsedPost p) {
                        parsed.add(p);
                    } else {
                        problems.add((ParsedPost.Problem) item);
                    }
                }
            } catch (ParsedPost.Invalid e) {
                problems.add(new ParsedPost.Problem(f.name(), 422, e.getMessage(), e.field));
            }
        }
        if (parsed.isEmpty() && problems.isEmpty()) {
            throw ProblemException.unprocessable("The Ghost export holds no posts.");
        }
        return write(parsed, problems, onConflict, Map.of(), caller);
    }

    private ImportResult write(
            List<ParsedPost> parsed,
            List<ParsedPost.Problem> problems,
            OnConflict onConflict,
            Map<String, SeriesInfo> seriesInfo,
            Caller caller) {
        // Slugs first, read-only: conflicts with stored posts and between files of this import.
        List<ParsedPost> toWrite = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParsedPost p : parsed) {
            String slug;
            try {
                slug = Slugs.chosen(p.post().slug(), p.post().title());
            } catch (ProblemException e) {
                problems.add(new ParsedPost.Problem(p.file(), 422, detail(e), "slug"));
                continue;
            }
            if (!seen.add(slug)) {
                problems.add(new ParsedPost.Problem(
                        p.file(), 409, "Another file of this import has the slug '" + slug + "'.", "slug"));
            } else if (posts.slugInUse(slug)) {
                if (onConflict == OnConflict.SKIP) {
                    skipped.add(new Skipped(p.file(), slug, "A post with this slug exists."));
                } else {
                    problems.add(new ParsedPost.Problem(
                            p.file(), 409, "A post with the slug '" + slug + "' exists.", "slug"));
                }
            } else {
                toWrite.add(withSlug(p, slug));
            }
        }
        // Even when some files already failed, the rest are written (and rolled back with the whole
        // import): that is the only way to find the problems the domain rules find, in one answer.

        Map<String, UUID> seriesIds = new HashMap<>();
        List<Imported> imported = new ArrayList<>();
        for (ParsedPost p : toWrite) {
            // Each post in a savepoint: a post the domain refuses is rolled back alone, so the
            // remaining ones are still checked and the answer lists every problem.
            try {
                Imported done = savepoint.execute(status -> {
                    UUID seriesId = p.seriesSlug() == null
                            ? null
                            : seriesIds.computeIfAbsent(p.seriesSlug(), s -> {
                                SeriesInfo info = seriesInfo.getOrDefault(s, new SeriesInfo(titleOf(s), ""));
                                return series.ensure(Slugs.validated(s), info.title(), info.description(), caller);
                            });
                    PostService.ImportedPost post = posts.importPost(withSeries(p.post(), seriesId), caller);
                    return new Imported(
                            p.file(), post.id(), post.slug(), post.status().name());
                });
                imported.add(done);
            } catch (ProblemException e) {
                problems.add(new ParsedPost.Problem(p.file(), e.status().value(), detail(e), field(e)));
            }
        }
        failIfAny(problems);
        if (!imported.isEmpty()) {
            local.publishEvent(new PostsChanged("imported"));
        }
        return new ImportResult(imported, skipped, 0);
    }

    private static void failIfAny(List<ParsedPost.Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        boolean onlyConflicts = problems.stream().allMatch(p -> p.status() == 409);
        HttpStatus status = onlyConflicts ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        throw new ProblemException(
                        status,
                        onlyConflicts ? "Import conflicts" : "Import refused",
                        problems.size() + " file(s) could not be imported; nothing was written."
                                + (onlyConflicts ? " Retry with ?onConflict=skip to leave existing posts alone." : ""))
                .with("errors", List.copyOf(problems));
    }

    private static String detail(ProblemException e) {
        ProblemDetailView view = ProblemDetailView.of(e);
        return view.detail();
    }

    private static @Nullable String field(ProblemException e) {
        return ProblemDetailView.of(e).field();
    }

    /** The parts of a domain problem worth repeating per file. */
    private record ProblemDetailView(
            String detail, @Nullable String field) {
        static ProblemDetailView of(ProblemException e) {
            var pd = e.toProblemDetail();
            Object field =
                    pd.getProperties() == null ? null : pd.getProperties().get("field");
            return new ProblemDetailView(
                    pd.getDetail() == null ? String.valueOf(pd.getTitle()) : pd.getDetail(),
                    field == null ? null : field.toString());
        }
    }

    private static ParsedPost withSlug(ParsedPost p, String slug) {
        PostImport i = p.post();
        return new ParsedPost(
                p.file(),
                new PostImport(
                        i.title(),
                        slug,
                        i.markdown(),
                        i.excerpt(),
                        i.difficulty(),
                        i.premium(),
                        i.tags(),
                        i.seriesId(),
                        i.seriesPosition(),
                        i.metaTitle(),
                        i.metaDescription(),
                        i.canonicalUrl(),
                        i.socialImageUrl(),
                        i.status(),
                        i.publishedAt()),
                p.seriesSlug());
    }

    private static PostImport withSeries(PostImport i, @Nullable UUID seriesId) {
        return new PostImport(
                i.title(),
                i.slug(),
                i.markdown(),
                i.excerpt(),
                i.difficulty(),
                i.premium(),
                i.tags(),
                seriesId,
                seriesId == null ? null : i.seriesPosition(),
                i.metaTitle(),
                i.metaDescription(),
                i.canonicalUrl(),
                i.socialImageUrl(),
                i.status(),
                i.publishedAt());
    }

    private static String titleOf(String slug) {
        String words = slug.replace('-', ' ').strip();
        return words.isEmpty() ? slug : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private record SeriesInfo(String title, String description) {}

    private static JsonNode manifest(Archive.File f) {
        try {
            return JSON.readTree(f.text());
        } catch (tools.jackson.core.JacksonException e) {
            throw ProblemException.unprocessable("'" + f.name() + "' is not JSON.")
                    .with("file", f.name());
        }
    }

    /** Series titles and descriptions from a Lectern export's content.json, by slug. */
    private static Map<String, SeriesInfo> seriesTitles(@Nullable JsonNode manifest) {
        Map<String, SeriesInfo> out = new HashMap<>();
        if (manifest != null) {
            manifest.path("series")
                    .forEach(s -> out.put(
                            s.path("slug").asString(),
                            new SeriesInfo(
                                    s.path("title").asString(),
                                    s.path("description").asString(""))));
        }
        return out;
    }

    /** Redirects from a Lectern export whose targets now exist; the rest would point nowhere. */
    private int restoreRedirects(JsonNode manifest) {
        int added = 0;
        for (JsonNode r : manifest.path("redirects")) {
            RedirectKind kind;
            try {
                kind = RedirectKind.valueOf(r.path("kind").asString(""));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (redirects.imported(
                    kind,
                    r.path("fromSlug").asString(""),
                    r.path("toSlug").asString(""),
                    r.path("automatic").asBoolean(false))) {
                added++;
            }
        }
        return added;
    }
}
