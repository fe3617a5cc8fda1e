package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

/**
 * The layers that read "?" inputs: their forward passes against what 004_1238e059b100867a.txt §16.2.3 defines, and
 * their backward passes against central finite differences of E = ½‖x̂ − t‖² (float32, step h = 1e-2; tolerance
 * 2e-3 + 2e-2·|g| as in {@link GradientCheckTest}).
 */
class MaskedLayersTest {
    private static final float H = 1e-2f;
    private static final float Q = PixelMask.UNKNOWN;

    /** A 3 × 6 batch with "?" in every row, and a target. */
    private static Matrix maskedInput() {
        return Matrix.of(new float[][] {
                {0.2f, Q, 0.7f, 0.1f, Q, 0.9f},
                {Q, 0.4f, 0.3f, 0.8f, 0.6f, 0.5f},
                {0.5f, 0.9f, Q, Q, 0.2f, 0.3f}});
    }

    private static Matrix target(Rng rng, int rows, int cols) {
        Matrix t = Matrix.zeros(rows, cols);
        for (int i = 0; i < t.data().length; i++) {
            t.data()[i] = rng.nextFloat();
        }
        return t;
    }

    private static double halfSquaredError(Layer layer, Matrix x, Matrix t) {
        Matrix y = Matrix.zeros(x.rows(), layer.outputs());
        layer.forward(x, y, layer.scratch(x.rows()));
        double e = 0;
        for (int i = 0; i < y.data().length; i++) {
            double d = y.data()[i] - t.data()[i];
            e += 0.5 * d * d;
        }
        return e;
    }

    /** Checks ∂E/∂θ of every parameter and ∂E/∂x of every known input against finite differences. */
    private static void assertGradientsMatch(String name, Layer layer, Matrix x, Matrix t) {
        Layer.Scratch scratch = layer.scratch(x.rows());
        Matrix y = Matrix.zeros(x.rows(), layer.outputs());
        layer.forward(x, y, scratch);
        Matrix delta = y.minus(t);                                  // δ = ∂(½‖y − t‖²)/∂y
        Matrix deltaInput = Matrix.zeros(x.rows(), x.cols());
        for (Parameter p : layer.parameters()) {
            p.gradient().fill(0f);
        }
        layer.backward(x, y, delta, deltaInput, scratch);
        int checked = 0;
        for (Parameter p : layer.parameters()) {
            checked += compare(name + " " + p.name(), p.value().data(), p.gradient().data().clone(), () -> halfSquaredError(layer, x, t));
        }
        checked += compare(name + " input", x.data(), deltaInput.data().clone(), () -> halfSquaredError(layer, x, t));
        assertTrue(checked >= 12, name + ": checked " + checked + " entries");
    }

    private static int compare(String what, float[] values, float[] analytic, java.util.function.DoubleSupplier loss) {
        int checked = 0;
        for (int i = 0; i < values.length; i++) {
            float original = values[i];
            if (Float.isNaN(original)) {
                assertEquals(0f, analytic[i], what + "[" + i + "]: nothing flows to a ?");
                continue;
            }
            values[i] = original + H;
            double plus = loss.getAsDouble();
            values[i] = original - H;
            double minus = loss.getAsDouble();
            values[i] = original;
            double numeric = (plus - minus) / (2 * H);
            assertTrue(Math.abs(numeric - analytic[i]) <= 2e-3 + 2e-2 * Math.abs(numeric),
                    what + "[" + i + "] backprop " + analytic[i] + " vs finite difference " + numeric);
            checked++;
        }
        return checked;
    }

    private static void fillWeights(Parameter weights, double a, Rng rng) {
        Init.uniform(a).fill(weights.value(), rng);
    }

    @Test
    void zeroFillWritesZeroForUnknownsAndScalesKeptInputsByOneOverP() {
        ZeroFill fill = new ZeroFill(6, 0.8);
        Matrix y = Matrix.zeros(3, 6);
        fill.forward(maskedInput(), y, Layer.Scratch.NONE);
        assertEquals(0f, y.get(0, 1));
        assertEquals(0.7f / 0.8f, y.get(0, 2), 1e-6);
        assertGradientsMatch("zero fill", fill, maskedInput(), target(new Rng(1), 3, 6));
    }

    @Test
    void maskFlagsAppendOneFlagPerInput() {
        MaskFlags flags = new MaskFlags(6);
        Matrix y = Matrix.zeros(3, 12);
        flags.forward(maskedInput(), y, Layer.Scratch.NONE);
        assertTrue(Matrix.of(new float[][] {{0.2f, 0f, 0.7f, 0.1f, 0f, 0.9f, 0, 1, 0, 0, 1, 0}}).sameValues(y.rowRangeCopy(0, 1)),
                "values with ? → 0, then flags: got " + y.rowRangeCopy(0, 1));
        assertGradientsMatch("mask flags", flags, maskedInput(), target(new Rng(2), 3, 12));
    }

    @Test
    void leastSquaresGradientsMatchFiniteDifferences() {
        LeastSquaresTied layer = new LeastSquaresTied(6, 2, 0.1, "ls");
        fillWeights(layer.weights(), 0.8, new Rng(3));
        assertGradientsMatch("least squares", layer, maskedInput(), target(new Rng(4), 3, 6));
    }

    @Test
    void iterativeGradientsMatchFiniteDifferences() {
        IterativeTied layer = new IterativeTied(6, 2, 4, 0.3, "it");
        fillWeights(layer.weights(), 0.8, new Rng(5));
        assertGradientsMatch("iterative", layer, maskedInput(), target(new Rng(6), 3, 6));
    }

    @Test
    void iterativeReadingUnknownAsZeroGradientsMatchAndDifferFromTheClampedEncoder() {
        IterativeTied unclamped = IterativeTied.readingUnknownAsZero(6, 2, 4, 0.3, "it0");
        fillWeights(unclamped.weights(), 0.8, new Rng(5));
        assertGradientsMatch("iterative, ? read as 0", unclamped, maskedInput(), target(new Rng(6), 3, 6));
        // reading "?" as 0 is the same as feeding an observed 0 there
        Matrix zeros = maskedInput();
        for (int i = 0; i < zeros.data().length; i++) {
            zeros.data()[i] = Float.isNaN(zeros.data()[i]) ? 0f : zeros.data()[i];
        }
        IterativeTied clamped = new IterativeTied(6, 2, 4, 0.3, "it");
        clamped.weights().value().copyFrom(unclamped.weights().value());
        assertTrue(unclamped.encode(maskedInput()).sameValues(clamped.encode(zeros)), "? read as 0 = an observed 0");
        assertTrue(!clamped.encode(maskedInput()).sameValues(clamped.encode(zeros)), "the clamped residual ignores the ?");
        assertTrue(clamped.clampsUnknown() && !unclamped.clampsUnknown());
    }

    /** An image in the span of B is recovered exactly from its observed pixels: l = (B̃ᵀB̃)⁻¹B̃ᵀx̃ is its own code. */
    @Test
    void leastSquaresRecoversMaskedPixelsOfAnImageInTheSpanOfB() {
        LeastSquaresTied layer = new LeastSquaresTied(6, 2, 0, "ls");
        fillWeights(layer.weights(), 1, new Rng(7));
        Matrix code = Matrix.of(new float[][] {{0.6f, -0.3f}});
        Matrix clean = Matrix.zeros(1, 6);
        org.aelab.tensor.Gemm.standard().gemm(false, true, 1f, code, layer.weights().value(), 0f, clean);
        Matrix masked = clean.copy();
        masked.set(0, 1, Q);
        masked.set(0, 4, Q);
        Matrix y = Matrix.zeros(1, 6);
        layer.forward(masked, y, layer.scratch(1));
        for (int i = 0; i < 6; i++) {
            assertEquals(clean.get(0, i), y.get(0, i), 1e-4, "pixel " + i + (i == 1 || i == 4 ? " (masked)" : ""));
        }
        assertEquals(0.6f, layer.encode(masked).get(0, 0), 1e-4);
    }

    /** Many small steps of Eq. 16.5 with the clamped residual reach the least-squares code of the observed pixels. */
    @Test
    void iterativeEncoderConvergesToTheLeastSquaresCodeOfTheObservedPixels() {
        IterativeTied iterative = new IterativeTied(6, 2, 2000, 0.05, "it");
        LeastSquaresTied leastSquares = new LeastSquaresTied(6, 2, 0, "ls");
        fillWeights(iterative.weights(), 1, new Rng(8));
        leastSquares.weights().value().copyFrom(iterative.weights().value());
        Matrix a = iterative.encode(maskedInput());
        Matrix b = leastSquares.encode(maskedInput());
        for (int i = 0; i < a.data().length; i++) {
            assertEquals(b.data()[i], a.data()[i], 1e-3, "code entry " + i);
        }
        IterativeTied oneStep = new IterativeTied(6, 2, 1, 0.05, "one");
        oneStep.weights().value().copyFrom(iterative.weights().value());
        Matrix l1 = oneStep.encode(maskedInput());
        // l₁ = η·Bᵀ(o ⊙ x̃): a "?" contributes nothing, so changing x at a "?" cannot matter and the first row's
        // code is η·Σ_{i observed} x_i·b_i
        float[] w = oneStep.weights().value().data();
        float[] x = maskedInput().rowCopy(0);
        for (int j = 0; j < 2; j++) {
            double expected = 0;
            for (int i = 0; i < 6; i++) {
                expected += Float.isNaN(x[i]) ? 0 : 0.05 * x[i] * w[i * 2 + j];
            }
            assertEquals(expected, l1.get(0, j), 1e-6, "l₁[" + j + "]");
        }
        assertEquals(List.of(iterative.weights()), iterative.parameters());
    }
}
