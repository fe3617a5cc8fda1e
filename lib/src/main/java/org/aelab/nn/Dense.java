package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;

/**
 * A fully connected layer a = g(x·W + b), one pattern per row of x. W is inputs × outputs. A tied layer
 * uses the transpose of another layer's weights (a decoder mirroring its encoder) and has its own bias.
 */
public final class Dense implements Layer {
    private static final Gemm GEMM = Gemm.standard();

    private final int inputs;
    private final int outputs;
    private final Activation activation;
    private final Parameter weights;
    private final boolean transposed;
    private final Parameter bias;

    private Dense(int inputs, int outputs, Activation activation, Parameter weights, boolean transposed, String name) {
        checkSizes(inputs, outputs, name);
        if (activation == null) {
            throw new IllegalArgumentException("activation of layer " + name + " must not be null");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.activation = activation;
        this.weights = weights;
        this.transposed = transposed;
        this.bias = new Parameter(name + ".b", Parameter.Kind.BIAS, Matrix.zeros(1, outputs));
    }

    /** A layer with its own zero weights (fill them with an {@link Init}). */
    public static Dense of(int inputs, int outputs, Activation activation, String name) {
        checkSizes(inputs, outputs, name);
        return new Dense(inputs, outputs, activation, new Parameter(name + ".W", Matrix.zeros(inputs, outputs)), false, name);
    }

    private static void checkSizes(int inputs, int outputs, String name) {
        if (inputs <= 0) {
            throw new IllegalArgumentException("layer " + name + " inputs must be positive, got " + inputs);
        }
        if (outputs <= 0) {
            throw new IllegalArgumentException("layer " + name + " outputs must be positive, got " + outputs);
        }
    }

    /** A layer whose weights are the transpose of {@code encoder}'s (tied weights). */
    public static Dense tiedTo(Dense encoder, Activation activation, String name) {
        return new Dense(encoder.outputs, encoder.inputs, activation, encoder.weights, true, name);
    }

    /** Forward pass: a = g(x·W + b), one pattern per row. */
    @Override
    public void forward(Matrix x, Matrix a, Scratch scratch) {
        GEMM.gemm(false, transposed, 1f, x, weights.value(), 0f, a);
        float[] out = a.data();
        float[] b = bias.value().data();
        for (int p = 0; p < a.rows(); p++) {
            int base = p * outputs;
            for (int k = 0; k < outputs; k++) {
                out[base + k] += b[k];
            }
        }
        activation.apply(a);
    }

    /**
     * Backward pass, given δ_k = ∂E/∂(x·W + b)_k at this layer's units (000's δ_k): ∂E/∂W += xᵀ·δ,
     * ∂E/∂b += Σ_p δ, and, when {@code deltaBelow} is not null, ∂E/∂x_j = Σ_k δ_k·w_jk, i.e. δ·Wᵀ (the
     * stack multiplies it by g'(x_j) of the layer below to make that layer's δ_j). When the weights descend
     * during backward ({@link Parameter#descendDuringBackward}), W ← W − η·xᵀ·δ takes the place of ∂E/∂W += xᵀ·δ.
     */
    @Override
    public void backward(Matrix x, Matrix a, Matrix delta, Matrix deltaBelow, Scratch scratch) {
        if (deltaBelow != null) { // before the weights change when they descend during backward
            GEMM.gemm(false, !transposed, 1f, delta, weights.value(), 0f, deltaBelow);
        }
        float rate = weights.descentRate();
        float alpha = rate > 0 ? -rate : 1f;
        Matrix target = rate > 0 ? weights.value() : weights.gradient();
        if (transposed) {
            GEMM.gemm(true, false, alpha, delta, x, 1f, target);
        } else {
            GEMM.gemm(true, false, alpha, x, delta, 1f, target);
        }
        float[] db = bias.gradient().data();
        float[] d = delta.data();
        for (int p = 0; p < delta.rows(); p++) {
            int base = p * outputs;
            for (int k = 0; k < outputs; k++) {
                db[k] += d[base + k];
            }
        }
    }

    /**
     * An independent layer with this layer's current effective weights and bias (a tied layer's copy has its
     * own untied weights): for training a classifier on a pretrained encoder without changing the encoder.
     */
    public Dense untiedCopy(String name) {
        Dense copy = of(inputs, outputs, activation, name);
        copy.weights.value().copyFrom(weightsCopy());
        copy.bias.value().copyFrom(bias.value());
        return copy;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    public boolean isTied() {
        return transposed;
    }

    /** This layer's effective weights, inputs × outputs, as a new matrix (the transpose for a tied layer). */
    public Matrix weightsCopy() {
        return transposed ? weights.value().transposeCopy() : weights.value().copy();
    }

    /** Bias as a new 1 × outputs matrix. */
    public Matrix biasCopy() {
        return bias.value().copy();
    }

    /** The weight parameter (shared with the encoder for a tied layer). */
    public Parameter weights() {
        return weights;
    }

    public Parameter bias() {
        return bias;
    }

    /** Weights, then bias (a tied layer's weights are its encoder's). */
    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    @Override
    public String toString() {
        return "Dense(" + inputs + "→" + outputs + ", " + activation + (transposed ? ", tied" : "") + ")";
    }
}
