package io.lectern.content.post;

import io.lectern.content.access.Caller;
import io.lectern.content.readcache.CachePolicy;
import io.lectern.content.readcache.PublicReadCache;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What readers see: published posts only. An old slug answers 301 to the new one, the slug of a deleted
 * post (or an old slug of one) 410, any other slug (a draft, an unpublished post, nothing) 404. Lists and
 * the anonymous answer of a free post are public (briefly cacheable, served from the read cache); a
 * premium post's answer is private and never stored here, but the gateway is told which readers it is the
 * same for (ADR 0114); a signed-in reader's answer is private, and for a free post (the same bytes as the
 * anonymous answer) may be stored and served to verified readers.
 */
@RestController
@RequestMapping("/api/v1/posts")
class PostController {

    private static final String PROBLEM = "#/components/schemas/Problem";

    private final PostService posts;
    private final CachePolicy cache;

    PostController(PostService posts, CachePolicy cache) {
        this.posts = posts;
        this.cache = cache;
    }

    @GetMapping
    ResponseEntity<PostSummary.Page> list(
            @RequestParam @Nullable String tag,
            @RequestParam @Nullable String series,
            @RequestParam @Nullable Difficulty difficulty,
            @RequestParam @Nullable UUID author,
            @RequestParam @Nullable Boolean premium,
            @RequestParam @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return cache.publicAnswer(posts.list(
                new PostStore.PostFilter(
                        true,
                        null,
                        tag,
                        series,
                        difficulty,
                        author,
                        premium,
                        cursor == null ? null : PostStore.Cursor.decode(cursor)),
                limit));
    }

    @ApiResponse(responseCode = "200", description = "The published post")
    @ApiResponse(
            responseCode = "301",
            description = "An old slug: the post now lives at the Location (the problem repeats it as"
                    + " `location`, and its slug as `slug`)",
            headers = @Header(name = "Location", schema = @Schema(type = "string")),
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    @ApiResponse(
            responseCode = "410",
            description = "The post was deleted (this slug or an old slug of it)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = PROBLEM)))
    @GetMapping("/{slug}")
    ResponseEntity<PostResponse> get(@PathVariable String slug, HttpServletRequest request) {
        Optional<Caller> caller = Caller.current();
        PostResponse post = posts.publicView(slug, caller);
        if (post.premium()) {
            // the body for every entitled reader, the teaser for everyone else but the author (ADR 0114)
            request.setAttribute(
                    PublicReadCache.AUDIENCE,
                    post.bodyIncluded()
                            ? "holders=" + Caller.PREMIUM_OR_STAFF_CLAIMS
                            : "others=" + Caller.PREMIUM_OR_STAFF_CLAIMS + ", except=" + post.authorId());
            return cache.privateAnswer(post);
        }
        if (caller.isEmpty()) {
            return cache.publicAnswer(post);
        }
        // a free post reads the same for everyone: the read cache may serve it to any verified reader
        request.setAttribute(PublicReadCache.SAME_FOR_EVERYONE, Boolean.TRUE);
        return cache.privateAnswer(post);
    }
}
