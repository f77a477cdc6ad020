package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A reader has read every published post of a series (once per user and series). */
@EventType("learning.series-completed.v1")
public record SeriesCompleted(
        UUID userId, UUID seriesId, String seriesSlug, String seriesTitle, int postCount, Instant completedAt) {}
