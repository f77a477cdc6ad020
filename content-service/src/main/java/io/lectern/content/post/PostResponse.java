package io.lectern.content.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A published post as readers see it. For a premium post read without premium access, {@code html}
 * is null and {@code bodyIncluded} false: the excerpt is all the reader gets.
 */
record PostResponse(
        UUID id,
        String slug,
        String title,
        String excerpt,
        @Nullable String html,
        boolean premium,
        boolean bodyIncluded,
        Difficulty difficulty,
        int readingMinutes,
        UUID authorId,
        String authorName,
        List<PostRow.TagRef> tags,
        @Nullable SeriesNav series,
        Seo seo,
        @Nullable Instant publishedAt,
        Instant updatedAt) {

    record SeriesNav(
            UUID id,
            String slug,
            String title,
            int position,
            @Nullable PostLink previous,
            @Nullable PostLink next) {}

    record PostLink(String slug, String title) {}

    record Seo(
            String metaTitle,
            String metaDescription,
            @Nullable String canonicalUrl,
            @Nullable String socialImageUrl) {}
}
