package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * Cross-entropy −Σ_k t_k·log y_k for a probability vector y (a softmax output) and a one-hot or
 * soft target t. Outputs are clamped below at ε = 1e-12 for the logarithm.
 */
public record SoftmaxCrossEntropy(Reduction reduction) implements Loss {
    static final double EPSILON = 1e-12;

    public SoftmaxCrossEntropy {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction must not be null");
        }
    }

    @Override
    public double sum(Matrix output, Matrix target) {
        output.requireSameShape("target", target);
        float[] y = output.data();
        float[] t = target.data();
        double sum = 0;
        for (int i = 0; i < output.rows() * output.cols(); i++) {
            if (t[i] != 0f) {
                sum -= t[i] * Math.log(Math.max(y[i], EPSILON));
            }
        }
        return sum;
    }

    /** With a softmax output and targets summing to 1 per row, ∂E/∂x = y − t; otherwise ∂E/∂y = −t/y through g'. */
    @Override
    public void outputDelta(Activation activation, Matrix output, Matrix target, float scale, Matrix delta) {
        if (activation == Activation.SOFTMAX) {
            Residuals.scaledDifference(output, target, scale, delta);
            return;
        }
        float[] y = output.data();
        float[] t = target.data();
        float[] d = delta.data();
        for (int i = 0; i < output.rows() * output.cols(); i++) {
            d[i] = (float) (-t[i] / Math.max(y[i], EPSILON) * scale);
        }
        activation.backprop(output, delta);
    }

    @Override
    public Loss withReduction(Reduction newReduction) {
        return new SoftmaxCrossEntropy(newReduction);
    }

    @Override
    public String toString() {
        return "SoftmaxCE(" + reduction + ")";
    }
}
