package io.lectern.content.post;

import io.lectern.content.access.Caller;
import io.lectern.content.readcache.CachePolicy;
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
 * What readers see: published posts only. An old slug answers 301 to the new one. Lists and the
 * anonymous answer of a free post are public (briefly cacheable, served from the read cache); a premium
 * post or a signed-in reader's answer is private and never stored.
 */
@RestController
@RequestMapping("/api/v1/posts")
class PostController {

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

    @GetMapping("/{slug}")
    ResponseEntity<PostResponse> get(@PathVariable String slug) {
        Optional<Caller> caller = Caller.current();
        PostResponse post = posts.publicView(slug, caller);
        return caller.isEmpty() && !post.premium() ? cache.publicAnswer(post) : cache.privateAnswer(post);
    }
}
