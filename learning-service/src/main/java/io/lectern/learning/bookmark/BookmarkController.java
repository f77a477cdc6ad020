package io.lectern.learning.bookmark;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/bookmarks")
class BookmarkController {

    private final Bookmarks bookmarks;

    BookmarkController(Bookmarks bookmarks) {
        this.bookmarks = bookmarks;
    }

    /** Bookmarks a post (idempotent: a second call keeps the first time). */
    @PutMapping("/{postId}")
    BookmarkResponse add(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID postId) {
        return bookmarks.add(user(jwt), postId);
    }

    /** Removes a bookmark; 204 whether or not it existed. */
    @DeleteMapping("/{postId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID postId) {
        bookmarks.remove(user(jwt), postId);
    }

    /** The reader's bookmarks, newest first, {@code limit} per page (1..100). */
    @GetMapping
    BookmarkPage list(
            @AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "20") int limit) {
        return bookmarks.page(user(jwt), cursor, limit);
    }

    /** Whether each of up to 100 posts is bookmarked ({@code ?postIds=a,b,c}). */
    @GetMapping("/status")
    BookmarkStatusResponse status(@AuthenticationPrincipal Jwt jwt, @RequestParam List<UUID> postIds) {
        return bookmarks.status(user(jwt), postIds);
    }

    private static UUID user(Jwt jwt) {
        return UUID.fromString(jwt.getSubject());
    }
}
