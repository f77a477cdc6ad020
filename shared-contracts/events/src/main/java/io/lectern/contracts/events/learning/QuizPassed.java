package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A learner passed a quiz (once per attempt). {@code purpose} is PRACTICE, FINAL (a series' final quiz)
 * or RETENTION (the quiz that earns the retained certificate level); exactly one of postId/seriesId is set.
 */
@EventType("learning.quiz-passed.v1")
public record QuizPassed(
        UUID attemptId,
        UUID userId,
        @Nullable UUID postId,
        @Nullable UUID seriesId,
        String purpose,
        double score,
        int correct,
        int total,
        Instant passedAt) {}
