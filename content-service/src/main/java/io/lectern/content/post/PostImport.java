package io.lectern.content.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A post arriving from an import (Markdown files, Ghost, a Lectern export). It becomes a post through
 * the same rules as one written in the editor; {@code publishedAt} keeps the original publication
 * date, and a {@code SCHEDULED} post whose date has passed is published.
 */
public record PostImport(
        String title,
        @Nullable String slug,
        String markdown,
        @Nullable String excerpt,
        @Nullable Difficulty difficulty,
        boolean premium,
        List<String> tags,
        @Nullable UUID seriesId,
        @Nullable Integer seriesPosition,
        @Nullable String metaTitle,
        @Nullable String metaDescription,
        @Nullable String canonicalUrl,
        @Nullable String socialImageUrl,
        PostStatus status,
        @Nullable Instant publishedAt) {}
