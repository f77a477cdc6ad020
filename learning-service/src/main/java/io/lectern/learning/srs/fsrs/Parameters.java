package io.lectern.learning.srs.fsrs;

import java.util.Arrays;

/**
 * The 21 FSRS-6 model weights w0..w20 (w20 is the decay of the forgetting curve). FSRS-5 sets of 19
 * weights are padded the way fsrs-rs does it: w19 = 0 and decay 0.5.
 */
public final class Parameters {

    private static final double[] DEFAULT_WEIGHTS = {
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629,
        1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
    };

    private static final Parameters DEFAULTS = new Parameters(DEFAULT_WEIGHTS);

    private final double[] w;

    private Parameters(double[] weights) {
        this.w = weights.clone();
    }

    public static Parameters defaults() {
        return DEFAULTS;
    }

    /** @throws IllegalArgumentException unless there are 19 (FSRS-5) or 21 (FSRS-6) finite weights */
    public static Parameters of(double... weights) {
        double[] full;
        if (weights.length == 21) {
            full = weights.clone();
        } else if (weights.length == 19) {
            full = Arrays.copyOf(weights, 21);
            full[19] = 0.0;
            full[20] = 0.5;
        } else {
            throw new IllegalArgumentException("FSRS needs 19 or 21 weights, got " + weights.length);
        }
        for (double v : full) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("FSRS weights must be finite");
            }
        }
        if (full[20] < 0.1 || full[20] > 0.8) {
            throw new IllegalArgumentException("decay w20 must lie in [0.1, 0.8], was " + full[20]);
        }
        return new Parameters(full);
    }

    public double w(int index) {
        return w[index];
    }

    public double[] weights() {
        return w.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters p && Arrays.equals(w, p.w);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(w);
    }

    @Override
    public String toString() {
        return "Parameters" + Arrays.toString(w);
    }
}
