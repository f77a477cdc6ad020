/**
 * Spaced repetition: cards (basic and cloze; from the reader, a study note, a post passage, drafts
 * for a finished post, an author's cards), the review queue, reviews with undo, the review log,
 * statistics, "source changed" flags when a post is edited, and review from the inbox through signed
 * single-use grade links. Scheduling is the pure FSRS-6 module in {@code srs.fsrs}.
 */
@NullMarked
package io.lectern.learning.srs;

import org.jspecify.annotations.NullMarked;
