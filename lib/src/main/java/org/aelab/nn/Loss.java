package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * A reconstruction or classification loss E(y, t) between outputs y and targets t, one pattern per row.
 * {@link #sum} is the plain sum of per-unit terms; {@link #reduction()} says how it is scaled, so a
 * notebook can use exactly its source's convention.
 */
public interface Loss {

    /** Σ over patterns and units of this loss's per-unit term (no scaling). */
    double sum(Matrix output, Matrix target);

    /**
     * Writes δ = ∂E/∂x at the output layer's pre-activations x, scaled by {@code scale}
     * (the reduction's factor). Overridden where loss and activation combine into y − t.
     */
    void outputDelta(Activation activation, Matrix output, Matrix target, float scale, Matrix delta);

    Reduction reduction();

    /** A copy of this loss with another reduction. */
    Loss withReduction(Reduction reduction);

    /** The reduced loss of one batch: reduction scale · {@link #sum}. */
    default double value(Matrix output, Matrix target) {
        output.requireSameShape("target", target);
        return reduction().scale(output.rows(), output.cols()) * sum(output, target);
    }

    /** Binary cross-entropy summed over units, averaged over the batch (003, Q3). */
    Loss BCE = new BinaryCrossEntropy(Reduction.MEAN_OVER_BATCH);
    /** Mean squared error over units and patterns. */
    Loss MSE = new SquaredError(false, Reduction.MEAN);
    /** ½ Σ (y − t)², summed over units and patterns (002_30a0b8d3c8338d16.txt). */
    Loss HALF_SSE = new SquaredError(true, Reduction.SUM);
    /** Softmax cross-entropy −Σ t log y, averaged over the batch. */
    Loss SOFTMAX_CE = new SoftmaxCrossEntropy(Reduction.MEAN_OVER_BATCH);

    static Loss bce(Reduction reduction) {
        return new BinaryCrossEntropy(reduction);
    }

    /** Squared error; {@code half} puts the ½ of ½Σ(y − t)² in front. */
    static Loss squaredError(boolean half, Reduction reduction) {
        return new SquaredError(half, reduction);
    }

    static Loss softmaxCrossEntropy(Reduction reduction) {
        return new SoftmaxCrossEntropy(reduction);
    }
}
