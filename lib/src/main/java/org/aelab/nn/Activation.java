package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * Activation functions g, applied in place to a batch of pre-activations (one pattern per row).
 * Backpropagation needs g'(x); for every activation here it is cheapest written in terms of the output
 * a = g(x) (sigmoid: g' = g(1 − g), as in 000_fa578f4f1251678e.txt), so the layer keeps only a.
 */
public enum Activation {
    SIGMOID("sigmoid") {
        @Override
        void applyInPlace(float[] z, int rows, int cols) {
            Lanes.inHalves(z, rows * cols, SIGMOID_PASS);
        }

        @Override
        void backpropInPlace(float[] a, float[] delta, int rows, int cols) {
            Lanes.inHalves(a, delta, rows * cols, SIGMOID_BACKPROP);
        }
    },
    TANH("tanh") {
        @Override
        void applyInPlace(float[] z, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                z[i] = (float) Math.tanh(z[i]);
            }
        }

        @Override
        void backpropInPlace(float[] a, float[] delta, int rows, int cols) {
            for (int i = 0; i < rows * cols; i++) {
                delta[i] *= 1f - a[i] * a[i];
            }
        }
    },
    RELU("relu") {
        @Override
        void applyInPlace(float[] z, int rows, int cols) {
            Lanes.inHalves(z, rows * cols, RELU_PASS);
        }

        @Override
        void backpropInPlace(float[] a, float[] delta, int rows, int cols) {
            Lanes.inHalves(a, delta, rows * cols, RELU_BACKPROP);
        }
    },
    IDENTITY("identity") {
        @Override
        void applyInPlace(float[] z, int rows, int cols) {
        }

        @Override
        void backpropInPlace(float[] a, float[] delta, int rows, int cols) {
        }
    },
    /** Row-wise softmax, computed as exp(x − max) / Σ exp(x − max) so large logits cannot overflow. */
    SOFTMAX("softmax") {
        @Override
        void applyInPlace(float[] z, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                float max = Float.NEGATIVE_INFINITY;
                for (int c = 0; c < cols; c++) {
                    max = Math.max(max, z[base + c]);
                }
                double sum = 0;
                for (int c = 0; c < cols; c++) {
                    float e = (float) Math.exp(z[base + c] - max);
                    z[base + c] = e;
                    sum += e;
                }
                float inverse = (float) (1.0 / sum);
                for (int c = 0; c < cols; c++) {
                    z[base + c] *= inverse;
                }
            }
        }

        /** Jacobian-vector product of softmax: δx_i = a_i·(δa_i − Σ_j δa_j·a_j). */
        @Override
        void backpropInPlace(float[] a, float[] delta, int rows, int cols) {
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                double dot = 0;
                for (int c = 0; c < cols; c++) {
                    dot += delta[base + c] * a[base + c];
                }
                for (int c = 0; c < cols; c++) {
                    delta[base + c] = (float) (a[base + c] * (delta[base + c] - dot));
                }
            }
        }
    };

    /** The logistic function over a range: one exp per element, the costliest element-wise step of a dense layer. */
    private static final Lanes.Pass SIGMOID_PASS = (z, from, to) -> {
        for (int i = from; i < to; i++) {
            z[i] = sigmoid(z[i]);
        }
    };

    /** δ ← δ·a(1 − a) over a range. */
    private static final Lanes.PairPass SIGMOID_BACKPROP = (a, delta, from, to) -> {
        for (int i = from; i < to; i++) {
            delta[i] *= a[i] * (1f - a[i]);
        }
    };

    private static final Lanes.Pass RELU_PASS = (z, from, to) -> {
        for (int i = from; i < to; i++) {
            z[i] = Math.max(0f, z[i]);
        }
    };

    /** δ kept where the unit was on (a > 0), 0 elsewhere, over a range. */
    private static final Lanes.PairPass RELU_BACKPROP = (a, delta, from, to) -> {
        for (int i = from; i < to; i++) {
            delta[i] = a[i] > 0f ? delta[i] : 0f;
        }
    };

    private final String label;

    Activation(String label) {
        this.label = label;
    }

    /** Replaces each pre-activation x in the first {@code rows} rows by g(x). */
    abstract void applyInPlace(float[] z, int rows, int cols);

    /**
     * Turns ∂E/∂a into ∂E/∂x in place, given the outputs a = g(x): δx = δa · g'(x), or the softmax
     * Jacobian for {@link #SOFTMAX}.
     */
    abstract void backpropInPlace(float[] a, float[] delta, int rows, int cols);

    /** g applied to every row of {@code m}, in place. */
    public void apply(Matrix m) {
        applyInPlace(m.data(), m.rows(), m.cols());
    }

    /** Turns ∂E/∂a in {@code delta} into ∂E/∂x, given {@code output} a = g(x). */
    public void backprop(Matrix output, Matrix delta) {
        output.requireSameShape("delta", delta);
        backpropInPlace(output.data(), delta.data(), output.rows(), output.cols());
    }

    /**
     * Numerically safe logistic function: exp is only taken of a non-positive number, e = exp(−|x|), and the result
     * is 1/(1 + e) for x ≥ 0, e/(1 + e) below. Written with one division whose numerator is chosen, not with two
     * branches, so that the signs of a batch's pre-activations, random to the processor, cost no mispredicted jumps.
     */
    static float sigmoid(float x) {
        double e = Math.exp(-Math.abs(x));
        return (float) ((x >= 0 ? 1.0 : e) / (1.0 + e));
    }

    @Override
    public String toString() {
        return label;
    }
}
