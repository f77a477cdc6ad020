package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A reader's XP total crossed a level threshold; {@code nextLevelAt} is the total the next level needs. */
@EventType("learning.level-reached.v1")
public record LevelReached(
        UUID userId, int level, int previousLevel, long total, long nextLevelAt, Instant reachedAt) {}
