package io.lectern.learning.progress;

import org.jspecify.annotations.Nullable;

/**
 * What the client reports while a post is read: the deepest point reached (percent) and the total
 * seconds spent on the post so far. Both are maxima, so resending is harmless.
 */
record ReadingUpdate(
        @Nullable Double depthPercent, @Nullable Integer secondsSpent) {}
