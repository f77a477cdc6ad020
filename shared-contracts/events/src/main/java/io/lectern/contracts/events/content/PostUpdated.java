package io.lectern.contracts.events.content;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A published post changed; {@code changed} names the fields that differ (e.g. "markdown", "slug", "tags"). */
@EventType("content.post-updated.v1")
public record PostUpdated(
        UUID postId,
        String slug,
        @Nullable String previousSlug,
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
        List<String> changed,
        Instant updatedAt,
        long version) {}
