package io.lectern.content.post;

import io.lectern.content.access.Caller;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What readers see: published posts only. An old slug answers 301 to the new one. */
@RestController
@RequestMapping("/api/v1/posts")
class PostController {

    private final PostService posts;

    PostController(PostService posts) {
        this.posts = posts;
    }

    @GetMapping
    PostSummary.Page list(
            @RequestParam @Nullable String tag,
            @RequestParam @Nullable String series,
            @RequestParam @Nullable Difficulty difficulty,
            @RequestParam @Nullable UUID author,
            @RequestParam @Nullable Boolean premium,
            @RequestParam @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return posts.list(
                new PostStore.PostFilter(
                        true,
                        null,
                        tag,
                        series,
                        difficulty,
                        author,
                        premium,
                        cursor == null ? null : PostStore.Cursor.decode(cursor)),
                limit);
    }

    @GetMapping("/{slug}")
    PostResponse get(@PathVariable String slug) {
        return posts.publicView(slug, Caller.current());
    }
}
