package io.lectern.learning.srs;

import io.lectern.learning.srs.fsrs.CardState;
import io.lectern.learning.srs.fsrs.MemoryState;
import io.lectern.learning.srs.fsrs.SchedulingState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One card row: content, where it came from, and its scheduling state. */
record Card(
        UUID id,
        UUID userId,
        CardKind kind,
        String front,
        String back,
        CardOrigin origin,
        @Nullable String siblingKey,
        @Nullable UUID noteId,
        @Nullable UUID postId,
        @Nullable String anchor,
        @Nullable String sourceText,
        SourceStatus sourceStatus,
        @Nullable String sourceNewText,
        boolean suspended,
        @Nullable LocalDate buriedUntil,
        SchedulingState scheduling,
        long version,
        Instant createdAt) {

    enum CardKind {
        BASIC,
        CLOZE
    }

    enum CardOrigin {
        USER,
        NOTE,
        PASSAGE,
        DRAFT,
        AUTHOR,
        QUIZ
    }

    enum SourceStatus {
        CURRENT,
        CHANGED,
        REMOVED
    }

    /** The seed of this card's interval fuzz: fixed per card, so a replay of its log gives the same schedule. */
    long fuzzSeed() {
        return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
    }

    static SchedulingState scheduling(
            String state,
            int step,
            @Nullable Double stability,
            @Nullable Double difficulty,
            Instant due,
            @Nullable Instant lastReview,
            int reps,
            int lapses,
            int scheduledDays) {
        MemoryState memory = stability == null || difficulty == null ? null : new MemoryState(stability, difficulty);
        return new SchedulingState(
                CardState.valueOf(state), step, memory, due, lastReview, reps, lapses, scheduledDays);
    }
}
