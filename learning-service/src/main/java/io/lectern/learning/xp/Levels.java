package io.lectern.learning.xp;

/**
 * The level curve: level {@code n} (from 1) is reached at {@code step * n * (n - 1) / 2} XP, so every
 * level costs {@code step} more than the one before (step 100: 0, 100, 300, 600, 1000, ...).
 */
public record Levels(int step) {

    public int levelFor(long total) {
        if (total <= 0) {
            return 1;
        }
        // largest n with step * n * (n - 1) / 2 <= total
        int n = (int) Math.floor((1 + Math.sqrt(1 + 8.0 * total / step)) / 2);
        while (thresholdOf(n + 1) <= total) {
            n++;
        }
        while (n > 1 && thresholdOf(n) > total) {
            n--;
        }
        return n;
    }

    /** Total XP at which {@code level} starts. */
    public long thresholdOf(int level) {
        return (long) step * level * (level - 1) / 2;
    }
}
