package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reader reviewed a spaced-repetition card. {@code rating} is 1 (again) to 4 (easy); {@code localDate}
 * is the reader's own calendar day; {@code via} is "app" or "email" (a grade link).
 */
@EventType("learning.card-reviewed.v1")
public record CardReviewed(
        UUID reviewId,
        UUID userId,
        UUID cardId,
        @Nullable UUID postId,
        int rating,
        String stateBefore,
        String stateAfter,
        int scheduledDays,
        Instant reviewedAt,
        LocalDate localDate,
        String via) {}
