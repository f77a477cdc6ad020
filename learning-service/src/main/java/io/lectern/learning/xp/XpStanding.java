package io.lectern.learning.xp;

/** A user's XP total and level, with the totals at which the current and the next level start. */
public record XpStanding(long total, int level, long levelStartsAt, long nextLevelAt) {}
