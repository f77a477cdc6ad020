package io.lectern.learning.post;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The few fields lists show next to a post (bookmarks, progress, notes); no Markdown. */
public record PostSummary(
        UUID id,
        String slug,
        String title,
        String excerpt,
        @Nullable UUID seriesId,
        int readingMinutes,
        boolean premium,
        boolean visible) {}
