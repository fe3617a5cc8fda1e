package org.aelab.nn;

/**
 * How a loss turns its per-unit terms into one number for a batch of B patterns with D output units.
 * Every loss sums its terms over units and patterns; the reduction then scales that sum.
 */
public enum Reduction {
    /** Σ over units and patterns: the J of 003_06d01c1066b95d79.txt, Q1. */
    SUM("sum") {
        @Override
        public double scale(int patterns, int units) {
            return 1.0;
        }
    },
    /** Σ over units, mean over patterns: "summed over pixels, averaged over the batch" (003, Q3; PyTorch sum/B). */
    MEAN_OVER_BATCH("sum/batch") {
        @Override
        public double scale(int patterns, int units) {
            return 1.0 / patterns;
        }
    },
    /**
     * Mean over units, Σ over patterns: the 1/N of 000_fa578f4f1251678e.txt (N = output units) taken per pattern and
     * the patterns' losses added up.
     */
    MEAN_OVER_UNITS("mean over units, sum over patterns") {
        @Override
        public double scale(int patterns, int units) {
            return 1.0 / units;
        }
    },
    /**
     * Mean over units and over patterns: the 1/N of 000_fa578f4f1251678e.txt (N = 8 output units),
     * averaged over the full batch of patterns.
     */
    MEAN("mean") {
        @Override
        public double scale(int patterns, int units) {
            return 1.0 / ((double) patterns * units);
        }
    };

    private final String label;

    Reduction(String label) {
        this.label = label;
    }

    /** The factor that multiplies the plain sum of per-unit terms. */
    public abstract double scale(int patterns, int units);

    @Override
    public String toString() {
        return label;
    }
}
