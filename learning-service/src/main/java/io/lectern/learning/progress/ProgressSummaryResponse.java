package io.lectern.learning.progress;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A reader's overall progress: posts read (of the published ones), total reading time, the last read,
 * series completed, and the most recent posts touched.
 */
record ProgressSummaryResponse(
        long postsRead,
        long publishedPosts,
        int percentOfCatalogue,
        long secondsSpent,
        @Nullable Instant lastReadAt,
        long seriesCompleted,
        List<PostProgressItem> recent) {

    record PostProgressItem(
            java.util.UUID postId, String slug, String title, double depthPercent, boolean read, Instant lastSeenAt) {}
}
