package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A new study day (in the reader's own time zone) extended the streak to {@code length} days. */
@EventType("learning.streak-extended.v1")
public record StreakExtended(
        UUID userId, int length, int longest, LocalDate day, String timeZone, int freezesHeld, Instant at) {}
