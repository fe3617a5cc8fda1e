package org.aelab.nn;

import org.aelab.tensor.Matrix;

/** A trainable tensor and the gradient that backpropagation writes beside it. */
public final class Parameter {
    private final String name;
    private final Matrix value;
    private final Matrix gradient;

    public Parameter(String name, Matrix value) {
        this.name = name;
        this.value = value;
        this.gradient = Matrix.zeros(value.rows(), value.cols());
    }

    public String name() {
        return name;
    }

    /** The live values, updated in place by optimizers. */
    public Matrix value() {
        return value;
    }

    /** ∂E/∂value from the last backward pass. */
    public Matrix gradient() {
        return gradient;
    }

    @Override
    public String toString() {
        return name + " " + value.shape();
    }
}
