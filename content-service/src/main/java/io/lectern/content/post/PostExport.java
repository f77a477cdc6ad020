package io.lectern.content.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Everything a post is, for a full export; tags by name (the name is what an import recreates them from). */
public record PostExport(
        UUID id,
        String slug,
        String title,
        String markdown,
        String excerpt,
        PostStatus status,
        Difficulty difficulty,
        boolean premium,
        List<String> tags,
        @Nullable String series,
        @Nullable Integer seriesPosition,
        @Nullable String metaTitle,
        @Nullable String metaDescription,
        @Nullable String canonicalUrl,
        @Nullable String socialImageUrl,
        @Nullable Instant scheduledAt,
        @Nullable Instant publishedAt,
        UUID authorId,
        String authorName,
        Instant createdAt,
        Instant updatedAt) {

    static PostExport of(PostRow p) {
        return new PostExport(
                p.id(),
                p.slug(),
                p.title(),
                p.markdown(),
                p.excerpt(),
                p.status(),
                p.difficulty(),
                p.premium(),
                p.tags().stream().map(PostRow.TagRef::name).toList(),
                p.seriesSlug(),
                // A deleted series leaves its old position behind on the post (the FK only nulls the id).
                p.seriesSlug() == null ? null : p.seriesPosition(),
                p.metaTitle(),
                p.metaDescription(),
                p.canonicalUrl(),
                p.socialImageUrl(),
                p.scheduledAt(),
                p.publishedAt(),
                p.authorId(),
                p.authorName(),
                p.createdAt(),
                p.updatedAt());
    }
}
