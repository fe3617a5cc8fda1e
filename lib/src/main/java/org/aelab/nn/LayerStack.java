package org.aelab.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.aelab.tensor.Matrix;

/**
 * Layers applied one after the other, with forward and backward passes over activations and deltas only:
 * what the network is trained for lives in an {@link Objective}. The first {@link #frozenLayers()} layers
 * may be frozen: backward stops above them and their parameters are not trainable. Stacks made with
 * {@link #withFrozenLayers} share the layers (and so the weights).
 */
public final class LayerStack {
    /** Rows per chunk when {@link #run} passes a large data set through the layers. */
    static final int CHUNK = 1000;

    private final List<Layer> layers;
    private final int frozenLayers;

    public LayerStack(List<? extends Layer> layers) {
        this(layers, 0);
    }

    private LayerStack(List<? extends Layer> layers, int frozenLayers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a layer stack needs at least one layer, got none");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layer " + i + " " + layers.get(i) + " takes " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).outputs());
            }
        }
        if (frozenLayers < 0 || frozenLayers >= layers.size()) {
            throw new IllegalArgumentException("frozenLayers must be in 0.." + (layers.size() - 1)
                    + " (at least one layer must train), got " + frozenLayers);
        }
        this.layers = List.copyOf(layers);
        this.frozenLayers = frozenLayers;
    }

    public static LayerStack of(Layer... layers) {
        return new LayerStack(List.of(layers));
    }

    /** The same layers (shared weights) with the first {@code count} frozen: not updated by training. */
    public LayerStack withFrozenLayers(int count) {
        return new LayerStack(layers, count);
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer layer(int i) {
        return layers.get(i);
    }

    public int size() {
        return layers.size();
    }

    public int inputs() {
        return layers.get(0).inputs();
    }

    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    public int frozenLayers() {
        return frozenLayers;
    }

    /** Every parameter of every layer, each once (tied weights are shared), bottom up. */
    public List<Parameter> parameters() {
        return distinctParameters(0);
    }

    /** The parameters training updates: those of the layers above the frozen prefix, each once. */
    public List<Parameter> trainableParameters() {
        return distinctParameters(frozenLayers);
    }

    /**
     * The trainable parameters whose whole gradient is one matrix product of one layer: the weights of the dense
     * layers above the frozen prefix that no other layer shares (not tied). These can descend during backward
     * ({@link Parameter#descendDuringBackward}) under plain gradient descent without weight decay.
     */
    public List<Parameter> descentDuringBackwardCandidates() {
        Map<Parameter, Integer> uses = new IdentityHashMap<>();
        for (Layer layer : layers) {
            for (Parameter p : layer.parameters()) {
                uses.merge(p, 1, Integer::sum);
            }
        }
        List<Parameter> out = new ArrayList<>();
        for (int i = frozenLayers; i < layers.size(); i++) {
            if (layers.get(i) instanceof Dense dense && !dense.isTied() && uses.get(dense.weights()) == 1) {
                out.add(dense.weights());
            }
        }
        return Collections.unmodifiableList(out);
    }

    private List<Parameter> distinctParameters(int from) {
        Map<Parameter, Boolean> seen = new IdentityHashMap<>();
        List<Parameter> out = new ArrayList<>();
        for (int i = from; i < layers.size(); i++) {
            for (Parameter p : layers.get(i).parameters()) {
                if (seen.put(p, Boolean.TRUE) == null) {
                    out.add(p);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Buffers for batches of up to {@code batchSize} patterns; training reuses them for every batch. */
    public Workspace workspace(int batchSize) {
        return new Workspace(this, batchSize);
    }

    /** Forward pass of the batch in {@code ws.input()}: fills every layer's activations. */
    public void forward(Workspace ws) {
        requireOwn(ws);
        Matrix x = ws.input;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(x, ws.activations[i], ws.scratch[i]);
            x = ws.activations[i];
        }
    }

    /**
     * Backward pass from δ at the output ({@code ws.outputDelta()}, written by an objective): adds ∂E/∂θ to the
     * gradients of the trainable parameters (zero them first: {@link Objective#delta} does), stopping above
     * the frozen layers. Below the top, a layer's δ_j = (Σ_k δ_k·w_jk + ∂P/∂a_j)·g'(x_j): the sum comes from
     * the layer above, ∂P/∂a_j from {@link Workspace#addedGradient} when an objective wrote one.
     */
    public void backward(Workspace ws) {
        requireOwn(ws);
        int top = layers.size() - 1;
        for (int i = top; i >= frozenLayers; i--) {
            Layer layer = layers.get(i);
            if (i < top) {
                addInPlace(ws.deltas[i], ws.addedGradients[i]);
                layer.activation().backprop(ws.activations[i], ws.deltas[i]);
            }
            Matrix input = i == 0 ? ws.input : ws.activations[i - 1];
            Matrix deltaBelow = i > frozenLayers ? ws.deltas[i - 1] : null;
            layer.backward(input, ws.activations[i], ws.deltas[i], deltaBelow, ws.scratch[i]);
        }
    }

    private static void addInPlace(Matrix sum, Matrix term) {
        if (term == null) {
            return;
        }
        float[] s = sum.data();
        float[] t = term.data();
        for (int i = 0; i < sum.rows() * sum.cols(); i++) {
            s[i] += t[i];
        }
    }

    private void requireOwn(Workspace ws) {
        if (ws.stack() != this) {
            throw new IllegalArgumentException("the workspace was made by another layer stack; use this stack's workspace(batchSize)");
        }
    }

    /** Outputs of layer {@code layer} for every row of {@code x}, computed in chunks, as a new matrix. */
    public Matrix activations(Matrix x, int layer) {
        checkInputs("x", x);
        return run(x, 0, layer);
    }

    /** The top layer's outputs for every row of {@code x}, as a new matrix. */
    public Matrix predict(Matrix x) {
        return activations(x, layers.size() - 1);
    }

    /**
     * Runs rows of {@code x} through layers {@code from}..{@code to} (inclusive) in chunks of 1 000 rows;
     * {@code x} must have layer {@code from}'s input width. Returns a new matrix.
     */
    public Matrix run(Matrix x, int from, int to) {
        if (from < 0 || to >= layers.size() || from > to) {
            throw new IllegalArgumentException("layers must satisfy 0 <= from <= to <= " + (layers.size() - 1)
                    + ", got from " + from + ", to " + to);
        }
        if (x.cols() != layers.get(from).inputs()) {
            throw new IllegalArgumentException("x must have " + layers.get(from).inputs() + " columns (the inputs of layer "
                    + from + " " + layers.get(from) + "), got " + x.shape());
        }
        Matrix out = Matrix.zeros(x.rows(), layers.get(to).outputs());
        int chunk = Math.min(x.rows(), CHUNK);
        Matrix in = Matrix.zeros(chunk, x.cols());
        Matrix[] buffers = new Matrix[to + 1];
        Layer.Scratch[] scratch = new Layer.Scratch[to + 1];
        for (int i = from; i <= to; i++) {
            buffers[i] = Matrix.zeros(chunk, layers.get(i).outputs());
            scratch[i] = layers.get(i).scratch(chunk);
        }
        for (int start = 0; start < x.rows(); start += chunk) {
            int n = Math.min(chunk, x.rows() - start);
            Matrix current = in.topRows(n);
            System.arraycopy(x.data(), start * x.cols(), current.data(), 0, n * x.cols());
            for (int i = from; i <= to; i++) {
                Matrix next = buffers[i].topRows(n);
                layers.get(i).forward(current, next, scratch[i]);
                current = next;
            }
            System.arraycopy(current.data(), 0, out.data(), start * out.cols(), n * out.cols());
        }
        return out;
    }

    /** Throws unless {@code x} has this stack's input width and only finite values. */
    public void checkInputs(String name, Matrix x) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.cols() != inputs()) {
            throw new IllegalArgumentException(name + " must have " + inputs() + " columns (the network's inputs), got " + x.shape());
        }
        x.requireFinite(name);
    }

    @Override
    public String toString() {
        return layers + (frozenLayers > 0 ? " frozen=" + frozenLayers : "");
    }
}
