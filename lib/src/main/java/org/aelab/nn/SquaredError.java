package org.aelab.nn;

import org.aelab.tensor.Matrix;

/** Squared error, per unit (y − t)², or ½(y − t)² when {@code half} (002_30a0b8d3c8338d16.txt). */
public record SquaredError(boolean half, Reduction reduction) implements Loss {

    public SquaredError {
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
            double e = y[i] - t[i];
            sum += e * e;
        }
        return half ? sum / 2 : sum;
    }

    /** ∂E/∂y = (y − t), or 2(y − t) without the ½; then through g'. */
    @Override
    public void outputDelta(Activation activation, Matrix output, Matrix target, float scale, Matrix delta) {
        Residuals.scaledDifference(output, target, half ? scale : 2f * scale, delta);
        activation.backprop(output, delta);
    }

    @Override
    public Loss withReduction(Reduction newReduction) {
        return new SquaredError(half, newReduction);
    }

    @Override
    public String toString() {
        return (half ? "HalfSSE(" : "SquaredError(") + reduction + ")";
    }
}
