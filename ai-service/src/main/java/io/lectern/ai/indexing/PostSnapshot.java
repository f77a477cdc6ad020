package io.lectern.ai.indexing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A published post as content's latest event describes it. */
public record PostSnapshot(
        UUID id,
        String slug,
        String title,
        String excerpt,
        UUID authorId,
        @Nullable UUID seriesId,
        @Nullable String seriesSlug,
        List<String> tags,
        String difficulty,
        boolean premium,
        String markdown,
        String contentHash,
        long version,
        Instant publishedAt) {}
