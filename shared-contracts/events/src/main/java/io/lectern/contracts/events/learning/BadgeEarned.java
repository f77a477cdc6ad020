package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A badge was granted; {@code times} counts grants of a repeatable badge (1 for the first). */
@EventType("learning.badge-earned.v1")
public record BadgeEarned(UUID userId, String badgeId, String name, String tier, int times, Instant earnedAt) {}
