package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A mock interview was finished. {@code feedbackMethod} says how answers were judged: "llm", or
 * "reference" (similarity and key-term coverage against the reference answers, without a model).
 */
@EventType("learning.interview-completed.v1")
public record InterviewCompleted(
        UUID interviewId,
        UUID userId,
        @Nullable UUID seriesId,
        @Nullable String tag,
        int questions,
        double score,
        String feedbackMethod,
        Instant completedAt) {}
