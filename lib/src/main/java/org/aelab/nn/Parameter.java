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

    @Override
    public String toString() {
        return name + " " + value.shape();
    }
}
