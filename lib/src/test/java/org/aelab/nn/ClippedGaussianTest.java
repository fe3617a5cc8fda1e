package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The clipped Gaussian noise of 002's convolutional denoiser: x + σ·N(0, 1), clipped to [0, 1]. */
class ClippedGaussianTest {

    @Test
    void noiseIsClippedToThePixelRangeWithTheExpectedSpreadInside() {
        int draws = 20_000;
        Matrix clean = Matrix.zeros(1, draws);
        clean.fill(0.5f);
        Matrix out = Matrix.zeros(1, draws);
        Corruption.clippedGaussian(0.5).corrupt(clean, out, new Rng(4));
        int zeros = 0;
        int ones = 0;
        for (float v : out.data()) {
            assertTrue(v >= 0f && v <= 1f, "value " + v + " outside [0, 1]");
            zeros += v == 0f ? 1 : 0;
            ones += v == 1f ? 1 : 0;
        }
        // P(0.5 + 0.5·N < 0) = Φ(−1) = 0.1587 on each side; 3σ of a binomial of 20 000 draws is ≈ 155
        assertEquals(0.1587 * draws, zeros, 160);
        assertEquals(0.1587 * draws, ones, 160);
        for (float v : clean.data()) {
            assertEquals(0.5f, v);
        }
        assertEquals("clippedGaussian(σ=0.5, [0, 1])", Corruption.clippedGaussian(0.5).toString());
    }

    @Test
    void badSigmaIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Corruption.clippedGaussian(-0.5));
        assertEquals("Gaussian noise sigma must be finite and >= 0, got -0.5", e.getMessage());
    }
}
