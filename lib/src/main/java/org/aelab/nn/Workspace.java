package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * The buffers of one batch on a {@link LayerStack}, made once and reused for every batch of a training run:
 * the input, every layer's activations a_i and deltas, the layers' scratch, and the gradients an objective
 * adds at a hidden layer. {@link #topRows} gives a view on the first rows for the last, shorter batch.
 */
public final class Workspace {
    private final LayerStack stack;
    private final Workspace full;
    final Matrix input;
    final Matrix[] activations;
    final Matrix[] deltas;
    final Matrix[] addedGradients;
    final Layer.Scratch[] scratch;
    private final float[] unitScratch;
    private final List<Parameter> parameters;

    Workspace(LayerStack stack, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int size = stack.size();
        this.stack = stack;
        this.full = null;
        input = Matrix.zeros(batchSize, stack.inputs());
        activations = new Matrix[size];
        deltas = new Matrix[size];
        addedGradients = new Matrix[size];
        scratch = new Layer.Scratch[size];
        int widest = stack.inputs();
        for (int i = 0; i < size; i++) {
            Layer layer = stack.layer(i);
            activations[i] = Matrix.zeros(batchSize, layer.outputs());
            deltas[i] = Matrix.zeros(batchSize, layer.outputs());
            scratch[i] = layer.scratch(batchSize);
            widest = Math.max(widest, layer.outputs());
        }
        unitScratch = new float[widest];
        parameters = stack.trainableParameters();
    }

    private Workspace(Workspace full, int rows) {
        stack = full.stack;
        this.full = full;
        input = full.input.topRows(rows);
        activations = new Matrix[full.activations.length];
        deltas = new Matrix[full.deltas.length];
        addedGradients = new Matrix[full.addedGradients.length];
        for (int i = 0; i < activations.length; i++) {
            activations[i] = full.activations[i].topRows(rows);
            deltas[i] = full.deltas[i].topRows(rows);
        }
        scratch = full.scratch;
        unitScratch = full.unitScratch;
        parameters = full.parameters;
    }

    /** A workspace over the first {@code n} rows of this one's buffers (for the last, shorter batch). */
    public Workspace topRows(int n) {
        if (n <= 0 || n > rows()) {
            throw new IllegalArgumentException("rows must be in 1.." + rows() + ", got " + n);
        }
        return n == rows() ? this : new Workspace(full == null ? this : full, n);
    }

    /** The stack these buffers belong to. */
    public LayerStack stack() {
        return stack;
    }

    /** Patterns in the batch. */
    public int rows() {
        return input.rows();
    }

    /** The batch's input as the first layer sees it (corrupted, for a denoiser): write it before forward. */
    public Matrix input() {
        return input;
    }

    /** The activations a_i of layer {@code i} for the last batch (live buffer). */
    public Matrix activations(int i) {
        return activations[i];
    }

    /** The top layer's activations: the stack's output for the batch. */
    public Matrix output() {
        return activations[activations.length - 1];
    }

    /** δ at the top layer's pre-activations, where backward starts: an objective writes it. */
    public Matrix outputDelta() {
        return deltas[deltas.length - 1];
    }

    /**
     * A buffer for ∂P/∂a_i, a term's gradient with respect to the activations of hidden layer {@code i} (a
     * penalty on them), which backward adds to the gradient arriving from above. Made on first use; from then
     * on backward adds it every time, so whoever asks for it writes it before every backward.
     */
    public Matrix addedGradient(int i) {
        if (i < 0 || i >= addedGradients.length - 1) {
            throw new IllegalArgumentException("an added gradient goes on a hidden layer 0.." + (addedGradients.length - 2)
                    + " (the top layer's delta comes from the loss), got layer " + i);
        }
        if (addedGradients[i] == null) {
            addedGradients[i] = full == null ? Matrix.zeros(rows(), activations[i].cols())
                    : full.addedGradient(i).topRows(rows());
        }
        return addedGradients[i];
    }

    /** Room for one float per unit of the widest layer (for a penalty's per-unit means), shared by the batch. */
    public float[] unitScratch() {
        return unitScratch;
    }

    /** The parameters backward computes gradients for: those of the layers above the stack's frozen prefix. */
    public List<Parameter> parameters() {
        return parameters;
    }

    /** Sets the gradient of every trainable parameter to zero (backward adds to them). */
    public void zeroGradients() {
        for (int k = 0; k < parameters.size(); k++) { // indexed: no iterator allocated per batch
            parameters.get(k).gradient().fill(0f);
        }
    }
}
