package io.lectern.learning.srs.fsrs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * Turns a rating into a card's next scheduling state. Days are local dates in the learner's zone:
 * a review on the same local date as the previous one is a same-day review, and elapsed days are
 * differences of local dates. Fuzz is drawn from a {@link SplittableRandom} seeded with the card's
 * seed and its review count, so a replay gives the same schedule.
 */
public final class Scheduler {

    private static final double[][] FUZZ_RANGES = {{2.5, 7, 0.15}, {7, 20, 0.10}, {20, Double.POSITIVE_INFINITY, 0.05}};
    private static final long SEED_MIX = 0x9E3779B97F4A7C15L;

    private final Fsrs fsrs;
    private final SchedulerSettings settings;

    public Scheduler(Fsrs fsrs, SchedulerSettings settings) {
        this.fsrs = fsrs;
        this.settings = settings;
    }

    public Fsrs model() {
        return fsrs;
    }

    public SchedulerSettings settings() {
        return settings;
    }

    /** The card after {@code rating} at {@code now}. */
    public ReviewOutcome review(SchedulingState card, Rating rating, Instant now, ZoneId zone, long cardSeed) {
        return preview(card, now, zone, cardSeed).get(rating);
    }

    /** The outcome of each of the four ratings at {@code now} (what the answer buttons show). */
    public Map<Rating, ReviewOutcome> preview(SchedulingState card, Instant now, ZoneId zone, long cardSeed) {
        int elapsed = elapsedDays(card.lastReview(), now, zone);
        MemoryState before = card.state() == CardState.NEW ? null : card.memory();
        Map<Rating, MemoryState> memory = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            memory.put(rating, fsrs.next(before, elapsed, rating, settings.shortTerm()));
        }
        double fuzzDraw = new SplittableRandom(cardSeed ^ (SEED_MIX * (card.reps() + 1L))).nextDouble();

        Map<Rating, Step> steps = new EnumMap<>(Rating.class);
        List<Rating> graduating = new ArrayList<>();
        for (Rating rating : Rating.values()) {
            Step step = stepFor(card, rating);
            if (step == null) {
                graduating.add(rating);
            } else {
                steps.put(rating, step);
            }
        }
        Map<Rating, Integer> days = monotonicDays(graduating, memory, elapsed, fuzzDraw);

        Map<Rating, ReviewOutcome> outcomes = new EnumMap<>(Rating.class);
        for (Rating rating : Rating.values()) {
            int lapses = card.lapses() + (card.state() == CardState.REVIEW && rating == Rating.AGAIN ? 1 : 0);
            Step step = steps.get(rating);
            SchedulingState after;
            if (step != null) {
                after = new SchedulingState(
                        step.state(),
                        step.index(),
                        memory.get(rating),
                        now.plus(step.delay()),
                        now,
                        card.reps() + 1,
                        lapses,
                        0);
            } else {
                int interval = days.get(rating);
                after = new SchedulingState(
                        CardState.REVIEW,
                        0,
                        memory.get(rating),
                        now.plus(Duration.ofDays(interval)),
                        now,
                        card.reps() + 1,
                        lapses,
                        interval);
            }
            outcomes.put(rating, new ReviewOutcome(rating, card.state(), elapsed, after));
        }
        return outcomes;
    }

    /** Probability of recall at {@code at}, counting fractional days since the last review; 0 for a new card. */
    public double retrievability(SchedulingState card, Instant at) {
        MemoryState memory = card.memory();
        Instant last = card.lastReview();
        if (card.state() == CardState.NEW || memory == null || last == null) {
            return 0.0;
        }
        double days = Math.max(0L, Duration.between(last, at).toMillis()) / 86_400_000.0;
        return fsrs.retrievability(days, memory.stability());
    }

    /** Whole local days between the previous review and {@code now}; 0 for a first review. */
    public static int elapsedDays(@Nullable Instant lastReview, Instant now, ZoneId zone) {
        if (lastReview == null) {
            return 0;
        }
        LocalDate from = lastReview.atZone(zone).toLocalDate();
        LocalDate to = now.atZone(zone).toLocalDate();
        return (int) Math.max(0L, ChronoUnit.DAYS.between(from, to));
    }

    /** The interval in days for stability S before fuzz: I(r, S) rounded, clamped to [1, maximum]. */
    public int interval(double stability) {
        long days = Math.round(fsrs.interval(stability, settings.desiredRetention()));
        return (int) Math.min(Math.max(1L, days), settings.maximumInterval());
    }

    /** The range fuzz may move an interval of {@code interval} days to, as [min, max]. */
    public int[] fuzzRange(int interval, int elapsedDays) {
        double delta = 1.0;
        for (double[] range : FUZZ_RANGES) {
            delta += range[2] * Math.max(Math.min(interval, range[1]) - range[0], 0.0);
        }
        int max = settings.maximumInterval();
        int capped = Math.min(interval, max);
        int low = (int) Math.max(2L, Math.round(capped - delta));
        int high = (int) Math.min(Math.round(capped + delta), max);
        if (capped > elapsedDays) {
            low = Math.max(low, elapsedDays + 1);
        }
        low = Math.min(low, high);
        return new int[] {low, high};
    }

    private int fuzzed(int interval, int elapsedDays, double draw) {
        if (!settings.fuzz() || interval < 2.5) {
            return interval;
        }
        int[] range = fuzzRange(interval, elapsedDays);
        return (int) Math.floor(draw * (range[1] - range[0] + 1) + range[0]);
    }

    /**
     * Intervals of the ratings that leave the steps, kept increasing with the rating (each at least a
     * day longer than the one of the rating below it) and never above the maximum.
     */
    private Map<Rating, Integer> monotonicDays(
            List<Rating> graduating, Map<Rating, MemoryState> memory, int elapsed, double draw) {
        Map<Rating, Integer> days = new EnumMap<>(Rating.class);
        int previous = 0;
        for (Rating rating : graduating) {
            int candidate = fuzzed(interval(memory.get(rating).stability()), elapsed, draw);
            int value = days.isEmpty() ? candidate : Math.max(candidate, previous + 1);
            value = Math.min(value, settings.maximumInterval());
            days.put(rating, value);
            previous = value;
        }
        return days;
    }

    private record Step(CardState state, int index, Duration delay) {}

    /** The learning or relearning step a rating leads to, or null when it leads to the review state. */
    private @Nullable Step stepFor(SchedulingState card, Rating rating) {
        return switch (card.state()) {
            case REVIEW ->
                rating == Rating.AGAIN && !settings.relearningSteps().isEmpty()
                        ? new Step(
                                CardState.RELEARNING,
                                0,
                                settings.relearningSteps().get(0))
                        : null;
            case NEW -> withinSteps(settings.learningSteps(), 0, rating, CardState.LEARNING);
            case LEARNING -> withinSteps(settings.learningSteps(), card.step(), rating, CardState.LEARNING);
            case RELEARNING -> withinSteps(settings.relearningSteps(), card.step(), rating, CardState.RELEARNING);
        };
    }

    /**
     * Again restarts the steps; Hard repeats the current step, except at the first step where it
     * waits the mean of the first two steps (1.5 × the only step); Good moves to the next step or
     * graduates after the last; Easy graduates. A step index past a shortened list graduates on
     * Hard, Good and Easy.
     */
    private static @Nullable Step withinSteps(List<Duration> steps, int index, Rating rating, CardState state) {
        if (steps.isEmpty()) {
            return null;
        }
        return switch (rating) {
            case AGAIN -> new Step(state, 0, steps.get(0));
            case HARD -> {
                if (index >= steps.size()) {
                    yield null;
                }
                Duration delay = index > 0
                        ? steps.get(index)
                        : steps.size() > 1
                                ? steps.get(0).plus(steps.get(1)).dividedBy(2)
                                : steps.get(0).multipliedBy(3).dividedBy(2);
                yield new Step(state, index, wholeMinutes(delay));
            }
            case GOOD -> index + 1 < steps.size() ? new Step(state, index + 1, steps.get(index + 1)) : null;
            case EASY -> null;
        };
    }

    private static Duration wholeMinutes(Duration delay) {
        return Duration.ofMinutes(Math.round(delay.toMillis() / 60_000.0));
    }
}
