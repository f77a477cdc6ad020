package io.lectern.learning.srs.fsrs;

import org.jspecify.annotations.Nullable;

/**
 * The FSRS-6 memory model: how stability and difficulty change after a rating, and how recall
 * probability decays. Follows fsrs-rs (src/model.rs) in double precision, including its rule that a
 * same-day Hard, Good or Easy never lowers stability (SInc ≥ 1).
 */
public final class Fsrs {

    public static final double S_MIN = 0.001;
    public static final double S_MAX = 36500.0;
    private static final double D_MIN = 1.0;
    private static final double D_MAX = 10.0;

    private final Parameters p;
    private final double decay;
    private final double factor;

    public Fsrs(Parameters parameters) {
        this.p = parameters;
        this.decay = -parameters.w(20);
        this.factor = Math.pow(0.9, 1.0 / decay) - 1.0;
    }

    public static Fsrs withDefaults() {
        return new Fsrs(Parameters.defaults());
    }

    public Parameters parameters() {
        return p;
    }

    /** Probability of recall {@code elapsedDays} (fractional allowed) after a review at stability S. */
    public double retrievability(double elapsedDays, double stability) {
        return Math.pow(1.0 + factor * Math.max(0.0, elapsedDays) / stability, decay);
    }

    /**
     * The unrounded interval in days after which recall probability falls to {@code retention}; at
     * retention 0.9 it equals the stability.
     */
    public double interval(double stability, double retention) {
        return stability / factor * (Math.pow(retention, 1.0 / decay) - 1.0);
    }

    public double initialStability(Rating rating) {
        return Math.max(p.w(rating.grade() - 1), S_MIN);
    }

    public double initialDifficulty(Rating rating) {
        return clampD(rawInitialDifficulty(rating.grade()));
    }

    private double rawInitialDifficulty(int grade) {
        return p.w(4) - Math.exp(p.w(5) * (grade - 1)) + 1.0;
    }

    /** Linear damping towards 10, then mean reversion towards the unclamped D0(Easy). */
    public double nextDifficulty(double difficulty, Rating rating) {
        double delta = -p.w(6) * (rating.grade() - 3);
        double damped = difficulty + delta * (10.0 - difficulty) / 9.0;
        double reverted = p.w(7) * rawInitialDifficulty(4) + (1.0 - p.w(7)) * damped;
        return clampD(reverted);
    }

    /** Stability after a successful recall (Hard, Good or Easy) on a later day. */
    public double recallStability(double difficulty, double stability, double retrievability, Rating rating) {
        double hardPenalty = rating == Rating.HARD ? p.w(15) : 1.0;
        double easyBonus = rating == Rating.EASY ? p.w(16) : 1.0;
        double increase = Math.exp(p.w(8))
                * (11.0 - difficulty)
                * Math.pow(stability, -p.w(9))
                * (Math.exp(p.w(10) * (1.0 - retrievability)) - 1.0)
                * hardPenalty
                * easyBonus;
        return clampS(stability * (1.0 + increase));
    }

    /** The long-term part of the stability after a lapse, before it is capped by the old stability. */
    public double forgetStability(double difficulty, double stability, double retrievability) {
        return clampS(p.w(11)
                * Math.pow(difficulty, -p.w(12))
                * (Math.pow(stability + 1.0, p.w(13)) - 1.0)
                * Math.exp(p.w(14) * (1.0 - retrievability)));
    }

    /** Stability after a review on the same day as the previous one. */
    public double shortTermStability(double stability, Rating rating) {
        double sinc = Math.exp(p.w(17) * (rating.grade() - 3 + p.w(18))) * Math.pow(stability, -p.w(19));
        if (rating != Rating.AGAIN) {
            sinc = Math.max(sinc, 1.0);
        }
        return clampS(stability * sinc);
    }

    /**
     * The memory state after a rating. {@code previous == null} means a first review. {@code
     * elapsedDays} counts whole days since the previous review; 0 means the same day, which uses the
     * short-term formula when {@code shortTerm} is on.
     */
    public MemoryState next(@Nullable MemoryState previous, int elapsedDays, Rating rating, boolean shortTerm) {
        if (elapsedDays < 0) {
            throw new IllegalArgumentException("elapsed days must not be negative, was " + elapsedDays);
        }
        if (previous == null) {
            return new MemoryState(initialStability(rating), initialDifficulty(rating));
        }
        double s = previous.stability();
        double d = previous.difficulty();
        double nextS;
        if (elapsedDays == 0 && shortTerm) {
            nextS = shortTermStability(s, rating);
        } else {
            double r = retrievability(elapsedDays, s);
            if (rating == Rating.AGAIN) {
                double cap = shortTerm ? s / Math.exp(p.w(17) * p.w(18)) : s;
                nextS = clampS(Math.min(forgetStability(d, s, r), cap));
            } else {
                nextS = recallStability(d, s, r, rating);
            }
        }
        return new MemoryState(nextS, nextDifficulty(d, rating));
    }

    /** Same as {@link #next(MemoryState, int, Rating, boolean)} with the short-term formula on. */
    public MemoryState next(@Nullable MemoryState previous, int elapsedDays, Rating rating) {
        return next(previous, elapsedDays, rating, true);
    }

    private static double clampD(double d) {
        return Math.min(Math.max(d, D_MIN), D_MAX);
    }

    private static double clampS(double s) {
        return Math.min(Math.max(s, S_MIN), S_MAX);
    }
}
