package io.lectern.content.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A post in a list: never its body. */
record PostSummary(
        UUID id,
        String slug,
        String title,
        String excerpt,
        PostStatus status,
        boolean premium,
        Difficulty difficulty,
        int readingMinutes,
        UUID authorId,
        String authorName,
        List<PostRow.TagRef> tags,
        @Nullable String seriesSlug,
        @Nullable Integer seriesPosition,
        @Nullable Instant publishedAt,
        @Nullable Instant scheduledAt) {

    static PostSummary of(PostRow p) {
        return new PostSummary(
                p.id(),
                p.slug(),
                p.title(),
                p.excerpt(),
                p.status(),
                p.premium(),
                p.difficulty(),
                p.readingMinutes(),
                p.authorId(),
                p.authorName(),
                p.tags(),
                p.seriesSlug(),
                p.seriesPosition(),
                p.publishedAt(),
                p.scheduledAt());
    }

    record Page(List<PostSummary> items, @Nullable String nextCursor) {}
}
