package io.lectern.learning.progress;

import io.lectern.learning.post.PostSummary;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where to pick up: the most recently opened post not yet read ({@code reason = IN_PROGRESS}), otherwise
 * the next unread post of the most recently read series ({@code NEXT_IN_SERIES}); empty when neither exists.
 */
record ContinueReadingResponse(
        @Nullable PostSummary post,
        @Nullable String reason,
        double depthPercent,
        @Nullable UUID seriesId) {}
