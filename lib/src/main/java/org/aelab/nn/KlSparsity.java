package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * KL sparsity (003_06d01c1066b95d79.txt): with ρ̂_j = (1/B)·Σ_p h_pj the mean activation of hidden unit j
 * over the B patterns of a batch,
 * P = β·Σ_j [ρ·log(ρ/ρ̂_j) + (1 − ρ)·log((1 − ρ)/(1 − ρ̂_j))] and
 * ∂P/∂h_pj = (β/B)·(−ρ/ρ̂_j + (1 − ρ)/(1 − ρ̂_j)).
 * ρ̂ is clamped to [1e-6, 1 − 1e-6] so a dead or saturated unit gives a finite penalty.
 */
public record KlSparsity(double rho, double beta) implements Penalty {
    static final double CLAMP = 1e-6;

    public KlSparsity {
        if (!(rho > 0 && rho < 1)) {
            throw new IllegalArgumentException("sparsity target rho must be in (0, 1), got " + rho);
        }
        if (!(beta >= 0) || Double.isInfinite(beta)) {
            throw new IllegalArgumentException("sparsity weight beta must be finite and >= 0, got " + beta);
        }
    }

    @Override
    public double value(Matrix hidden, float[] scratch) {
        meanActivations(hidden, scratch);
        double sum = 0;
        for (int j = 0; j < hidden.cols(); j++) {
            double mean = scratch[j];
            sum += rho * Math.log(rho / mean) + (1 - rho) * Math.log((1 - rho) / (1 - mean));
        }
        return beta * sum;
    }

    @Override
    public void addGradient(Matrix hidden, Matrix deltaHidden, float[] scratch) {
        hidden.requireSameShape("deltaHidden", deltaHidden);
        meanActivations(hidden, scratch);
        int rows = hidden.rows();
        int cols = hidden.cols();
        for (int j = 0; j < cols; j++) {
            double mean = scratch[j];
            scratch[j] = (float) (beta / rows * (-rho / mean + (1 - rho) / (1 - mean)));
        }
        float[] d = deltaHidden.data();
        for (int p = 0; p < rows; p++) {
            int base = p * cols;
            for (int j = 0; j < cols; j++) {
                d[base + j] += scratch[j];
            }
        }
    }

    /** ρ̂_j into scratch[j], clamped. */
    private static void meanActivations(Matrix hidden, float[] scratch) {
        int rows = hidden.rows();
        int cols = hidden.cols();
        if (scratch.length < cols) {
            throw new IllegalArgumentException("scratch must hold " + cols + " floats, got " + scratch.length);
        }
        java.util.Arrays.fill(scratch, 0, cols, 0f);
        float[] h = hidden.data();
        for (int p = 0; p < rows; p++) {
            int base = p * cols;
            for (int j = 0; j < cols; j++) {
                scratch[j] += h[base + j];
            }
        }
        for (int j = 0; j < cols; j++) {
            scratch[j] = (float) Math.min(Math.max(scratch[j] / rows, CLAMP), 1 - CLAMP);
        }
    }

    @Override
    public String toString() {
        return "KL(ρ=" + rho + ", β=" + beta + ")";
    }
}
