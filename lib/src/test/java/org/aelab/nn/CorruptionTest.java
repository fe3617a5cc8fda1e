package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

class CorruptionTest {
    private static final int ROWS = 100;
    private static final int COLS = 1000;
    private static final int DRAWS = ROWS * COLS;

    private static Matrix halves() {
        Matrix clean = Matrix.zeros(ROWS, COLS);
        clean.fill(0.5f);
        return clean;
    }

    /** Asserts that {@code count} of {@link #DRAWS} Bernoulli(q) draws lies within 4 standard deviations of DRAWS·q. */
    private static void assertRate(String what, int count, double q) {
        double sigma = Math.sqrt(DRAWS * q * (1 - q));
        assertTrue(Math.abs(count - DRAWS * q) <= 4 * sigma,
                what + ": " + count + " of " + DRAWS + ", expected " + DRAWS * q + " ± " + 4 * sigma);
    }

    @Test
    void saltAndPepperSetsZerosAndOnesAtHalfTheRateEach() {
        double p = 0.2;
        Matrix out = Matrix.zeros(ROWS, COLS);
        Corruption.saltAndPepper(p).corrupt(halves(), out, new Rng(5));
        int zeros = 0;
        int ones = 0;
        int kept = 0;
        for (float v : out.data()) {
            if (v == 0f) {
                zeros++;
            } else if (v == 1f) {
                ones++;
            } else {
                assertEquals(0.5f, v, "an input not set to 0 or 1 keeps its value");
                kept++;
            }
        }
        assertRate("pepper (0)", zeros, p / 2);
        assertRate("salt (1)", ones, p / 2);
        assertRate("kept", kept, 1 - p);
    }

    @Test
    void maskingKeepsOrZeroesEachInput() {
        double nu = 0.3;
        Matrix clean = Matrix.zeros(ROWS, COLS);
        for (int i = 0; i < DRAWS; i++) {
            clean.data()[i] = 1 + i % 7;  // distinct non-zero values: a kept input must keep its own value
        }
        Matrix out = Matrix.zeros(ROWS, COLS);
        Corruption.masking(nu).corrupt(clean, out, new Rng(6));
        int dropped = 0;
        for (int i = 0; i < DRAWS; i++) {
            if (out.data()[i] == 0f) {
                dropped++;
            } else {
                assertEquals(clean.data()[i], out.data()[i], "input " + i + " kept");
            }
        }
        assertRate("masked", dropped, nu);
    }

    /**
     * Masking is the per-element rule "drop input i when the i-th nextFloat() is below ν", whether the array is
     * done in one pass (small batches) or in two halves on two threads (from Lanes.HALVES_FROM elements on), and
     * the stream continues after the draws it used.
     */
    @Test
    void maskingUsesTheIthDrawForInputIAtEverySize() {
        for (int cols : new int[] {7, Lanes.HALVES_FROM / 3 + 1, COLS}) {
            Matrix clean = Matrix.zeros(3, cols);
            for (int i = 0; i < clean.data().length; i++) {
                clean.data()[i] = 1 + i % 5;
            }
            Matrix out = Matrix.zeros(3, cols);
            Rng rng = new Rng(21);
            Corruption.masking(0.25).corrupt(clean, out, rng);
            Rng reference = new Rng(21);
            for (int i = 0; i < clean.data().length; i++) {
                float expected = reference.nextFloat() < 0.25f ? 0f : clean.data()[i];
                assertEquals(expected, out.data()[i], "input " + i + " of " + clean.data().length);
            }
            assertEquals(reference.nextFloat(), rng.nextFloat(), "the draw after the masking's");
        }
    }

    @Test
    void gaussianNoiseHasMeanZeroAndStandardDeviationSigma() {
        double sigma = 0.1;
        Matrix out = Matrix.zeros(ROWS, COLS);
        Corruption.gaussian(sigma).corrupt(halves(), out, new Rng(7));
        double sum = 0;
        double sumOfSquares = 0;
        for (float v : out.data()) {
            double noise = v - 0.5;
            sum += noise;
            sumOfSquares += noise * noise;
        }
        double mean = sum / DRAWS;
        double std = Math.sqrt(sumOfSquares / DRAWS - mean * mean);
        assertEquals(0, mean, 4 * sigma / Math.sqrt(DRAWS), "mean of the noise");
        assertEquals(sigma, std, 0.01 * sigma, "standard deviation of the noise");
    }

    @Test
    void corruptionLeavesTheCleanInputAloneAndWritesTheCorruptedCopy() {
        Matrix clean = Matrix.of(new float[][] {{0.5f, 0.5f, 0.5f, 0.5f}, {0.25f, 0.25f, 0.25f, 0.25f}});
        for (Corruption corruption : new Corruption[] {Corruption.saltAndPepper(0.5), Corruption.gaussian(0.1),
                Corruption.masking(0.5)}) {
            Matrix out = Matrix.zeros(2, 4);
            out.fill(Float.NaN);
            corruption.corrupt(clean, out, new Rng(3));
            for (int c = 0; c < 4; c++) {
                assertEquals(0.5f, clean.get(0, c), corruption + " left the clean input alone");
                assertEquals(0.25f, clean.get(1, c), corruption + " left the clean input alone");
            }
            int changed = 0;
            for (int r = 0; r < 2; r++) {
                for (int c = 0; c < 4; c++) {
                    float v = out.get(r, c);
                    assertTrue(Float.isFinite(v), corruption + " wrote every output, got " + v + " at (" + r + ", " + c + ")");
                    changed += v != clean.get(r, c) ? 1 : 0;
                }
            }
            assertTrue(changed > 0, corruption + " changed some of the 8 inputs");
        }
    }

    @Test
    void zeroNoiseCopiesTheInput() {
        Matrix clean = Matrix.of(new float[][] {{0.1f, 0.9f}, {0.3f, 0.7f}});
        for (Corruption corruption : new Corruption[] {Corruption.saltAndPepper(0), Corruption.gaussian(0),
                Corruption.masking(0)}) {
            Matrix out = Matrix.zeros(2, 2);
            corruption.corrupt(clean, out, new Rng(1));
            assertTrue(out.sameValues(clean), corruption + " at level 0 copies the input, got " + out);
        }
    }

    @Test
    void theOutputMustHaveTheInputsShape() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Corruption.masking(0.1).corrupt(Matrix.zeros(2, 3), Matrix.zeros(3, 2), new Rng(1)));
        assertTrue(e.getMessage().contains("out must be 2x3, got 3x2"), e.getMessage());
    }

    @Test
    void namesShowTheLevel() {
        assertEquals("masking(ν=0.1)", Corruption.masking(0.1).toString());
        assertEquals("gaussian(σ=0.3)", Corruption.gaussian(0.3).toString());
        assertEquals("saltAndPepper(p=0.2)", Corruption.saltAndPepper(0.2).toString());
    }

    @Test
    void badLevelsAreNamed() {
        LossAndPenaltyTest.assertMessage(() -> Corruption.saltAndPepper(1.0), "salt-and-pepper probability p must be in [0, 1), got 1.0");
        LossAndPenaltyTest.assertMessage(() -> Corruption.saltAndPepper(-0.5), "p must be in [0, 1), got -0.5");
        LossAndPenaltyTest.assertMessage(() -> Corruption.saltAndPepper(Double.NaN), "got NaN");
        LossAndPenaltyTest.assertMessage(() -> Corruption.gaussian(Double.POSITIVE_INFINITY), "sigma must be finite and >= 0, got Infinity");
        LossAndPenaltyTest.assertMessage(() -> Corruption.gaussian(-1), "got -1.0");
        LossAndPenaltyTest.assertMessage(() -> Corruption.masking(Double.NaN), "nu must be in [0, 1), got NaN");
    }
}
