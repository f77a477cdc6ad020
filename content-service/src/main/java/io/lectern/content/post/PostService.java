package io.lectern.content.post;

import io.lectern.content.access.Caller;
import io.lectern.content.markdown.MarkdownRenderer;
import io.lectern.content.redirect.RedirectKind;
import io.lectern.content.redirect.Redirects;
import io.lectern.content.series.SeriesMembership;
import io.lectern.content.slug.Slugs;
import io.lectern.platform.web.ProblemException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The post aggregate's rules: who may change what, rendering, slugs, revisions, publication and its events. */
@Service
public class PostService {

    private final PostStore store;
    private final PostEvents events;
    private final Redirects redirects;
    private final MarkdownRenderer renderer;
    private final PostProperties props;
    private final ApplicationEventPublisher local;
    private final SeriesMembership seriesMembership;

    PostService(
            PostStore store,
            PostEvents events,
            Redirects redirects,
            MarkdownRenderer renderer,
            PostProperties props,
            ApplicationEventPublisher local,
            SeriesMembership seriesMembership) {
        this.store = store;
        this.events = events;
        this.redirects = redirects;
        this.renderer = renderer;
        this.props = props;
        this.local = local;
        this.seriesMembership = seriesMembership;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static PostResponse.Seo seo(PostRow p) {
        return new PostResponse.Seo(
                p.metaTitle() != null ? p.metaTitle() : p.title(),
                p.metaDescription() != null ? p.metaDescription() : p.excerpt(),
                p.canonicalUrl(),
                p.socialImageUrl());
    }

    @Transactional
    PostRow create(PostRequest request, Caller caller) {
        requireAuthor(caller);
        validate(request);
        String slug = Slugs.chosen(request.slug(), request.title());
        if (store.slugTaken(slug, null)) {
            throw ProblemException.conflict("The slug '" + slug + "' is already used by another post.")
                    .with("field", "slug");
        }
        redirects.slugClaimed(RedirectKind.POST, slug);
        MarkdownRenderer.Rendered rendered = renderer.render(request.markdown());
        String authorName = Optional.ofNullable(store.authorName(caller.userId()))
                .or(() -> Optional.ofNullable(caller.tokenName()))
                .orElse("Unknown author");
        Instant now = now();
        PostRow row = new PostRow(
                UUID.randomUUID(),
                slug,
                request.title().strip(),
                request.markdown(),
                rendered.html(),
                excerptOf(request, rendered),
                PostStatus.DRAFT,
                request.difficultyOrDefault(),
                request.premium(),
                rendered.readingMinutes(),
                caller.userId(),
                authorName,
                request.seriesId(),
                null,
                null,
                request.seriesId() == null ? null : request.seriesPosition(),
                blankToNull(request.metaTitle()),
                blankToNull(request.metaDescription()),
                blankToNull(request.canonicalUrl()),
                blankToNull(request.socialImageUrl()),
                null,
                null,
                now,
                now,
                0,
                List.of());
        store.insert(row);
        store.setTags(row.id(), request.tagNames());
        store.refreshSearch(List.of(row.id()));
        store.addRevision(row.id(), row.title(), row.markdown(), caller.userId());
        return reload(row.id());
    }

    @Transactional
    PostRow update(UUID id, PostRequest request, Caller caller) {
        PostRow old = owned(id, caller);
        validate(request);
        if (request.version() != null && request.version() != old.version()) {
            throw ProblemException.conflict("The post was changed since version " + request.version() + " (now "
                            + old.version() + "); reload it and try again.")
                    .with("currentVersion", old.version());
        }
        String slug = request.slug() == null || request.slug().isBlank() ? old.slug() : Slugs.validated(request.slug());
        if (!slug.equals(old.slug()) && store.slugTaken(slug, id)) {
            throw ProblemException.conflict("The slug '" + slug + "' is already used by another post.")
                    .with("field", "slug");
        }
        MarkdownRenderer.Rendered rendered = renderer.render(request.markdown());
        PostRow next = new PostRow(
                id,
                slug,
                request.title().strip(),
                request.markdown(),
                rendered.html(),
                excerptOf(request, rendered),
                old.status(),
                request.difficultyOrDefault(),
                request.premium(),
                rendered.readingMinutes(),
                old.authorId(),
                old.authorName(),
                request.seriesId(),
                null,
                null,
                request.seriesId() == null ? null : request.seriesPosition(),
                blankToNull(request.metaTitle()),
                blankToNull(request.metaDescription()),
                blankToNull(request.canonicalUrl()),
                blankToNull(request.socialImageUrl()),
                old.scheduledAt(),
                old.publishedAt(),
                old.createdAt(),
                now(),
                old.version() + 1,
                List.of());
        List<String> changed = changedFields(old, next, request.tagNames());
        if (changed.isEmpty()) {
            return old;
        }
        store.update(next, old.version());
        if (changed.contains("tags")) {
            store.setTags(id, request.tagNames());
            store.refreshSearch(List.of(id));
        }
        if (changed.contains("title") || changed.contains("markdown")) {
            store.addRevision(id, next.title(), next.markdown(), caller.userId());
        }
        if (!slug.equals(old.slug())) {
            redirects.slugChanged(RedirectKind.POST, old.slug(), slug);
        }
        PostRow saved = reload(id);
        if (saved.published()) {
            events.updated(saved, slug.equals(old.slug()) ? null : old.slug(), changed);
            if (!Objects.equals(old.seriesId(), saved.seriesId())
                    || !Objects.equals(old.seriesPosition(), saved.seriesPosition())) {
                if (!Objects.equals(old.seriesId(), saved.seriesId())) {
                    seriesMembership.changed(old.seriesId());
                }
                seriesMembership.changed(saved.seriesId());
            }
            if (!slug.equals(old.slug())) {
                local.publishEvent(new PostsChanged("slug"));
            }
        }
        return saved;
    }

    @Transactional
    PostRow restore(UUID id, int revision, Caller caller) {
        PostRow current = owned(id, caller);
        PostStore.Revision rev = store.revision(id, revision)
                .orElseThrow(() -> ProblemException.notFound("Revision " + revision + " of post " + id));
        PostRequest request = new PostRequest(
                rev.title(),
                current.slug(),
                rev.markdown(),
                current.excerpt(),
                current.difficulty(),
                current.premium(),
                current.tags().stream().map(PostRow.TagRef::name).toList(),
                current.seriesId(),
                current.seriesPosition(),
                current.metaTitle(),
                current.metaDescription(),
                current.canonicalUrl(),
                current.socialImageUrl(),
                current.version());
        return update(id, request, caller);
    }

    @Transactional
    void delete(UUID id, Caller caller) {
        PostRow post = owned(id, caller);
        store.delete(id);
        if (post.publishedAt() != null) {
            // readers may have seen it (or kept a link to an old slug): they get 410, not 404
            redirects.gone(RedirectKind.POST, post.slug());
        } else {
            redirects.targetRemoved(RedirectKind.POST, post.slug());
        }
        if (post.published()) {
            seriesMembership.changed(post.seriesId());
        }
        if (post.publishedAt() != null) {
            events.deleted(post, now());
            local.publishEvent(new PostsChanged("deleted"));
        }
    }

    @Transactional
    PostRow publish(UUID id, Caller caller) {
        PostRow post = owned(id, caller);
        if (post.published()) {
            throw ProblemException.conflict("The post is already published.");
        }
        return publishNow(post, null, true);
    }

    /**
     * @param at the publication date to record (an import keeps the original one); null for now
     * @param announce whether to tell local listeners (sitemap) now; an import announces once at the end
     */
    private PostRow publishNow(PostRow post, @Nullable Instant at, boolean announce) {
        Instant now = now();
        PostRow next = new PostRow(
                post.id(),
                post.slug(),
                post.title(),
                post.markdown(),
                post.html(),
                post.excerpt(),
                PostStatus.PUBLISHED,
                post.difficulty(),
                post.premium(),
                post.readingMinutes(),
                post.authorId(),
                post.authorName(),
                post.seriesId(),
                null,
                null,
                post.seriesPosition(),
                post.metaTitle(),
                post.metaDescription(),
                post.canonicalUrl(),
                post.socialImageUrl(),
                null,
                at != null ? at.truncatedTo(ChronoUnit.MICROS) : post.publishedAt() == null ? now : post.publishedAt(),
                post.createdAt(),
                now,
                post.version() + 1,
                List.of());
        store.update(next, post.version());
        PostRow saved = reload(post.id());
        events.published(saved);
        seriesMembership.changed(saved.seriesId());
        if (announce) {
            local.publishEvent(new PostsChanged("published"));
        }
        return saved;
    }

    /**
     * Creates a post from an import through the editor's own path (validation, sanitising, slug rules,
     * revision, events), then gives it the imported status and publication date. The caller publishes
     * one {@link PostsChanged} when the whole import is done, not one per post.
     */
    @Transactional
    public ImportedPost importPost(PostImport in, Caller caller) {
        PostRow created = create(
                new PostRequest(
                        in.title(),
                        in.slug(),
                        in.markdown(),
                        in.excerpt(),
                        in.difficulty(),
                        in.premium(),
                        in.tags(),
                        in.seriesId(),
                        in.seriesPosition(),
                        in.metaTitle(),
                        in.metaDescription(),
                        in.canonicalUrl(),
                        in.socialImageUrl(),
                        null),
                caller);
        PostRow result = created;
        boolean future = in.publishedAt() != null && in.publishedAt().isAfter(Instant.now());
        if (in.status() == PostStatus.SCHEDULED && future) {
            store.update(
                    withStatus(created, PostStatus.SCHEDULED, in.publishedAt().truncatedTo(ChronoUnit.MICROS)),
                    created.version());
            result = reload(created.id());
        } else if (in.status() != PostStatus.DRAFT) {
            result = publishNow(created, in.publishedAt(), false);
        }
        return new ImportedPost(result.id(), result.slug(), result.status());
    }

    public record ImportedPost(UUID id, String slug, PostStatus status) {}

    /** Whether a post (of any status) has this slug. */
    public boolean slugInUse(String slug) {
        return store.slugTaken(slug, null);
    }

    /** Hands every post to {@code sink}, oldest first, a page at a time; call inside a read-only transaction. */
    public void exportAll(java.util.function.Consumer<PostExport> sink) {
        PostStore.Cursor after = null;
        while (true) {
            List<PostRow> page = store.allAfter(after, 200);
            page.forEach(p -> sink.accept(PostExport.of(p)));
            if (page.size() < 200) {
                return;
            }
            PostRow last = page.get(page.size() - 1);
            after = new PostStore.Cursor(last.createdAt(), last.id());
        }
    }

    @Transactional
    PostRow unpublish(UUID id, Caller caller) {
        PostRow post = owned(id, caller);
        if (post.status() == PostStatus.DRAFT) {
            throw ProblemException.conflict("The post is not published.");
        }
        PostRow next = withStatus(post, PostStatus.DRAFT, null);
        store.update(next, post.version());
        PostRow saved = reload(id);
        if (post.published()) {
            events.unpublished(saved);
            seriesMembership.changed(saved.seriesId());
            local.publishEvent(new PostsChanged("unpublished"));
        }
        return saved;
    }

    @Transactional
    PostRow schedule(UUID id, Instant at, Caller caller) {
        PostRow post = owned(id, caller);
        if (post.published()) {
            throw ProblemException.conflict("The post is already published; unpublish it before scheduling.");
        }
        if (!at.isAfter(Instant.now())) {
            throw ProblemException.unprocessable("The publication time " + at + " is not in the future.")
                    .with("field", "publishAt");
        }
        store.update(withStatus(post, PostStatus.SCHEDULED, at.truncatedTo(ChronoUnit.MICROS)), post.version());
        return reload(id);
    }

    /** Publishes every scheduled post that is due; safe to run on many instances at once (rows are locked). */
    @Transactional
    public int publishDue() {
        List<UUID> due = store.dueForPublication(100);
        for (UUID id : due) {
            store.byId(id).filter(p -> p.status() == PostStatus.SCHEDULED).ifPresent(p -> publishNow(p, null, true));
        }
        return due.size();
    }

    private PostRow withStatus(PostRow p, PostStatus status, @Nullable Instant scheduledAt) {
        return new PostRow(
                p.id(),
                p.slug(),
                p.title(),
                p.markdown(),
                p.html(),
                p.excerpt(),
                status,
                p.difficulty(),
                p.premium(),
                p.readingMinutes(),
                p.authorId(),
                p.authorName(),
                p.seriesId(),
                null,
                null,
                p.seriesPosition(),
                p.metaTitle(),
                p.metaDescription(),
                p.canonicalUrl(),
                p.socialImageUrl(),
                scheduledAt,
                p.publishedAt(),
                p.createdAt(),
                now(),
                p.version() + 1,
                List.of());
    }

    /**
     * Tags of these posts changed outside the post aggregate (tag renamed or merged): refresh their
     * search vectors, bump their versions and tell consumers about the published ones.
     */
    @Transactional
    public void tagsChangedFor(List<UUID> postIds) {
        store.refreshSearch(postIds);
        for (UUID id : postIds) {
            PostRow post = store.byIdForUpdate(id).orElse(null);
            if (post == null) {
                continue;
            }
            PostRow next = withStatus(post, post.status(), post.scheduledAt());
            store.update(next, post.version());
            if (post.published()) {
                events.updated(reload(id), null, List.of("tags"));
            }
        }
    }

    /** Series membership of these posts changed (series reordered or deleted). */
    @Transactional
    public void seriesChangedFor(List<UUID> postIds) {
        for (UUID id : postIds) {
            PostRow post = store.byIdForUpdate(id).orElse(null);
            if (post == null) {
                continue;
            }
            store.update(withStatus(post, post.status(), post.scheduledAt()), post.version());
            if (post.published()) {
                events.updated(reload(id), null, List.of("series"));
            }
        }
    }

    PostRow details(UUID id, Caller caller) {
        return owned(id, caller);
    }

    /**
     * What saving this Markdown would publish, without saving it: the same renderer and sanitiser as
     * create and update, and the same size limit (but a 400 naming the field, as for any bad field of
     * a request that stores nothing).
     */
    MarkdownRenderer.Rendered preview(String markdown, Caller caller) {
        requireAuthor(caller);
        if (markdown.length() > props.maxMarkdownChars()) {
            String detail = "The Markdown has " + markdown.length() + " characters; at most " + props.maxMarkdownChars()
                    + " are allowed.";
            throw ProblemException.badRequest(detail)
                    .with("field", "markdown")
                    .with("limit", props.maxMarkdownChars())
                    .with("errors", List.of(java.util.Map.of("field", "markdown", "message", detail)));
        }
        return renderer.render(markdown);
    }

    /** One stored revision's title and Markdown (for comparing it with the current text). */
    PostStore.Revision revision(UUID id, int revision, Caller caller) {
        owned(id, caller);
        return store.revision(id, revision)
                .orElseThrow(() -> ProblemException.notFound("Revision " + revision + " of post " + id));
    }

    List<RevisionResponse> revisions(UUID id, Caller caller) {
        owned(id, caller);
        return store.revisions(id);
    }

    PostResponse publicView(String slug, Optional<Caller> caller) {
        PostStore.PublishedPost p =
                store.published(slug).orElseThrow(() -> redirects.missing(RedirectKind.POST, slug, "Post"));
        boolean full = !p.premium()
                || Caller.premiumOrStaff(caller)
                || caller.map(c -> c.userId().equals(p.authorId())).orElse(false);
        PostResponse.SeriesNav nav = null;
        if (p.seriesId() != null && p.seriesPosition() != null) {
            nav = new PostResponse.SeriesNav(
                    p.seriesId(),
                    Objects.requireNonNull(p.seriesSlug()),
                    Objects.requireNonNull(p.seriesTitle()),
                    p.seriesPosition(),
                    p.previous(),
                    p.next());
        }
        return new PostResponse(
                p.id(),
                p.slug(),
                p.title(),
                p.excerpt(),
                full ? p.html() : null,
                p.premium(),
                full,
                p.difficulty(),
                p.readingMinutes(),
                p.authorId(),
                p.authorName(),
                p.tags(),
                nav,
                p.seo(),
                p.publishedAt(),
                p.updatedAt());
    }

    PostSummary.Page list(PostStore.PostFilter filter, int requestedLimit) {
        int limit = Math.max(1, Math.min(requestedLimit, props.maxPageSize()));
        List<PostRow> rows = store.list(filter, limit + 1);
        String nextCursor = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            PostRow last = rows.get(limit - 1);
            Instant at = filter.publicView() ? Objects.requireNonNull(last.publishedAt()) : last.createdAt();
            nextCursor = new PostStore.Cursor(at, last.id()).encode();
        }
        return new PostSummary.Page(rows.stream().map(PostSummary::of).toList(), nextCursor);
    }

    private PostRow reload(UUID id) {
        return store.byId(id).orElseThrow(() -> ProblemException.notFound("Post " + id));
    }

    private PostRow owned(UUID id, Caller caller) {
        requireAuthor(caller);
        PostRow post = store.byIdForUpdate(id).orElseThrow(() -> ProblemException.notFound("Post " + id));
        if (!caller.mayManage(post.authorId())) {
            throw ProblemException.forbidden("Only the post's author or an editor may change this post.");
        }
        return post;
    }

    private static void requireAuthor(Caller caller) {
        if (!caller.canAuthor()) {
            throw ProblemException.forbidden("Writing posts needs the author, editor or admin role.");
        }
    }

    private void validate(PostRequest r) {
        if (r.markdown().length() > props.maxMarkdownChars()) {
            throw new ProblemException(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "Content too large",
                            "The Markdown has " + r.markdown().length() + " characters; at most "
                                    + props.maxMarkdownChars() + " are allowed.")
                    .with("field", "markdown")
                    .with("limit", props.maxMarkdownChars());
        }
        if (r.markdown().isBlank()) {
            throw ProblemException.unprocessable("The Markdown body is empty.").with("field", "markdown");
        }
        if (r.title().strip().length() > props.maxTitleChars()) {
            throw ProblemException.unprocessable("The title is longer than " + props.maxTitleChars() + " characters.")
                    .with("field", "title");
        }
        if (r.excerpt() != null && r.excerpt().length() > props.maxExcerptChars()) {
            throw ProblemException.unprocessable(
                            "The excerpt is longer than " + props.maxExcerptChars() + " characters.")
                    .with("field", "excerpt");
        }
        if (r.tagNames().size() > props.maxTags()) {
            throw ProblemException.unprocessable("A post has at most " + props.maxTags() + " tags.")
                    .with("field", "tags");
        }
        r.tagNames().forEach(Slugs::fromTitle);
        checkUrl(r.canonicalUrl(), "canonicalUrl", false);
        checkUrl(r.socialImageUrl(), "socialImageUrl", true);
        if (r.seriesId() != null && !store.seriesExists(r.seriesId())) {
            throw ProblemException.unprocessable("There is no series " + r.seriesId() + ".")
                    .with("field", "seriesId");
        }
    }

    private static void checkUrl(@Nullable String value, String field, boolean httpsOnly) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            boolean ok = httpsOnly ? scheme.equals("https") : scheme.equals("https") || scheme.equals("http");
            if (!ok || uri.getHost() == null) {
                throw ProblemException.unprocessable(
                                field + " must be an absolute " + (httpsOnly ? "https" : "http(s)") + " URL.")
                        .with("field", field);
            }
        } catch (java.net.URISyntaxException e) {
            throw ProblemException.unprocessable(field + " is not a URL.").with("field", field);
        }
    }

    /**
     * The excerpt is public on every surface (post API, lists, search snippets, feeds), so a premium
     * post's is the author's own or the free text before its first {@value #PREMIUM_MARKER} line,
     * never the paid body: without either it is empty.
     */
    private String excerptOf(PostRequest r, MarkdownRenderer.Rendered rendered) {
        if (r.excerpt() != null && !r.excerpt().isBlank()) {
            return r.excerpt().strip();
        }
        if (!r.premium()) {
            return rendered.excerpt(props.autoExcerptChars());
        }
        return freePart(r.markdown())
                .map(free -> renderer.render(free).excerpt(props.autoExcerptChars()))
                .orElse("");
    }

    /** Where a premium post's free introduction ends: a line of its own, invisible when rendered. */
    static final String PREMIUM_MARKER = "<!-- premium -->";

    private static final java.util.regex.Pattern MARKER_LINE =
            java.util.regex.Pattern.compile("(?im)^[ \\t]*<!--\\s*premium\\s*-->[ \\t]*$");

    static Optional<String> freePart(String markdown) {
        java.util.regex.Matcher marker = MARKER_LINE.matcher(markdown);
        return marker.find() ? Optional.of(markdown.substring(0, marker.start())) : Optional.empty();
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<String> changedFields(PostRow a, PostRow b, List<String> newTagNames) {
        List<String> changed = new ArrayList<>();
        if (!a.title().equals(b.title())) changed.add("title");
        if (!a.slug().equals(b.slug())) changed.add("slug");
        if (!a.markdown().equals(b.markdown())) changed.add("markdown");
        if (!a.excerpt().equals(b.excerpt())) changed.add("excerpt");
        if (a.difficulty() != b.difficulty()) changed.add("difficulty");
        if (a.premium() != b.premium()) changed.add("premium");
        if (!Objects.equals(a.seriesId(), b.seriesId()) || !Objects.equals(a.seriesPosition(), b.seriesPosition())) {
            changed.add("series");
        }
        List<String> newSlugs =
                newTagNames.stream().map(Slugs::fromTitle).distinct().sorted().toList();
        if (!a.tagSlugs().stream().sorted().toList().equals(newSlugs)) changed.add("tags");
        if (!Objects.equals(a.metaTitle(), b.metaTitle())
                || !Objects.equals(a.metaDescription(), b.metaDescription())
                || !Objects.equals(a.canonicalUrl(), b.canonicalUrl())
                || !Objects.equals(a.socialImageUrl(), b.socialImageUrl())) {
            changed.add("seo");
        }
        return changed;
    }
}
