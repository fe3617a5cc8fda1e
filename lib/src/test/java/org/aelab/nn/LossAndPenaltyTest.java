package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

class LossAndPenaltyTest {

    @Test
    void binaryCrossEntropyOfKnownValues() {
        Matrix y = Matrix.of(new float[][] {{0.8f, 0.3f}, {0.5f, 0.9f}});
        Matrix t = Matrix.of(new float[][] {{1f, 0f}, {1f, 1f}});
        // −ln 0.8 − ln 0.7 − ln 0.5 − ln 0.9, worked by hand
        double sum = 0.22314355 + 0.35667494 + 0.69314718 + 0.10536052;
        assertEquals(sum, Loss.bce(Reduction.SUM).value(y, t), 1e-6);
        assertEquals(sum / 2, Loss.bce(Reduction.MEAN_OVER_BATCH).value(y, t), 1e-6);
        assertEquals(sum / 4, Loss.bce(Reduction.MEAN).value(y, t), 1e-6);
        assertEquals(sum / 2, Loss.bce(Reduction.MEAN_OVER_UNITS).value(y, t), 1e-6);
    }

    /**
     * Targets of exactly 0 or 1 skip the logarithm their term multiplies by zero: the sum must equal, to the last
     * bit, the two-term formula summed in the same order, for saturated, clamped, fractional and binary targets; a
     * batch of {@link Lanes#HALVES_FROM} elements or more is summed as its first half plus its second, on any machine.
     */
    @Test
    void binaryCrossEntropySumEqualsTheTwoTermFormulaBitForBit() {
        for (int rows : new int[] {16, 64}) {
            Rng rng = new Rng(7);
            Matrix y = Matrix.zeros(rows, 784);
            Matrix t = Matrix.zeros(rows, 784);
            float[] ys = y.data();
            float[] ts = t.data();
            float[] special = {0f, 1f, 1e-9f, 1 - 1e-9f, 0.5f};
            for (int i = 0; i < ys.length; i++) {
                ys[i] = i % 7 == 0 ? special[i % special.length] : rng.nextFloat();
                int kind = i % 3;
                ts[i] = kind == 0 ? 0f : kind == 1 ? 1f : rng.nextFloat();
            }
            int n = ys.length;
            double sum = Loss.bce(Reduction.SUM).sum(y, t);
            double expected = n < Lanes.HALVES_FROM ? twoTermSum(ys, ts, 0, n)
                    : twoTermSum(ys, ts, 0, n / 2) + twoTermSum(ys, ts, n / 2, n);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(sum),
                    "BCE sum of " + n + " elements " + sum + " differs from the two-term formula's " + expected);
            assertEquals(twoTermSum(ys, ts, 0, n), sum, 1e-12 * sum);
        }
    }

    private static double twoTermSum(float[] ys, float[] ts, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double p = Math.min(Math.max(ys[i], BinaryCrossEntropy.EPSILON), 1 - BinaryCrossEntropy.EPSILON);
            sum -= ts[i] * Math.log(p) + (1 - ts[i]) * Math.log(1 - p);
        }
        return sum;
    }

    @Test
    void meanOverUnitsDividesByTheUnitsNotThePatterns() {
        // the same four terms as one pattern of 4 units: 1/N with N = 4, one pattern
        Matrix y = Matrix.of(new float[][] {{0.8f, 0.3f, 0.5f, 0.9f}});
        Matrix t = Matrix.of(new float[][] {{1f, 0f, 1f, 1f}});
        double sum = 0.22314355 + 0.35667494 + 0.69314718 + 0.10536052;
        assertEquals(sum / 4, Loss.bce(Reduction.MEAN_OVER_UNITS).value(y, t), 1e-6);
        assertEquals(sum, Loss.bce(Reduction.MEAN_OVER_BATCH).value(y, t), 1e-6);
    }

    @Test
    void binaryCrossEntropyStaysFiniteAtSaturatedOutputs() {
        Matrix y = Matrix.of(new float[][] {{0f, 1f}});
        Matrix t = Matrix.of(new float[][] {{1f, 0f}});
        double value = Loss.bce(Reduction.SUM).value(y, t);
        assertTrue(Double.isFinite(value) && value > 30, "BCE of a confidently wrong output is large but finite, got " + value);
        assertEquals(0.0, Loss.bce(Reduction.SUM).value(t, t), 1e-6);
    }

    @Test
    void squaredErrorHalfAndMean() {
        Matrix y = Matrix.of(new float[][] {{1f, 2f}, {3f, 4f}});
        Matrix t = Matrix.of(new float[][] {{0f, 0f}, {0f, 0f}});
        assertEquals(15.0, Loss.HALF_SSE.value(y, t), 1e-9); // ½(1 + 4 + 9 + 16)
        assertEquals(7.5, Loss.MSE.value(y, t), 1e-9);       // 30 / 4
    }

    @Test
    void softmaxRowsSumToOneAtExtremeLogits() {
        Matrix logits = Matrix.of(new float[][] {{1e4f, -1e4f, 0f}, {-1e4f, -1e4f, -1e4f}, {88f, 89f, -3e38f}});
        Activation.SOFTMAX.apply(logits);
        for (int r = 0; r < 3; r++) {
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                assertTrue(Float.isFinite(logits.get(r, c)), "softmax value finite at (" + r + ", " + c + ")");
                sum += logits.get(r, c);
            }
            assertEquals(1.0, sum, 1e-6, "row " + r);
        }
        assertEquals(1f, logits.get(0, 0), 1e-6);
        assertEquals(1f / 3, logits.get(1, 1), 1e-6);
        assertEquals(1 / (1 + Math.exp(-1)), logits.get(2, 1), 1e-6);
    }

    @Test
    void klSparsityValueAndGradientByHand() {
        // two patterns, one unit with activations 0.1 and 0.3: ρ̂ = 0.2
        Matrix h = Matrix.of(new float[][] {{0.1f}, {0.3f}});
        Penalty kl = Penalty.klSparsity(0.1, 0.5);
        float[] scratch = new float[1];
        double expected = 0.5 * (0.1 * Math.log(0.1 / 0.2) + 0.9 * Math.log(0.9 / 0.8));
        assertEquals(expected, kl.value(h, scratch), 1e-7);
        Matrix delta = Matrix.zeros(2, 1);
        kl.addGradient(h, delta, scratch);
        double perPattern = 0.5 / 2 * (-0.1 / 0.2 + 0.9 / 0.8);
        assertEquals(perPattern, delta.get(0, 0), 1e-6);
        assertEquals(perPattern, delta.get(1, 0), 1e-6);
        // at ρ̂ = ρ the penalty and its gradient vanish
        Matrix atTarget = Matrix.of(new float[][] {{0.1f}, {0.1f}});
        assertEquals(0.0, kl.value(atTarget, scratch), 1e-7);
    }

    @Test
    void maskingDropsAFractionNuOfInputs() {
        double nu = 0.1;
        int draws = 100_000;
        Matrix ones = Matrix.zeros(100, 1000);
        ones.fill(1f);
        Matrix out = Matrix.zeros(100, 1000);
        Corruption.masking(nu).corrupt(ones, out, new Rng(7));
        int dropped = 0;
        for (float v : out.data()) {
            dropped += v == 0f ? 1 : 0;
        }
        double sigma = Math.sqrt(draws * nu * (1 - nu));
        assertTrue(Math.abs(dropped - draws * nu) <= 3 * sigma,
                "dropped " + dropped + " of " + draws + ", expected " + draws * nu + " ± " + 3 * sigma);
    }

    @Test
    void badPenaltyAndCorruptionParametersAreNamed() {
        assertMessage(() -> Penalty.klSparsity(1.5, 0.1), "sparsity target rho must be in (0, 1), got 1.5");
        assertMessage(() -> Penalty.klSparsity(0, 0.1), "rho must be in (0, 1), got 0.0");
        assertMessage(() -> Penalty.klSparsity(0.1, -1), "beta must be finite and >= 0, got -1.0");
        assertMessage(() -> Corruption.masking(1.0), "nu must be in [0, 1), got 1.0");
        assertMessage(() -> Corruption.masking(-0.1), "nu must be in [0, 1), got -0.1");
        assertMessage(() -> Corruption.gaussian(Double.NaN), "sigma must be finite and >= 0, got NaN");
        assertMessage(() -> Penalty.l1(-2), "lambda must be finite and >= 0, got -2.0");
    }

    static void assertMessage(Runnable action, String expectedPart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expectedPart), "message '" + e.getMessage() + "' should contain '" + expectedPart + "'");
    }
}
