package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The streak ended: {@code missedDay} had no study and no freeze was left; {@code length} was its length. */
@EventType("learning.streak-lost.v1")
public record StreakLost(UUID userId, int length, LocalDate missedDay, String timeZone, Instant at) {}
