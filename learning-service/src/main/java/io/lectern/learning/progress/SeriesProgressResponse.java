package io.lectern.learning.progress;

import io.lectern.learning.post.PostSummary;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How far a reader is through a series: posts read of its published posts, and the next one to read. */
record SeriesProgressResponse(
        UUID seriesId,
        String slug,
        String title,
        int totalPosts,
        int readPosts,
        int percentDone,
        @Nullable PostSummary nextPost,
        boolean completed,
        @Nullable Instant completedAt) {}
