package io.lectern.learning.srs.fsrs;

import java.time.Duration;
import java.util.List;

/**
 * Per-user scheduling settings. Steps are whole minutes; no learning steps (and short-term off) is
 * the "long-term" scheduler where every interval is at least one day.
 *
 * @param desiredRetention target probability of recall at the due time, 0.70 to 0.97
 * @param maximumInterval longest interval in days
 * @param fuzz spread review intervals by a seeded random amount so cards learnt together drift apart
 * @param shortTerm use the same-day stability formula for reviews on the day of the previous one
 */
public record SchedulerSettings(
        double desiredRetention,
        int maximumInterval,
        List<Duration> learningSteps,
        List<Duration> relearningSteps,
        boolean fuzz,
        boolean shortTerm) {

    public static final double MIN_RETENTION = 0.70;
    public static final double MAX_RETENTION = 0.97;
    public static final int MAX_INTERVAL_LIMIT = 36500;

    public SchedulerSettings {
        if (!(desiredRetention >= MIN_RETENTION && desiredRetention <= MAX_RETENTION)) {
            throw new IllegalArgumentException("desired retention must lie in [0.70, 0.97], was " + desiredRetention);
        }
        if (maximumInterval < 1 || maximumInterval > MAX_INTERVAL_LIMIT) {
            throw new IllegalArgumentException("maximum interval must lie in [1, 36500], was " + maximumInterval);
        }
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
        for (Duration step : learningSteps) {
            requireWholeMinutes(step);
        }
        for (Duration step : relearningSteps) {
            requireWholeMinutes(step);
        }
    }

    /** Retention 0.9, maximum 36500 days, learning steps 1m and 10m, relearning 10m, fuzz on. */
    public static SchedulerSettings defaults() {
        return new SchedulerSettings(
                0.9,
                MAX_INTERVAL_LIMIT,
                List.of(Duration.ofMinutes(1), Duration.ofMinutes(10)),
                List.of(Duration.ofMinutes(10)),
                true,
                true);
    }

    public SchedulerSettings withDesiredRetention(double retention) {
        return new SchedulerSettings(retention, maximumInterval, learningSteps, relearningSteps, fuzz, shortTerm);
    }

    public SchedulerSettings withMaximumInterval(int days) {
        return new SchedulerSettings(desiredRetention, days, learningSteps, relearningSteps, fuzz, shortTerm);
    }

    public SchedulerSettings withFuzz(boolean on) {
        return new SchedulerSettings(desiredRetention, maximumInterval, learningSteps, relearningSteps, on, shortTerm);
    }

    /** No steps and no short-term formula: every rating schedules whole days. */
    public SchedulerSettings longTerm() {
        return new SchedulerSettings(desiredRetention, maximumInterval, List.of(), List.of(), fuzz, false);
    }

    private static void requireWholeMinutes(Duration step) {
        if (step.isNegative() || step.isZero() || step.toSecondsPart() != 0 || step.getNano() != 0) {
            throw new IllegalArgumentException("steps must be positive whole minutes, was " + step);
        }
    }
}
