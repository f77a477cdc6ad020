package io.lectern.learning.srs.fsrs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a card stands in the scheduler.
 *
 * @param step index into the learning or relearning steps (0 outside those states)
 * @param memory null until the first review
 * @param lastReview null until the first review
 * @param scheduledDays the interval of the last review in days (0 while in steps)
 */
public record SchedulingState(
        CardState state,
        int step,
        @Nullable MemoryState memory,
        Instant due,
        @Nullable Instant lastReview,
        int reps,
        int lapses,
        int scheduledDays) {

    public static SchedulingState newCard(Instant createdAt) {
        return new SchedulingState(CardState.NEW, 0, null, createdAt, null, 0, 0, 0);
    }
}
