package org.aelab.nn;

import org.aelab.tensor.Matrix;

/** A trainable tensor and the gradient that backpropagation writes beside it. */
public final class Parameter {
    /** What a parameter is to the objective: L2 weight decay applies to weights, not to biases. */
    public enum Kind { WEIGHTS, BIAS }

    private final String name;
    private final Kind kind;
    private final Matrix value;
    private final Matrix gradient;
    /** η while backward applies plain gradient descent to the value itself (see {@link #descendDuringBackward}), else 0. */
    private float descentRate;

    /** A weight parameter (one that weight decay applies to). */
    public Parameter(String name, Matrix value) {
        this(name, Kind.WEIGHTS, value);
    }

    public Parameter(String name, Kind kind, Matrix value) {
        if (kind == null) {
            throw new IllegalArgumentException("kind of parameter " + name + " must not be null");
        }
        this.name = name;
        this.kind = kind;
        this.value = value;
        this.gradient = Matrix.zeros(value.rows(), value.cols());
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The live values, updated in place by optimizers. */
    public Matrix value() {
        return value;
    }

    /** ∂E/∂value from the last backward pass. */
    public Matrix gradient() {
        return gradient;
    }

    /**
     * Plain gradient descent without the gradient buffer: while {@code learningRate} is positive, the one layer that
     * owns this parameter subtracts η·(its gradient term) from the value during backward, in the same matrix
     * product that would have written the gradient, and {@link #gradient()} is not kept up to date. It saves two
     * passes over the parameter per step (setting the gradient to zero, then W ← W − η·∂E/∂W). A product the Java
     * loops compute gives the same floats as those passes; one the BLAS computes may differ in the last bit, since it
     * rounds W − η·xᵀδ once (a fused multiply-add) where the passes round twice. 0 turns it off. Only
     * for a parameter that one layer alone computes the gradient of, with no other term added (no weight decay);
     * see {@link LayerStack#descentDuringBackwardCandidates()}.
     */
    public void descendDuringBackward(float learningRate) {
        if (!(learningRate >= 0) || Float.isInfinite(learningRate)) {
            throw new IllegalArgumentException("learningRate of parameter " + name + " must be finite and >= 0, got "
                    + learningRate);
        }
        descentRate = learningRate;
    }

    /** η while backward updates the value itself ({@link #descendDuringBackward}), 0 when backward writes the gradient. */
    public float descentRate() {
        return descentRate;
    }

    @Override
    public String toString() {
        return name + " " + value.shape();
    }
}
