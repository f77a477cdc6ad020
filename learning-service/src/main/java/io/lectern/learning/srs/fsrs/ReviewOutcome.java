package io.lectern.learning.srs.fsrs;

/**
 * The result of one rating: the card's new scheduling state and what the review log keeps.
 *
 * @param elapsedDays whole local days since the previous review (0 for a first or same-day review)
 */
public record ReviewOutcome(Rating rating, CardState stateBefore, int elapsedDays, SchedulingState after) {}
