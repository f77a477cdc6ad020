package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A learner solved the daily challenge of {@code day} (UTC), at most once per user and day. */
@EventType("learning.challenge-solved.v1")
public record ChallengeSolved(
        UUID challengeId, UUID userId, LocalDate day, String kind, int attempts, Instant solvedAt) {}
