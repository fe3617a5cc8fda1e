package org.aelab.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;

/**
 * A stack of dense layers with what it is trained on: a loss at the output, an optional penalty on one
 * layer's activations (sparsity on the code), optional input corruption (denoising), optional L2 weight
 * decay, and optionally its first layers frozen. The layers (and so the weights) are shared by every
 * network made from them with {@code with…}: a classifier and its autoencoder train the same encoder.
 */
public final class Network {
    private final List<Dense> layers;
    private final Loss loss;
    private final Penalty penalty;
    private final int penaltyLayer;
    private final Corruption corruption;
    private final double weightDecay;
    private final int frozenLayers;
    private final List<Parameter> decayedWeights;
    private final Gemm gemm = Gemm.standard();

    /**
     * @param penalty      penalty on the activations of layer {@code penaltyLayer}, or null
     * @param corruption   applied to inputs during training only, or null
     * @param weightDecay  λ of the L2 term (λ/2)·Σ W² over weight matrices (not biases); 0 for none
     */
    public Network(List<Dense> layers, Loss loss, Penalty penalty, int penaltyLayer, Corruption corruption,
                   double weightDecay) {
        this(layers, loss, penalty, penaltyLayer, corruption, weightDecay, 0);
    }

    private Network(List<Dense> layers, Loss loss, Penalty penalty, int penaltyLayer, Corruption corruption,
                    double weightDecay, int frozenLayers) {
        if (layers == null || layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer, got none");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layer " + i + " " + layers.get(i) + " takes " + layers.get(i).inputs()
                        + " inputs but layer " + (i - 1) + " gives " + layers.get(i - 1).outputs());
            }
        }
        if (loss == null) {
            throw new IllegalArgumentException("loss must not be null");
        }
        if (penalty != null && (penaltyLayer < 0 || penaltyLayer >= layers.size())) {
            throw new IllegalArgumentException("penaltyLayer must be in 0.." + (layers.size() - 1) + ", got " + penaltyLayer);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + weightDecay);
        }
        if (frozenLayers < 0 || frozenLayers >= layers.size()) {
            throw new IllegalArgumentException("frozenLayers must be in 0.." + (layers.size() - 1)
                    + " (at least one layer must train), got " + frozenLayers);
        }
        this.layers = List.copyOf(layers);
        this.loss = loss;
        this.penalty = penalty;
        this.penaltyLayer = penaltyLayer;
        this.corruption = corruption;
        this.weightDecay = weightDecay;
        this.frozenLayers = frozenLayers;
        Map<Parameter, Boolean> seen = new IdentityHashMap<>();
        List<Parameter> weights = new ArrayList<>();
        for (int i = frozenLayers; i < layers.size(); i++) {
            if (seen.put(layers.get(i).weights(), Boolean.TRUE) == null) {
                weights.add(layers.get(i).weights());
            }
        }
        this.decayedWeights = List.copyOf(weights);
    }

    /** The same layers (shared weights) with the first {@code count} layers frozen: not updated by training. */
    public Network withFrozenLayers(int count) {
        return new Network(layers, loss, penalty, penaltyLayer, corruption, weightDecay, count);
    }

    /** The same layers (shared weights) with another input corruption during training (null for none). */
    public Network withCorruption(Corruption newCorruption) {
        return new Network(layers, loss, penalty, penaltyLayer, newCorruption, weightDecay, frozenLayers);
    }

    public Network withLoss(Loss newLoss) {
        return new Network(layers, newLoss, penalty, penaltyLayer, corruption, weightDecay, frozenLayers);
    }

    public Network withWeightDecay(double lambda) {
        return new Network(layers, loss, penalty, penaltyLayer, corruption, lambda, frozenLayers);
    }

    public List<Dense> layers() {
        return layers;
    }

    public Loss loss() {
        return loss;
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

    /** The parameters training updates: weights and biases of unfrozen layers, each once (tied weights are shared). */
    public List<Parameter> trainableParameters() {
        Map<Parameter, Boolean> seen = new IdentityHashMap<>();
        List<Parameter> out = new ArrayList<>();
        for (int i = frozenLayers; i < layers.size(); i++) {
            for (Parameter p : List.of(layers.get(i).weights(), layers.get(i).bias())) {
                if (seen.put(p, Boolean.TRUE) == null) {
                    out.add(p);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Buffers for batches of up to {@code batchSize} patterns; training reuses them for every batch. */
    public Workspace workspace(int batchSize) {
        return new Workspace(batchSize);
    }

    /** Forward pass of the batch {@code x} (ws.rows() patterns) without corruption; returns the output buffer. */
    public Matrix forward(Workspace ws, Matrix x) {
        ws.input.copyFrom(x);
        propagate(ws);
        return ws.activations[layers.size() - 1];
    }

    /** Forward pass for training: corrupts {@code cleanX} into the input buffer when the network has a corruption. */
    public void trainingForward(Workspace ws, Matrix cleanX, Rng rng) {
        if (corruption != null) {
            corruption.corrupt(cleanX, ws.input, rng);
        } else {
            ws.input.copyFrom(cleanX);
        }
        propagate(ws);
    }

    private void propagate(Workspace ws) {
        Matrix x = ws.input;
        for (int i = 0; i < layers.size(); i++) {
            layers.get(i).forward(gemm, x, ws.activations[i]);
            x = ws.activations[i];
        }
    }

    /**
     * Backward pass after {@link #trainingForward}: zeroes and fills the gradients of the trainable
     * parameters, and records the batch's loss terms in the workspace.
     */
    public void backward(Workspace ws, Matrix target) {
        int last = layers.size() - 1;
        Matrix output = ws.activations[last];
        output.requireSameShape("target", target);
        for (int k = 0; k < ws.parameters.size(); k++) { // indexed: no iterator allocated per batch
            ws.parameters.get(k).gradient().fill(0f);
        }
        ws.lossSum = loss.sum(output, target);
        ws.penaltyValue = 0;
        float scale = (float) loss.reduction().scale(output.rows(), output.cols());
        loss.outputDelta(layers.get(last).activation(), output, target, scale, ws.deltas[last]);
        for (int i = last; i >= frozenLayers; i--) {
            if (i < last) {
                // deltas[i] holds ∂E/∂a_i = Σ_k δ_k·w_jk; add the penalty's ∂P/∂a_i, then multiply by g'(x_j)
                if (penalty != null && i == penaltyLayer) {
                    penalty.addGradient(ws.activations[i], ws.deltas[i], ws.scratch);
                }
                layers.get(i).activation().backprop(ws.activations[i], ws.deltas[i]);
            }
            Matrix layerInput = i == 0 ? ws.input : ws.activations[i - 1];
            Matrix deltaBelow = i > frozenLayers ? ws.deltas[i - 1] : null;
            layers.get(i).backward(gemm, layerInput, ws.deltas[i], deltaBelow);
        }
        if (penalty != null) {
            ws.penaltyValue = penalty.value(ws.activations[penaltyLayer], ws.scratch);
        }
        if (weightDecay > 0) {
            ws.penaltyValue += addWeightDecay();
        }
    }

    /** Adds λ·W to each weight gradient and returns (λ/2)·Σ W². */
    private double addWeightDecay() {
        double sumOfSquares = 0;
        float lambda = (float) weightDecay;
        for (int k = 0; k < decayedWeights.size(); k++) {
            Parameter p = decayedWeights.get(k);
            float[] w = p.value().data();
            float[] g = p.gradient().data();
            for (int i = 0; i < w.length; i++) {
                sumOfSquares += (double) w[i] * w[i];
                g[i] += lambda * w[i];
            }
        }
        return weightDecay / 2 * sumOfSquares;
    }

    /** Outputs of layer {@code layer} for every row of {@code x}, computed in chunks, as a new matrix. */
    public Matrix activations(Matrix x, int layer) {
        checkInputs("x", x);
        return run(x, 0, layer);
    }

    /**
     * Runs rows of {@code x} through layers {@code from}..{@code to} (inclusive), without corruption, in
     * chunks of 1 000 rows; {@code x} must have layer {@code from}'s input width. Returns a new matrix.
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
        int chunk = Math.min(x.rows(), 1000);
        Matrix in = Matrix.zeros(chunk, x.cols());
        Matrix[] buffers = new Matrix[to + 1];
        for (int i = from; i <= to; i++) {
            buffers[i] = Matrix.zeros(chunk, layers.get(i).outputs());
        }
        for (int start = 0; start < x.rows(); start += chunk) {
            int n = Math.min(chunk, x.rows() - start);
            Matrix current = in.topRows(n);
            System.arraycopy(x.data(), start * x.cols(), current.data(), 0, n * x.cols());
            for (int i = from; i <= to; i++) {
                Matrix next = buffers[i].topRows(n);
                layers.get(i).forward(gemm, current, next);
                current = next;
            }
            System.arraycopy(current.data(), 0, out.data(), start * out.cols(), n * out.cols());
        }
        return out;
    }

    /** Network outputs for every row of {@code x}, without corruption, as a new matrix. */
    public Matrix predict(Matrix x) {
        return activations(x, layers.size() - 1);
    }

    /** The loss (without penalties or corruption) over the whole of {@code x}, {@code t}, under the loss's reduction. */
    public double evaluateLoss(Matrix x, Matrix t) {
        Matrix output = predict(x);
        output.requireSameShape("targets", t);
        return loss.value(output, t);
    }

    /** Throws unless {@code x} has this network's input width and only finite values. */
    public void checkInputs(String name, Matrix x) {
        if (x.cols() != inputs()) {
            throw new IllegalArgumentException(name + " must have " + inputs() + " columns (the network's inputs), got " + x.shape());
        }
        x.requireFinite(name);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(layers.toString()).append(" loss=").append(loss);
        if (penalty != null) {
            sb.append(" penalty=").append(penalty).append(" on layer ").append(penaltyLayer);
        }
        if (corruption != null) {
            sb.append(" corruption=").append(corruption);
        }
        if (weightDecay > 0) {
            sb.append(" weightDecay=").append(weightDecay);
        }
        if (frozenLayers > 0) {
            sb.append(" frozen=").append(frozenLayers);
        }
        return sb.toString();
    }

    /** Per-batch buffers: the (corrupted) input, every layer's activations and deltas, a scratch row. */
    public final class Workspace {
        private final Matrix input;
        private final Matrix[] activations;
        private final Matrix[] deltas;
        private final float[] scratch;
        private final List<Parameter> parameters;
        private double lossSum;
        private double penaltyValue;

        private Workspace(int batchSize) {
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            }
            input = Matrix.zeros(batchSize, inputs());
            activations = new Matrix[layers.size()];
            deltas = new Matrix[layers.size()];
            int widest = 1;
            for (int i = 0; i < layers.size(); i++) {
                activations[i] = Matrix.zeros(batchSize, layers.get(i).outputs());
                deltas[i] = Matrix.zeros(batchSize, layers.get(i).outputs());
                widest = Math.max(widest, layers.get(i).outputs());
            }
            scratch = new float[widest];
            parameters = trainableParameters();
        }

        private Workspace(Workspace full, int rows) {
            input = full.input.topRows(rows);
            activations = new Matrix[full.activations.length];
            deltas = new Matrix[full.deltas.length];
            for (int i = 0; i < activations.length; i++) {
                activations[i] = full.activations[i].topRows(rows);
                deltas[i] = full.deltas[i].topRows(rows);
            }
            scratch = full.scratch;
            parameters = full.parameters;
        }

        /** A workspace over the first {@code n} rows of this one's buffers (for the last, shorter batch). */
        public Workspace topRows(int n) {
            return new Workspace(this, n);
        }

        public int rows() {
            return input.rows();
        }

        /** Sum of the loss's per-unit terms over the last batch (before the reduction's scaling). */
        public double lossSum() {
            return lossSum;
        }

        /** Penalties (sparsity, weight decay) of the last batch. */
        public double penaltyValue() {
            return penaltyValue;
        }

        /** The activations of layer {@code i} for the last batch (live buffer). */
        public Matrix activations(int i) {
            return activations[i];
        }
    }
}
