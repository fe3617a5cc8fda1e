package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * A penalty on the hidden code h (one pattern per row) added to the loss: sparsity pressure.
 * {@code scratch} is a caller-owned buffer of at least {@code h.cols()} floats, so training allocates nothing.
 */
public interface Penalty {

    double value(Matrix hidden, float[] scratch);

    /** Adds ∂P/∂h to {@code deltaHidden} (same shape as {@code hidden}). */
    void addGradient(Matrix hidden, Matrix deltaHidden, float[] scratch);

    /** KL sparsity on the mean hidden activation, β·Σ_j KL(ρ ‖ ρ̂_j) (003_06d01c1066b95d79.txt). */
    static Penalty klSparsity(double rho, double beta) {
        return new KlSparsity(rho, beta);
    }

    /** L1 activity penalty λ·Σ_j |h_j|, averaged over the patterns of a batch. */
    static Penalty l1(double lambda) {
        return new L1Activity(lambda);
    }
}
