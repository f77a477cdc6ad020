package io.lectern.learning.progress;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reader's progress on one post. {@code justRead} is true on the update that made it count as read;
 * {@code xpAwarded} the points that update earned (0 on every later one).
 */
record ReadingResponse(
        UUID postId,
        double depthPercent,
        int secondsSpent,
        boolean read,
        boolean manual,
        @Nullable Instant readAt,
        boolean justRead,
        int xpAwarded) {}
