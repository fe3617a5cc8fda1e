package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Backward passes of the image layers against central finite differences. Each layer is checked on the scalar
 * E = Σ r ⊙ layer(x) with fixed random weights r, whose gradient is the backward pass of δ = r (times g' for a
 * convolution's activation): this checks ∂E/∂W, ∂E/∂b and ∂E/∂x entry by entry. A small encoder–decoder of all
 * three kinds with BCE checks that they compose.
 *
 * Tolerances as in {@link GradientCheckTest}: step h = 1e-2 in float32, error ≤ 2e-3 + 2e-2·|g|. Max-pooling is not
 * differentiable where two values of a window tie; its input here has values at least 0.05 apart in every window,
 * five times the step, so no maximum changes place during a difference.
 */
class ConvGradientCheckTest {
    private static final float H = 1e-2f;
    private static final Layer.Scratch NONE = Layer.Scratch.NONE;

    /** E(x) for the current values of the parameters and of x. */
    private interface Scalar {
        double value();
    }

    private static void check(String what, float[] values, float[] analytic, Scalar e) {
        for (int i = 0; i < values.length; i++) {
            float original = values[i];
            values[i] = original + H;
            double plus = e.value();
            values[i] = original - H;
            double minus = e.value();
            values[i] = original;
            double numeric = (plus - minus) / (2 * H);
            assertTrue(Math.abs(numeric - analytic[i]) <= 2e-3 + 2e-2 * Math.abs(numeric),
                    what + "[" + i + "] backward " + analytic[i] + " vs finite difference " + numeric);
        }
    }

    private static double dot(Matrix a, Matrix b) {
        double sum = 0;
        for (int i = 0; i < a.data().length; i++) {
            sum += (double) a.data()[i] * b.data()[i];
        }
        return sum;
    }

    /** 3 filters on 2 channels unroll the input, 1 filter the output (see {@link Conv2D}). */
    @ParameterizedTest(name = "{0} padding, {1}, {2} images in chunks of {3}, {4} filters")
    @CsvSource({"SAME, TANH, 3, 2, 3", "VALID, SIGMOID, 2, 0, 3", "SAME, IDENTITY, 1, 0, 3",
                "SAME, TANH, 3, 2, 1", "VALID, SIGMOID, 2, 0, 1"})
    void convolutionGradients(Padding padding, Activation activation, int images, int chunk, int filters) {
        Rng rng = new Rng(5);
        ImageShape in = new ImageShape(2, 5, 4);
        Conv2D c = new Conv2D(in, filters, 3, padding, activation, "c", chunk);
        Init.uniform(0.6).fill(c.weights().value(), rng);
        Init.uniform(0.3).fill(c.bias().value(), rng);
        Matrix x = ConvolutionTest.random(images, in.size(), rng);
        Matrix r = ConvolutionTest.random(images, c.outputShape().size(), rng);
        Matrix out = Matrix.zeros(images, c.outputShape().size());
        Scalar e = () -> {
            c.forward(x, out, c.scratch(8));
            return dot(r, out);
        };
        e.value();
        Matrix delta = r.copy();
        activation.backprop(out, delta);                       // δ = r ⊙ g'(z)
        c.weights().gradient().fill(0f);
        c.bias().gradient().fill(0f);
        Matrix dx = Matrix.zeros(images, in.size());
        dx.fill(9f);                                           // stale values must be overwritten
        c.backward(x, out, delta, dx, c.scratch(8));
        check("∂E/∂W", c.weights().value().data(), c.weights().gradient().data().clone(), e);
        check("∂E/∂b", c.bias().value().data(), c.bias().gradient().data().clone(), e);
        check("∂E/∂x", x.data(), dx.data().clone(), e);
    }

    @Test
    void maxPoolingGradient() {
        Rng rng = new Rng(6);
        ImageShape in = new ImageShape(2, 5, 7);
        MaxPool2D pool = MaxPool2D.of(in, 2);
        Matrix x = spacedValues(3, in.size(), rng);
        Matrix r = ConvolutionTest.random(3, pool.outputShape().size(), rng);
        Matrix out = Matrix.zeros(3, pool.outputShape().size());
        Matrix dx = Matrix.zeros(3, in.size());
        pool.backward(x, null, r, dx, NONE);
        check("∂E/∂x", x.data(), dx.data().clone(), () -> {
            pool.forward(x, out, NONE);
            return dot(r, out);
        });
    }

    @Test
    void upSamplingGradient() {
        Rng rng = new Rng(7);
        ImageShape in = new ImageShape(3, 3, 2);
        UpSample2D up = UpSample2D.of(in, 2);
        Matrix x = ConvolutionTest.random(2, in.size(), rng);
        Matrix r = ConvolutionTest.random(2, up.outputShape().size(), rng);
        Matrix out = Matrix.zeros(2, up.outputShape().size());
        Matrix dx = Matrix.zeros(2, in.size());
        up.backward(x, null, r, dx, NONE);
        check("∂E/∂x", x.data(), dx.data().clone(), () -> {
            up.forward(x, out, NONE);
            return dot(r, out);
        });
    }

    /** Distinct values k·0.05 in a random order, so every pooling window has a maximum 0.05 above the rest. */
    private static Matrix spacedValues(int rows, int cols, Rng rng) {
        int[] order = rng.permutation(rows * cols);
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < order.length; i++) {
            m.data()[i] = order[i] * 0.05f - 1f;
        }
        return m;
    }

    /**
     * conv 'same' (tanh) → up-sample → conv 'valid' (sigmoid) → BCE(mean) against targets in (0, 1): the chain rule
     * through all three kinds, checked for every weight, bias and input.
     */
    @Test
    void smallEncoderDecoderWithBce() {
        Rng rng = new Rng(8);
        ImageShape in = new ImageShape(1, 4, 4);
        Conv2D c1 = new Conv2D(in, 2, 3, Padding.SAME, Activation.TANH, "c1", 1);
        UpSample2D up = UpSample2D.of(c1.outputShape(), 2);
        Conv2D c2 = Conv2D.of(up.outputShape(), 1, 3, Padding.VALID, Activation.SIGMOID, "c2");
        for (Conv2D c : new Conv2D[] {c1, c2}) {
            Init.uniform(0.7).fill(c.weights().value(), rng);
            Init.uniform(0.3).fill(c.bias().value(), rng);
        }
        int n = 2;
        Matrix x = ConvolutionTest.random(n, in.size(), rng);
        Matrix target = Matrix.zeros(n, c2.outputShape().size());
        for (int i = 0; i < target.data().length; i++) {
            target.data()[i] = rng.nextFloat();
        }
        Matrix a1 = Matrix.zeros(n, c1.outputShape().size());
        Matrix a2 = Matrix.zeros(n, up.outputShape().size());
        Matrix y = Matrix.zeros(n, c2.outputShape().size());
        Loss bce = Loss.bce(Reduction.MEAN);
        Scalar e = () -> {
            c1.forward(x, a1, c1.scratch(8));
            up.forward(a1, a2, NONE);
            c2.forward(a2, y, c2.scratch(8));
            return bce.value(y, target);
        };
        e.value();
        Matrix d2 = Matrix.zeros(n, y.cols());
        Matrix dUp = Matrix.zeros(n, a2.cols());
        Matrix d1 = Matrix.zeros(n, a1.cols());
        Matrix dx = Matrix.zeros(n, x.cols());
        for (Conv2D c : new Conv2D[] {c1, c2}) {
            c.weights().gradient().fill(0f);
            c.bias().gradient().fill(0f);
        }
        bce.outputDelta(Activation.SIGMOID, y, target, (float) bce.reduction().scale(n, y.cols()), d2);
        c2.backward(a2, y, d2, dUp, c2.scratch(8));
        up.backward(a1, a2, dUp, d1, NONE);
        Activation.TANH.backprop(a1, d1);
        c1.backward(x, a1, d1, dx, c1.scratch(8));
        check("c1 ∂E/∂W", c1.weights().value().data(), c1.weights().gradient().data().clone(), e);
        check("c1 ∂E/∂b", c1.bias().value().data(), c1.bias().gradient().data().clone(), e);
        check("c2 ∂E/∂W", c2.weights().value().data(), c2.weights().gradient().data().clone(), e);
        check("c2 ∂E/∂b", c2.bias().value().data(), c2.bias().gradient().data().clone(), e);
        check("∂E/∂x", x.data(), dx.data().clone(), e);
    }
}
