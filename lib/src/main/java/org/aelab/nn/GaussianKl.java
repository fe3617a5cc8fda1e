package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * The Kullback–Leibler divergence of a diagonal Gaussian N(μ, σ²) from the standard normal N(0, I), the
 * regulariser of a variational autoencoder, with the Gaussian given as rows of means μ and log-variances log σ²
 * (one pattern per row, one latent dimension per column):
 *
 * <pre>
 *   KL(N(μ, σ²) ‖ N(0, I)) = −½ Σ_j (1 + log σ²_j − μ_j² − σ²_j)
 *   ∂KL/∂μ_j      = μ_j
 *   ∂KL/∂log σ²_j = −½ (1 − σ²_j) = ½ (σ²_j − 1)
 * </pre>
 *
 * Each term is ≥ 0 and is 0 exactly at μ_j = 0, σ²_j = 1.
 */
public final class GaussianKl {

    private GaussianKl() {
    }

    /** Σ over the rows and latent dimensions of KL(N(μ, σ²) ‖ N(0, I)). */
    public static double sum(Matrix mean, Matrix logVariance) {
        mean.requireSameShape("logVariance", logVariance);
        float[] mu = mean.data();
        float[] logVar = logVariance.data();
        double sum = 0;
        for (int i = 0; i < mean.rows() * mean.cols(); i++) {
            double variance = Math.exp(logVar[i]);
            sum += -0.5 * (1 + logVar[i] - (double) mu[i] * mu[i] - variance);
        }
        return sum;
    }

    /** KL(N(μ, σ²) ‖ N(0, I)) of each row, as a new array (one value per pattern). */
    public static double[] perRow(Matrix mean, Matrix logVariance) {
        mean.requireSameShape("logVariance", logVariance);
        double[] out = new double[mean.rows()];
        for (int r = 0; r < mean.rows(); r++) {
            for (int j = 0; j < mean.cols(); j++) {
                double mu = mean.get(r, j);
                double logVar = logVariance.get(r, j);
                out[r] += -0.5 * (1 + logVar - mu * mu - Math.exp(logVar));
            }
        }
        return out;
    }

    /**
     * Adds {@code scale}·∂KL/∂μ = scale·μ to {@code meanDelta} and {@code scale}·∂KL/∂log σ² = scale·½(σ² − 1)
     * to {@code logVarianceDelta}; the scale carries the KL weight β and the batch's 1/N.
     */
    public static void addGradient(Matrix mean, Matrix logVariance, double scale, Matrix meanDelta, Matrix logVarianceDelta) {
        mean.requireSameShape("logVariance", logVariance);
        mean.requireSameShape("meanDelta", meanDelta);
        mean.requireSameShape("logVarianceDelta", logVarianceDelta);
        float[] mu = mean.data();
        float[] logVar = logVariance.data();
        float[] dMu = meanDelta.data();
        float[] dLogVar = logVarianceDelta.data();
        float s = (float) scale;
        for (int i = 0; i < mean.rows() * mean.cols(); i++) {
            dMu[i] += s * mu[i];
            dLogVar[i] += s * 0.5f * ((float) Math.exp(logVar[i]) - 1f);
        }
    }
}
