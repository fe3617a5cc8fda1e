package org.aelab.nn;

import static org.aelab.nn.LossAndPenaltyTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Activations by value and derivative, and every loss's output delta against finite differences of its value,
 * through every output activation it can meet (the fused y − t shortcuts and the general path through g').
 */
class ActivationAndLossTest {

    private static Matrix applied(Activation g, Matrix z) {
        Matrix a = z.copy();
        g.apply(a);
        return a;
    }

    @Test
    void activationValuesByHand() {
        Matrix z = Matrix.of(new float[][] {{-2f, 0f, 0.5f, 1000f, -1000f}});
        Matrix sigmoid = applied(Activation.SIGMOID, z);
        assertEquals(1 / (1 + Math.exp(2)), sigmoid.get(0, 0), 1e-7);
        assertEquals(0.5f, sigmoid.get(0, 1));
        assertEquals(1 / (1 + Math.exp(-0.5)), sigmoid.get(0, 2), 1e-7);
        assertEquals(1f, sigmoid.get(0, 3), "no overflow for a large positive input");
        assertEquals(0f, sigmoid.get(0, 4), "no overflow for a large negative input");
        Matrix tanh = applied(Activation.TANH, z);
        assertEquals(Math.tanh(-2), tanh.get(0, 0), 1e-7);
        assertEquals(Math.tanh(0.5), tanh.get(0, 2), 1e-7);
        assertEquals(1f, tanh.get(0, 3));
        Matrix relu = applied(Activation.RELU, z);
        assertEquals(0f, relu.get(0, 0));
        assertEquals(0.5f, relu.get(0, 2));
        assertEquals(1000f, relu.get(0, 3));
        assertTrue(applied(Activation.IDENTITY, z).sameValues(z));
        Matrix softmax = applied(Activation.SOFTMAX, Matrix.of(new float[][] {{0f, (float) Math.log(3)}, {2f, 2f}}));
        assertEquals(0.25f, softmax.get(0, 0), 1e-7);
        assertEquals(0.75f, softmax.get(0, 1), 1e-7);
        assertEquals(0.5f, softmax.get(1, 0), 1e-7);
        assertEquals("sigmoid tanh relu identity softmax", String.join(" ",
                List.of(Activation.values()).stream().map(Activation::toString).toList()));
    }

    /**
     * The sigmoid is the two-branch formula 1/(1 + exp(−x)) for x ≥ 0, exp(x)/(1 + exp(x)) below, to the bit: on
     * every 4 099th float bit pattern (about a million floats of both signs and every exponent), the signed zeros,
     * the infinities and NaN (any NaN: its payload is not compared).
     */
    @Test
    void sigmoidEqualsTheTwoBranchFormulaToTheBit() {
        int checked = 0;
        for (long bits = 0; bits <= 0xFFFF_FFFFL; bits += 4_099) {
            float x = Float.intBitsToFloat((int) bits);
            assertSigmoidIsTheTwoBranchFormula(x);
            checked++;
        }
        for (float x : new float[] {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.POSITIVE_INFINITY,
                Float.NEGATIVE_INFINITY, Float.NaN, 88.5f, -88.5f, 16.635532f, -103.97f}) {
            assertSigmoidIsTheTwoBranchFormula(x);
        }
        assertTrue(checked > 1_000_000, checked + " floats");
    }

    private static void assertSigmoidIsTheTwoBranchFormula(float x) {
        float expected;
        if (x >= 0) {
            expected = (float) (1.0 / (1.0 + Math.exp(-x)));
        } else {
            double e = Math.exp(x);
            expected = (float) (e / (1.0 + e));
        }
        assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(Activation.sigmoid(x)), "sigmoid(" + x + ")");
    }

    @Test
    void everyActivationsDerivativeMatchesFiniteDifferences() {
        // pre-activations away from ReLU's kink; for softmax a weighted sum Σ c_i·a_i makes a scalar to differentiate
        Matrix z = Matrix.of(new float[][] {{-1.5f, -0.4f, 0.3f, 1.2f}, {0.8f, -0.9f, 2.0f, -0.2f}});
        float[] upstream = {0.7f, -1.1f, 0.4f, 0.9f, -0.3f, 0.5f, 1.3f, -0.8f};
        for (Activation g : Activation.values()) {
            Matrix delta = Matrix.wrap(2, 4, upstream.clone());
            g.backprop(applied(g, z), delta);
            for (int i = 0; i < 8; i++) {
                double h = 1e-3;
                double numeric = (weighted(g, z, i, h, upstream) - weighted(g, z, i, -h, upstream)) / (2 * h);
                assertEquals(numeric, delta.data()[i], 2e-3, g + ": ∂/∂z_" + i);
            }
        }
    }

    /** Σ_i c_i·g(z)_i with z_i moved by {@code h}. */
    private static double weighted(Activation g, Matrix z, int i, double h, float[] c) {
        Matrix moved = z.copy();
        moved.data()[i] += (float) h;
        float[] a = applied(g, moved).data();
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += c[k] * a[k];
        }
        return sum;
    }

    @Test
    void backpropNeedsTheOutputsShape() {
        assertMessage(() -> Activation.SIGMOID.backprop(Matrix.zeros(2, 3), Matrix.zeros(3, 2)), "delta must be 2x3, got 3x2");
    }

    @Test
    void everyLossDeltaMatchesFiniteDifferencesThroughEveryOutputActivation() {
        Matrix z = Matrix.of(new float[][] {{-0.6f, 0.4f, 1.1f}, {0.9f, -1.3f, 0.2f}});
        Matrix inUnitInterval = Matrix.of(new float[][] {{0.2f, 0.45f, 0.7f}, {0.6f, 0.15f, 0.35f}}); // identity outputs for BCE
        Matrix soft = Matrix.of(new float[][] {{0.9f, 0.1f, 0.4f}, {0.3f, 0.8f, 0.5f}});
        Matrix oneHot = Matrix.of(new float[][] {{0f, 1f, 0f}, {1f, 0f, 0f}});
        for (Reduction reduction : Reduction.values()) {
            check(Loss.bce(reduction), Activation.SIGMOID, z, soft);
            check(Loss.bce(reduction), Activation.IDENTITY, inUnitInterval, soft);
            check(Loss.bce(reduction), Activation.SOFTMAX, z, soft);
            check(Loss.softmaxCrossEntropy(reduction), Activation.SOFTMAX, z, oneHot);
            check(Loss.softmaxCrossEntropy(reduction), Activation.SIGMOID, z, soft);
            check(Loss.softmaxCrossEntropy(reduction), Activation.IDENTITY, inUnitInterval, soft);
            for (boolean half : new boolean[] {true, false}) {
                for (Activation g : Activation.values()) {
                    check(Loss.squaredError(half, reduction), g, z, soft);
                }
            }
        }
    }

    private static void check(Loss loss, Activation g, Matrix z, Matrix t) {
        Matrix y = applied(g, z);
        Matrix delta = Matrix.zeros(2, 3);
        delta.fill(Float.NaN); // outputDelta must write every entry
        loss.outputDelta(g, y, t, (float) loss.reduction().scale(2, 3), delta);
        for (int i = 0; i < 6; i++) {
            double h = 1e-3;
            Matrix up = z.copy();
            up.data()[i] += (float) h;
            Matrix down = z.copy();
            down.data()[i] -= (float) h;
            double numeric = (loss.value(applied(g, up), t) - loss.value(applied(g, down), t)) / (2 * h);
            assertEquals(numeric, delta.data()[i], 2e-3 * Math.max(1, Math.abs(numeric)), loss + " with " + g + ": ∂E/∂z_" + i);
        }
    }

    @Test
    void lossValuesByHand() {
        Matrix y = Matrix.of(new float[][] {{0.5f, 0.25f}});
        Matrix t = Matrix.of(new float[][] {{0f, 1f}});
        // soft-max cross-entropy: only units with a target count, −1·ln 0.25
        assertEquals(Math.log(4), Loss.softmaxCrossEntropy(Reduction.SUM).value(y, t), 1e-6);
        assertEquals(Math.log(4) / 2, Loss.softmaxCrossEntropy(Reduction.MEAN).value(y, t), 1e-6);
        // a zero output under a target is clamped at 1e-12, not log 0
        assertEquals(-Math.log(1e-12), Loss.SOFTMAX_CE.value(Matrix.of(new float[][] {{1f, 0f}}), t), 1e-3);
        // squared error: (0.5)² + (0.75)² = 0.8125, halved or not
        assertEquals(0.8125, Loss.squaredError(false, Reduction.SUM).value(y, t), 1e-7);
        assertEquals(0.40625, Loss.squaredError(true, Reduction.SUM).value(y, t), 1e-7);
        assertEquals(0.8125 / 2, Loss.MSE.value(y, t), 1e-7);
    }

    @Test
    void reductionsScaleBySizes() {
        assertEquals(1.0, Reduction.SUM.scale(4, 5));
        assertEquals(0.25, Reduction.MEAN_OVER_BATCH.scale(4, 5));
        assertEquals(0.2, Reduction.MEAN_OVER_UNITS.scale(4, 5));
        assertEquals(0.05, Reduction.MEAN.scale(4, 5));
        assertEquals(1.0 / (70_000.0 * 70_000), Reduction.MEAN.scale(70_000, 70_000), 1e-25, "no int overflow");
    }

    @Test
    void lossesNameTheirReductionAndChangeIt() {
        assertEquals("BCE(sum/batch)", Loss.BCE.toString());
        assertEquals("BCE(mean)", Loss.BCE.withReduction(Reduction.MEAN).toString());
        assertEquals("SquaredError(mean)", Loss.MSE.toString());
        assertEquals("HalfSSE(sum)", Loss.HALF_SSE.toString());
        assertEquals("HalfSSE(mean over units, sum over patterns)", Loss.HALF_SSE.withReduction(Reduction.MEAN_OVER_UNITS).toString());
        assertEquals("SoftmaxCE(sum/batch)", Loss.SOFTMAX_CE.toString());
        assertEquals("SoftmaxCE(sum)", Loss.SOFTMAX_CE.withReduction(Reduction.SUM).toString());
        assertEquals(Loss.bce(Reduction.SUM), Loss.BCE.withReduction(Reduction.SUM));
        assertEquals(Loss.squaredError(false, Reduction.SUM), Loss.MSE.withReduction(Reduction.SUM));
        assertEquals(Reduction.MEAN_OVER_BATCH, Loss.SOFTMAX_CE.reduction());
        assertMessage(() -> Loss.bce(null), "reduction must not be null");
        assertMessage(() -> Loss.squaredError(true, null), "reduction must not be null");
        assertMessage(() -> Loss.softmaxCrossEntropy(null), "reduction must not be null");
    }

    @Test
    void lossesNeedTargetsOfTheOutputsShape() {
        // a target with more rows than the output would otherwise be read in part, silently
        Matrix y = Matrix.zeros(1, 2);
        Matrix t = Matrix.zeros(2, 2);
        for (Loss loss : List.of(Loss.BCE, Loss.MSE, Loss.SOFTMAX_CE)) {
            assertMessage(() -> loss.sum(y, t), "target must be 1x2, got 2x2");
            assertMessage(() -> loss.value(y, t), "target must be 1x2, got 2x2");
        }
    }
}
