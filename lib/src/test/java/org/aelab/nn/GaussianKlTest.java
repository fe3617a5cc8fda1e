package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

/** KL(N(μ, σ²) ‖ N(0, I)) and its gradient against values worked by hand. */
class GaussianKlTest {

    // Row 0: μ = (1, 0), log σ² = (0, ln 2): −½[(1 + 0 − 1 − 1) + (1 + ln 2 − 0 − 2)] = 1 − ½ ln 2 = 0.6534264.
    // Row 1: μ = (0, 0), log σ² = (0, 0): the prior itself, KL 0.
    // Row 2: μ = (−2, 0.5), log σ² = (−1, 1): −½[(1 − 1 − 4 − e⁻¹) + (1 + 1 − 0.25 − e)] = 2.6680806.
    private static final Matrix MEAN = Matrix.of(new double[][] {{1, 0}, {0, 0}, {-2, 0.5}});
    private static final Matrix LOG_VARIANCE = Matrix.of(new double[][] {{0, Math.log(2)}, {0, 0}, {-1, 1}});

    @Test
    void theDivergenceMatchesHandWorkedValues() {
        double[] rows = GaussianKl.perRow(MEAN, LOG_VARIANCE);
        assertArrayEquals(new double[] {0.6534264, 0, 2.6680806}, rows, 1e-6);
        assertEquals(0.6534264 + 2.6680806, GaussianKl.sum(MEAN, LOG_VARIANCE), 1e-6);
    }

    @Test
    void theGradientIsMuAndHalfOfSigmaSquaredMinusOne() {
        Matrix dMu = Matrix.zeros(3, 2);
        Matrix dLogVar = Matrix.zeros(3, 2);
        dMu.fill(1f);          // the gradient is added to what is there
        GaussianKl.addGradient(MEAN, LOG_VARIANCE, 2.0, dMu, dLogVar);
        // ∂KL/∂μ = μ; ∂KL/∂log σ² = ½(σ² − 1): row 0 (0, ½), row 1 (0, 0), row 2 (½(e⁻¹ − 1), ½(e − 1)); all times 2.
        assertArrayEquals(new float[] {3, 1, 1, 1, -3, 2}, dMu.data(), 1e-6f);
        assertArrayEquals(new float[] {0, 1, 0, 0, (float) (Math.exp(-1) - 1), (float) (Math.E - 1)}, dLogVar.data(), 1e-6f);
    }

    @Test
    void theGradientMatchesFiniteDifferencesAndTheDivergenceIsNeverNegative() {
        Rng rng = new Rng(5);
        Matrix mu = Matrix.zeros(4, 3);
        Matrix logVar = Matrix.zeros(4, 3);
        for (int i = 0; i < 12; i++) {
            mu.data()[i] = (float) rng.uniform(-2, 2);
            logVar.data()[i] = (float) rng.uniform(-3, 2);
        }
        for (double row : GaussianKl.perRow(mu, logVar)) {
            assertTrue(row >= 0, "KL of a row must be >= 0, got " + row);
        }
        Matrix dMu = Matrix.zeros(4, 3);
        Matrix dLogVar = Matrix.zeros(4, 3);
        GaussianKl.addGradient(mu, logVar, 1.0, dMu, dLogVar);
        float h = 1e-2f;
        for (Matrix[] pair : new Matrix[][] {{mu, dMu}, {logVar, dLogVar}}) {
            float[] v = pair[0].data();
            for (int i = 0; i < v.length; i++) {
                float original = v[i];
                v[i] = original + h;
                double plus = GaussianKl.sum(mu, logVar);
                v[i] = original - h;
                double minus = GaussianKl.sum(mu, logVar);
                v[i] = original;
                double numeric = (plus - minus) / (2 * h);
                assertEquals(numeric, pair[1].data()[i], 2e-3 + 1e-2 * Math.abs(numeric), "entry " + i);
            }
        }
    }

    @Test
    void shapesMustAgree() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GaussianKl.sum(Matrix.zeros(3, 2), Matrix.zeros(3, 3)));
        assertTrue(e.getMessage().contains("logVariance"), e.getMessage());
    }
}
