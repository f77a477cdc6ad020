package io.lectern.contracts.events.content;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A post became visible to readers. Carries what search, AI indexing, learning and the digest need,
 * including the Markdown and its SHA-256 so indexers can skip unchanged content.
 */
@EventType("content.post-published.v1")
public record PostPublished(
        UUID postId,
        String slug,
        String title,
        String excerpt,
        UUID authorId,
        String authorName,
        @Nullable UUID seriesId,
        @Nullable String seriesSlug,
        @Nullable Integer seriesPosition,
        List<String> tags,
        String difficulty,
        boolean premium,
        int readingMinutes,
        String markdown,
        String contentHash,
        Instant publishedAt,
        long version) {}
