package io.lectern.content.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One post as stored, with its tags and series coordinates resolved. */
record PostRow(
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
        @Nullable UUID seriesId,
        @Nullable String seriesSlug,
        @Nullable String seriesTitle,
        @Nullable Integer seriesPosition,
        @Nullable String metaTitle,
        @Nullable String metaDescription,
        @Nullable String canonicalUrl,
        @Nullable String socialImageUrl,
        @Nullable Instant scheduledAt,
        @Nullable Instant publishedAt,
        Instant createdAt,
        Instant updatedAt,
        long version,
        List<TagRef> tags) {

    boolean published() {
        return status == PostStatus.PUBLISHED;
    }

    List<String> tagSlugs() {
        return tags.stream().map(TagRef::slug).toList();
    }

    PostRow withTags(List<TagRef> newTags) {
        return new PostRow(
                id,
                slug,
                title,
                markdown,
                html,
                excerpt,
                status,
                difficulty,
                premium,
                readingMinutes,
                authorId,
                authorName,
                seriesId,
                seriesSlug,
                seriesTitle,
                seriesPosition,
                metaTitle,
                metaDescription,
                canonicalUrl,
                socialImageUrl,
                scheduledAt,
                publishedAt,
                createdAt,
                updatedAt,
                version,
                newTags);
    }

    record TagRef(String slug, String name) {}
}
