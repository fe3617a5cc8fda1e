package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * Binary cross-entropy, per unit −[t·log y + (1 − t)·log(1 − y)] (000_fa578f4f1251678e.txt,
 * 003_06d01c1066b95d79.txt). Outputs are clamped to [ε, 1 − ε] with ε = 1e-7 before the logarithm, so
 * a saturated unit gives a large finite loss rather than infinity.
 */
public record BinaryCrossEntropy(Reduction reduction) implements Loss {
    static final double EPSILON = 1e-7;

    public BinaryCrossEntropy {
        if (reduction == null) {
            throw new IllegalArgumentException("reduction must not be null");
        }
    }

    @Override
    public double sum(Matrix output, Matrix target) {
        output.requireSameShape("target", target);
        return Lanes.sumInHalves(output.data(), target.data(), output.rows() * output.cols(), BinaryCrossEntropy::sumOver);
    }

    /** The terms of elements [from, to), added in order; a large batch is summed as two halves over the cores. */
    static double sumOver(float[] y, float[] t, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            double p = Math.min(Math.max(y[i], EPSILON), 1 - EPSILON);
            float ti = t[i];
            // a target of exactly 0 or 1 (most MNIST pixels) zeroes one of the two terms: its logarithm is skipped,
            // which gives the same sum to the last bit, since the skipped product is a signed zero
            if (ti == 0f) {
                sum -= Math.log(1 - p);
            } else if (ti == 1f) {
                sum -= Math.log(p);
            } else {
                sum -= ti * Math.log(p) + (1 - ti) * Math.log(1 - p);
            }
        }
        return sum;
    }

    /**
     * With a sigmoid output, ∂E/∂x_k = (y_k − t_k)·scale: the δ_k of 000 once g'(x_k) = y_k(1 − y_k) cancels
     * the denominators. With any other activation, ∂E/∂y = (y − t) / (y(1 − y)) goes through g'.
     */
    @Override
    public void outputDelta(Activation activation, Matrix output, Matrix target, float scale, Matrix delta) {
        if (activation == Activation.SIGMOID) {
            Residuals.scaledDifference(output, target, scale, delta);
            return;
        }
        float[] y = output.data();
        float[] t = target.data();
        float[] d = delta.data();
        for (int i = 0; i < output.rows() * output.cols(); i++) {
            double p = Math.min(Math.max(y[i], EPSILON), 1 - EPSILON);
            d[i] = (float) ((p - t[i]) / (p * (1 - p)) * scale);
        }
        activation.backprop(output, delta);
    }

    @Override
    public Loss withReduction(Reduction newReduction) {
        return new BinaryCrossEntropy(newReduction);
    }

    @Override
    public String toString() {
        return "BCE(" + reduction + ")";
    }
}
