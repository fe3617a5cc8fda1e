package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * L1 activity penalty (001_ff5770b1b408b0f8.txt, 002_30a0b8d3c8338d16.txt): P = λ·(1/B)·Σ_p Σ_j |h_pj|,
 * ∂P/∂h_pj = (λ/B)·sign(h_pj).
 */
public record L1Activity(double lambda) implements Penalty {

    public L1Activity {
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("L1 weight lambda must be finite and >= 0, got " + lambda);
        }
    }

    @Override
    public double value(Matrix hidden, float[] scratch) {
        double sum = 0;
        float[] h = hidden.data();
        for (int i = 0; i < hidden.rows() * hidden.cols(); i++) {
            sum += Math.abs(h[i]);
        }
        return lambda * sum / hidden.rows();
    }

    @Override
    public void addGradient(Matrix hidden, Matrix deltaHidden, float[] scratch) {
        hidden.requireSameShape("deltaHidden", deltaHidden);
        float step = (float) (lambda / hidden.rows());
        float[] h = hidden.data();
        float[] d = deltaHidden.data();
        for (int i = 0; i < hidden.rows() * hidden.cols(); i++) {
            d[i] += Math.signum(h[i]) * step;
        }
    }

    @Override
    public String toString() {
        return "L1(λ=" + lambda + ")";
    }
}
