package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** One entry of the XP ledger: {@code points} for {@code rule} from {@code sourceKey}; {@code total} after it. */
@EventType("learning.xp-awarded.v1")
public record XpAwarded(
        UUID userId, String rule, String sourceKey, int points, long total, int level, Instant awardedAt) {}
