package io.lectern.contracts.events.learning;

import io.lectern.contracts.events.EventType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The cards a reader who opted in to review from the inbox has due today ({@code localDate}, their
 * calendar day), at most a handful, each with one signed single-use grade link per rating. The links
 * carry no session and stop working at {@code expiresAt}. {@code dueCount} counts every due card.
 */
@EventType("learning.cards-due.v1")
public record CardsDue(UUID userId, LocalDate localDate, int dueCount, List<DueCard> cards, Instant expiresAt) {

    /** One card: its front text and the grade links "again", "hard", "good", "easy" in that order. */
    public record DueCard(UUID cardId, String front, List<GradeLink> links) {}

    /** {@code rating} 1 to 4, {@code label} as shown on the button, {@code url} absolute. */
    public record GradeLink(int rating, String label, String url) {}
}
