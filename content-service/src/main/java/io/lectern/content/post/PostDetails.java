package io.lectern.content.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Everything about a post, for its author and staff: source Markdown, status and version included. */
record PostDetails(
        UUID id,
        String slug,
        String title,
        String markdown,
        String html,
        String excerpt,
        PostStatus status,
        Difficulty difficulty,
        boolean premium,
        int readingMinutes,
        UUID authorId,
        String authorName,
        List<PostRow.TagRef> tags,
        @Nullable UUID seriesId,
        @Nullable Integer seriesPosition,
        PostResponse.Seo seo,
        @Nullable Instant scheduledAt,
        @Nullable Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    static PostDetails of(PostRow p) {
        return new PostDetails(
                p.id(),
                p.slug(),
                p.title(),
                p.markdown(),
                p.html(),
                p.excerpt(),
                p.status(),
                p.difficulty(),
                p.premium(),
                p.readingMinutes(),
                p.authorId(),
                p.authorName(),
                p.tags(),
                p.seriesId(),
                p.seriesPosition(),
                PostService.seo(p),
                p.scheduledAt(),
                p.publishedAt(),
                p.createdAt(),
                p.updatedAt(),
                p.version());
    }
}
