package org.aelab.nn;

import static org.aelab.nn.LossAndPenaltyTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

/** Penalties, initialisers and corruptions at the edges of their parameters, and draw by draw. */
class PenaltyInitCorruptionLimitsTest {

    @Test
    void l1ValueAndGradientByHand() {
        Matrix h = Matrix.of(new float[][] {{0.5f, -1f, 0f}, {2f, 0.25f, -0.75f}});
        Penalty l1 = Penalty.l1(0.2);
        // λ/B·Σ|h| = 0.2 / 2 · 4.5
        assertEquals(0.45, l1.value(h, new float[3]), 1e-7);
        Matrix delta = Matrix.of(new float[][] {{1f, 1f, 1f}, {1f, 1f, 1f}});
        l1.addGradient(h, delta, new float[3]);
        // adds λ/B·sign(h) = ±0.1 (0 at h = 0)
        float[] expected = {1.1f, 0.9f, 1f, 1.1f, 1.1f, 0.9f};
        for (int i = 0; i < 6; i++) {
            assertEquals(expected[i], delta.data()[i], 1e-7, "entry " + i);
        }
        assertEquals("L1(λ=0.2)", l1.toString());
        assertEquals(0.0, Penalty.l1(0).value(h, new float[3]), "λ = 0 is allowed and costs nothing");
        assertMessage(() -> l1.addGradient(h, Matrix.zeros(3, 2), new float[3]), "deltaHidden must be 2x3, got 3x2");
        assertMessage(() -> Penalty.l1(Double.POSITIVE_INFINITY), "L1 weight lambda must be finite and >= 0, got Infinity");
    }

    @Test
    void klSparsityAtItsLimits() {
        assertMessage(() -> Penalty.klSparsity(1.0, 0.1), "sparsity target rho must be in (0, 1), got 1.0");
        assertMessage(() -> Penalty.klSparsity(0.1, Double.POSITIVE_INFINITY), "sparsity weight beta must be finite and >= 0, got Infinity");
        Penalty free = Penalty.klSparsity(0.1, 0);
        Matrix h = Matrix.of(new float[][] {{0.5f, 0.2f}});
        assertEquals(0.0, free.value(h, new float[2]), "β = 0 is allowed");
        assertEquals("KL(ρ=0.02, β=0.4)", Penalty.klSparsity(0.02, 0.4).toString());
        // a dead unit (mean 0) is clamped at 1e-6: large but finite
        Penalty kl = Penalty.klSparsity(0.1, 1);
        double dead = kl.value(Matrix.zeros(2, 1), new float[1]);
        assertEquals(0.1 * Math.log(0.1 / 1e-6) + 0.9 * Math.log(0.9 / (1 - 1e-6)), dead, 1e-4);
        assertMessage(() -> kl.value(h, new float[1]), "scratch must hold 2 floats, got 1");
        assertMessage(() -> kl.addGradient(h, Matrix.zeros(2, 1), new float[2]), "deltaHidden must be 1x2, got 2x1");
    }

    @Test
    void initialisersDrawFromTheirRanges() {
        Matrix w = Matrix.zeros(200, 300);
        Init.uniform(0.1).fill(w, new Rng(1));
        double min = 1;
        double max = -1;
        for (float v : w.data()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(min >= -0.1 && min < -0.099 && max < 0.1 && max > 0.099, "uniform(±0.1) spans (" + min + ", " + max + ")");
        Init.glorot().fill(w, new Rng(2));
        double bound = Math.sqrt(6.0 / 500);
        for (float v : w.data()) {
            assertTrue(Math.abs(v) <= bound, "glorot bound " + bound + ", got " + v);
        }
        Init.he().fill(w, new Rng(3));
        double sum = 0;
        double squares = 0;
        for (float v : w.data()) {
            sum += v;
            squares += (double) v * v;
        }
        int n = w.data().length;
        double std = Math.sqrt(squares / n - (sum / n) * (sum / n));
        assertEquals(Math.sqrt(2.0 / 200), std, 0.01 * Math.sqrt(2.0 / 200), "He: std √(2 / fan-in)");
        assertEquals(0, sum / n, 4 * std / Math.sqrt(n));
        assertEquals("uniform(±0.1)", Init.uniform(0.1).toString());
        assertEquals("glorot", Init.glorot().toString());
        assertEquals("he", Init.he().toString());
        assertMessage(() -> Init.uniform(0), "uniform init bound a must be finite and > 0, got 0.0");
        assertMessage(() -> Init.uniform(Double.POSITIVE_INFINITY), "got Infinity");
    }

    @Test
    void gaussianNoiseIsSigmaTimesTheStreamsNormalDraws() {
        Matrix clean = Matrix.of(new float[][] {{0.5f, 0.25f, 1f}});
        Matrix out = Matrix.zeros(1, 3);
        Corruption.gaussian(0.3).corrupt(clean, out, new Rng(11));
        Rng same = new Rng(11);
        for (int i = 0; i < 3; i++) {
            assertEquals(clean.data()[i] + (float) (0.3 * same.gaussian()), out.data()[i], "input " + i);
        }
    }

    @Test
    void aDrawEqualToTheLevelDoesNotCorrupt() {
        // P(u < ν) = ν: a uniform draw equal to ν keeps the input
        float u = new Rng(21).nextFloat();
        Matrix one = Matrix.of(new float[][] {{0.5f}});
        Matrix out = Matrix.zeros(1, 1);
        Corruption.masking(u).corrupt(one, out, new Rng(21));
        assertEquals(0.5f, out.get(0, 0), "masking at ν = the draw " + u);
        Corruption.saltAndPepper(u).corrupt(one, out, new Rng(21));
        assertEquals(0.5f, out.get(0, 0), "salt-and-pepper at p = the draw " + u);
        // u < p/2 is pepper, p/2 <= u < p salt: a draw of exactly p/2 is salt
        Corruption.saltAndPepper(2.0 * u).corrupt(one, out, new Rng(21));
        assertEquals(1f, out.get(0, 0), "salt-and-pepper at p = twice the draw " + u);
        Corruption.saltAndPepper(Math.nextUp(2.0 * u)).corrupt(one, out, new Rng(21));
        assertEquals(0f, out.get(0, 0), "just below p/2 is pepper");
    }

    @Test
    void everyCorruptionNeedsAnOutputOfTheInputsShape() {
        for (Corruption c : new Corruption[] {Corruption.gaussian(0.1), Corruption.saltAndPepper(0.1), Corruption.masking(0.1)}) {
            assertMessage(() -> c.corrupt(Matrix.zeros(2, 3), Matrix.zeros(2, 2), new Rng(1)), "out must be 2x3, got 2x2");
        }
    }
}
