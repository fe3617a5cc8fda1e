package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * One layer of a {@link LayerStack}: a map from a batch of inputs to a batch of outputs, one pattern per row
 * (an image is flattened channel by channel, C·H·W values a row). The layer ends with its {@link #activation()}
 * a = g(z) of its pre-activations z; layers without one (pooling, up-sampling) use {@link Activation#IDENTITY}.
 *
 * <p>Backward works with δ = ∂E/∂z, the gradient at the layer's pre-activations (000's δ_k): the stack, or the
 * loss for the top layer, has already multiplied by g'. A layer may have no parameters, and may need buffers
 * beside its input and output for a batch (an im2col matrix): {@link #scratch} makes them once per workspace.
 */
public interface Layer {

    /** Values per input row. */
    int inputs();

    /** Values per output row. */
    int outputs();

    /** The activation applied last in {@link #forward}; backward's δ is taken after it. */
    Activation activation();

    /** The trainable parameters, in a fixed order (possibly none; a tied layer lists the shared weights). */
    List<Parameter> parameters();

    /**
     * Buffers this layer needs for batches of up to {@code batchSize} rows, beside its input and output;
     * made once per workspace and passed to every forward and backward on it. Layers that need none return
     * {@link Scratch#NONE}.
     */
    default Scratch scratch(int batchSize) {
        return Scratch.NONE;
    }

    /**
     * {@code output} = g(z(input)) for the rows of {@code input} (which may be fewer than the batch size the
     * scratch was made for); allocates nothing.
     */
    void forward(Matrix input, Matrix output, Scratch scratch);

    /**
     * Given δ = ∂E/∂z at the pre-activations, adds ∂E/∂θ to each parameter's gradient (they accumulate, so a
     * tied weight collects both layers' contributions) and, when {@code deltaInput} is not null, writes
     * ∂E/∂input into it, overwriting it (the stack multiplies by the layer below's g'). {@code input} and
     * {@code output} are those of the last forward. Allocates nothing.
     */
    void backward(Matrix input, Matrix output, Matrix delta, Matrix deltaInput, Scratch scratch);

    /** A layer's per-batch buffers; each layer casts to its own kind. */
    interface Scratch {
        /** For layers that need no buffers. */
        Scratch NONE = new Scratch() {
            @Override
            public String toString() {
                return "no scratch";
            }
        };
    }
}
