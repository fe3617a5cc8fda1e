package org.aelab.memory;

/**
 * The storage analysis of source 002 for a Willshaw memory whose questions and answers both have
 * length n and exactly M ones, placed at random.
 */
public final class WillshawCapacity {
    private static final double LN2 = Math.log(2);

    private WillshawCapacity() {
    }

    /** The optimal number of ones per pattern, M ≈ log2(n/4) (source 002); n = 2 000 gives 8.97. */
    public static double optimalOnes(int n) {
        if (n <= 4) {
            throw new IllegalArgumentException("pattern length n must be greater than 4 for log2(n/4) to be positive, got "
                    + n);
        }
        return Math.log(n / 4.0) / LN2;
    }

    /**
     * The asymptotic number of pairs storable before retrieval begins to make mistakes,
     * L ≈ ln 2 · n²/M² (source 002); n = 2 000, M = 10 gives 27 726.
     */
    public static double capacity(int n, int ones) {
        check(n, ones);
        return LN2 * n * (double) n / ((double) ones * ones);
    }

    /**
     * The expected fraction of ones in the weight matrix after L pairs, 1 − (1 − M²/n²)^L: each pair
     * sets a given weight w_ij with probability (M/n)·(M/n). At L = ln 2 · n²/M² it is about ½.
     */
    public static double expectedFill(int n, int ones, long pairs) {
        check(n, ones);
        checkPairs(pairs);
        double hit = (double) ones * ones / ((double) n * n);
        return -Math.expm1(pairs * Math.log1p(-hit));
    }

    /**
     * The expected fill of an n×n auto-association memory after L patterns with M ones each. The
     * formula above assumes x and y independent; when y = x, an off-diagonal weight w_ij is set by a
     * pattern holding both i and j, probability M(M−1)/(n(n−1)) rather than M²/n², and a diagonal
     * weight w_ii by any pattern holding i, probability M/n. For n = 2 000, M = 10, L = 20 000 this
     * gives 0.3628 against the formula's 0.3935.
     */
    public static double expectedFillAuto(int n, int ones, long pairs) {
        check(n, ones);
        checkPairs(pairs);
        double offDiagonalHit = (double) ones * (ones - 1) / ((double) n * (n - 1));
        double diagonalHit = (double) ones / n;
        double offDiagonalFill = n == 1 ? 0 : -Math.expm1(pairs * Math.log1p(-offDiagonalHit));
        double diagonalFill = -Math.expm1(pairs * Math.log1p(-diagonalHit));
        return ((double) n * (n - 1) * offDiagonalFill + n * diagonalFill) / ((double) n * n);
    }

    /**
     * The probability that a complete stored question recalls exactly its answer, treating the n − M
     * units that should stay silent as independent: each fires falsely if all M of its weights to
     * the question are one, probability fill^M, so P(perfect) ≈ (1 − fill^M)^(n−M). This textbook
     * approximation is not in source 002; it is here to draw a theory curve next to measured error.
     */
    public static double expectedPerfectRecall(int n, int ones, long pairs) {
        double falseFire = Math.pow(expectedFill(n, ones, pairs), ones);
        if (ones == n) {
            return 1; // every unit belongs to the answer: none can fire falsely
        }
        return Math.exp((n - ones) * Math.log1p(-falseFire));
    }

    private static void check(int n, int ones) {
        if (n <= 0) {
            throw new IllegalArgumentException("pattern length n must be positive, got " + n);
        }
        if (ones <= 0 || ones > n) {
            throw new IllegalArgumentException("ones per pattern M must be in [1, n] = [1, " + n + "], got " + ones);
        }
    }

    private static void checkPairs(long pairs) {
        if (pairs < 0) {
            throw new IllegalArgumentException("stored pairs L must be non-negative, got " + pairs);
        }
    }
}
