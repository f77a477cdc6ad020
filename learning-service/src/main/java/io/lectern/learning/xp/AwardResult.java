package io.lectern.learning.xp;

/**
 * The outcome of {@link XpLedger#award}: {@code awarded} is false when the (rule, source) was awarded
 * before (or the user is deleted); then {@code points} is 0 and the totals are the current ones.
 */
public record AwardResult(boolean awarded, int points, long total, int level) {}
