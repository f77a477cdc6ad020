package io.lectern.content.post;

import io.lectern.content.access.Caller;
import io.lectern.content.markdown.MarkdownRenderer;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Writing posts. Authors see and change their own posts (others' answer 403); editors and admins all.
 * Readers get 403 on every endpoint here.
 */
@RestController
@RequestMapping("/api/v1/admin/posts")
class AdminPostController {

    private final PostService posts;

    AdminPostController(PostService posts) {
        this.posts = posts;
    }

    @GetMapping
    PostSummary.Page list(
            @RequestParam @Nullable PostStatus status,
            @RequestParam @Nullable String tag,
            @RequestParam @Nullable String series,
            @RequestParam @Nullable Difficulty difficulty,
            @RequestParam @Nullable UUID author,
            @RequestParam @Nullable Boolean premium,
            @RequestParam @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        Caller caller = Caller.required();
        if (!caller.canAuthor()) {
            throw io.lectern.platform.web.ProblemException.forbidden("Listing drafts needs the author role.");
        }
        UUID owner = caller.isStaff() ? author : caller.userId();
        return posts.list(
                new PostStore.PostFilter(
                        false,
                        status,
                        tag,
                        series,
                        difficulty,
                        owner,
                        premium,
                        cursor == null ? null : PostStore.Cursor.decode(cursor)),
                limit);
    }

    @PostMapping
    ResponseEntity<PostDetails> create(@Valid @RequestBody PostRequest request) {
        PostRow created = posts.create(request, Caller.required());
        return ResponseEntity.created(URI.create("/api/v1/admin/posts/" + created.id()))
                .body(PostDetails.of(created));
    }

    @GetMapping("/{id}")
    PostDetails get(@PathVariable UUID id) {
        return PostDetails.of(posts.details(id, Caller.required()));
    }

    @PutMapping("/{id}")
    PostDetails update(@PathVariable UUID id, @Valid @RequestBody PostRequest request) {
        return PostDetails.of(posts.update(id, request, Caller.required()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        posts.delete(id, Caller.required());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/publish")
    PostDetails publish(@PathVariable UUID id) {
        return PostDetails.of(posts.publish(id, Caller.required()));
    }

    @PostMapping("/{id}/unpublish")
    PostDetails unpublish(@PathVariable UUID id) {
        return PostDetails.of(posts.unpublish(id, Caller.required()));
    }

    @PostMapping("/{id}/schedule")
    PostDetails schedule(@PathVariable UUID id, @Valid @RequestBody ScheduleRequest request) {
        return PostDetails.of(posts.schedule(id, request.publishAt(), Caller.required()));
    }

    @Operation(
            summary = "Render Markdown as a saved post would be, without saving it",
            description = "The same renderer and sanitiser as saving a post: raw HTML, scripts and unsafe URLs"
                    + " do not survive. Authors, editors and admins. Markdown over the post size limit, or"
                    + " none, is a 400 problem naming the field `markdown`.")
    @PostMapping("/preview")
    PreviewResponse preview(@Valid @RequestBody PreviewRequest request) {
        MarkdownRenderer.Rendered rendered = posts.preview(request.markdown(), Caller.required());
        return new PreviewResponse(rendered.html(), rendered.readingMinutes());
    }

    @GetMapping("/{id}/revisions")
    List<RevisionResponse> revisions(@PathVariable UUID id) {
        return posts.revisions(id, Caller.required());
    }

    @Operation(summary = "One revision's title and Markdown, to compare it with the current text")
    @GetMapping("/{id}/revisions/{revision}")
    RevisionText revision(@PathVariable UUID id, @PathVariable int revision) {
        PostStore.Revision r = posts.revision(id, revision, Caller.required());
        return new RevisionText(revision, r.title(), r.markdown());
    }

    @PostMapping("/{id}/revisions/{revision}/restore")
    PostDetails restore(@PathVariable UUID id, @PathVariable int revision) {
        return PostDetails.of(posts.restore(id, revision, Caller.required()));
    }

    record ScheduleRequest(@NotNull Instant publishAt) {}

    /** Markdown to preview; the length limit is the post body's ({@code lectern.content.posts.max-markdown-chars}). */
    record PreviewRequest(@NotNull String markdown) {}

    /** Sanitised HTML, exactly what readers would get, and the reading time it would show. */
    record PreviewResponse(String html, int readingMinutes) {}

    record RevisionText(int revision, String title, String markdown) {}
}
