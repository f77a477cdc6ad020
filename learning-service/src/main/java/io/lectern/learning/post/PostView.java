package io.lectern.learning.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * learning's copy of a post, as content last published it. {@code visible} is false once the post is
 * unpublished or deleted: it leaves lists, but a reader's history of it stays.
 */
public record PostView(
        UUID id,
        String slug,
        String title,
        String excerpt,
        @Nullable UUID seriesId,
        @Nullable Integer seriesPosition,
        List<String> tags,
        String difficulty,
        boolean premium,
        int readingMinutes,
        String markdown,
        String contentHash,
        boolean published,
        boolean deleted,
        @Nullable Instant publishedAt,
        long version) {

    public boolean visible() {
        return published && !deleted;
    }
}
