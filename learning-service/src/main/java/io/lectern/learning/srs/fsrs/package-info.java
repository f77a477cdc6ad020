/**
 * FSRS-6 spaced-repetition scheduler: pure functions over a card's scheduling state, no Spring and no
 * I/O. {@link io.lectern.learning.srs.fsrs.Fsrs} holds the memory model (stability, difficulty,
 * retrievability); {@link io.lectern.learning.srs.fsrs.Scheduler} turns a rating into the next
 * state, due time and interval. Choices where the reference implementations differ are recorded
 * in docs/adr/0060-fsrs-6-scheduler.md.
 */
@NullMarked
package io.lectern.learning.srs.fsrs;

import org.jspecify.annotations.NullMarked;
