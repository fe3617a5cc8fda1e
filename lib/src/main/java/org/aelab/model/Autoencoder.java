package org.aelab.model;

import java.util.ArrayList;
import java.util.List;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Dense;
import org.aelab.nn.Init;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Loss;
import org.aelab.nn.Objective;
import org.aelab.nn.Penalty;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.History;
import org.aelab.train.Trainable;
import org.aelab.train.Trainer;

/**
 * An autoencoder: an encoder stack from the input to the code, and a decoder stack mirroring it back to
 * the input, trained to reconstruct its (clean) input: the loss and the sparsity penalty on the code form its
 * {@link Objective}; a corruption, when set, is applied to its training inputs only.
 *
 * <pre>
 * Autoencoder ae = Autoencoder.builder().input(784).hidden(625, SIGMOID).output(SIGMOID)
 *         .loss(Loss.BCE).sparsity(0.02, 0.4).corruption(Corruption.masking(0.1)).build();
 * </pre>
 */
public final class Autoencoder implements Trainable {
    private final List<Dense> denseLayers;
    private final LayerStack layers;
    private final Objective objective;
    private final Corruption corruption;
    private final int encoderDepth;
    private final Init init;
    private final long seed;

    private Autoencoder(List<Dense> denseLayers, Objective objective, Corruption corruption, int encoderDepth, Init init,
                        long seed) {
        this.denseLayers = List.copyOf(denseLayers);
        this.layers = new LayerStack(denseLayers);
        this.objective = objective;
        this.corruption = corruption;
        this.encoderDepth = encoderDepth;
        this.init = init;
        this.seed = seed;
        objective.requireFits(layers);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The encoder layers, then the decoder layers. */
    @Override
    public LayerStack layers() {
        return layers;
    }

    /** The loss, and the penalty on the code (layer {@code encoder().size() − 1}) and weight decay if set. */
    @Override
    public Objective objective() {
        return objective;
    }

    /** The noise of a denoising autoencoder's training inputs, or null. */
    @Override
    public Corruption corruption() {
        return corruption;
    }

    /** Trains with {@code trainer} to reconstruct {@code data}. */
    public History fit(Trainer trainer, Matrix data) {
        return trainer.fit(this, data, data);
    }

    /** Trains to reconstruct {@code data}, measuring the reconstruction loss on {@code validation} every epoch. */
    public History fit(Trainer trainer, Matrix data, Matrix validation) {
        return trainer.fit(this, data, data, validation, validation);
    }

    /** The code (last encoder layer's activations) of every row of {@code x}. */
    public Matrix encode(Matrix x) {
        return layers.activations(x, encoderDepth - 1);
    }

    /** The decoder's output for every row of {@code code}. */
    public Matrix decode(Matrix code) {
        code.requireFinite("code");
        return layers.run(code, encoderDepth, layers.size() - 1);
    }

    /** decode(encode(x)), without corruption. */
    public Matrix reconstruct(Matrix x) {
        return layers.predict(x);
    }

    /** The loss between x and its reconstruction, without corruption or penalty, under the loss's reduction. */
    public double reconstructionLoss(Matrix x) {
        return objective.evaluateLoss(layers, x, x);
    }

    public List<Dense> encoder() {
        return denseLayers.subList(0, encoderDepth);
    }

    public List<Dense> decoder() {
        return denseLayers.subList(encoderDepth, denseLayers.size());
    }

    /** Number of input units (and of reconstructed units). */
    public int inputs() {
        return layers.inputs();
    }

    public int codeSize() {
        return denseLayers.get(encoderDepth - 1).outputs();
    }

    public Init init() {
        return init;
    }

    public long seed() {
        return seed;
    }

    @Override
    public String toString() {
        return "Autoencoder" + denseLayers + " " + objective + (corruption == null ? "" : " corruption=" + corruption);
    }

    /** Configuration of an {@link Autoencoder}; each setter checks its value. */
    public static final class Builder {
        private int inputs;
        private final List<Integer> hiddenSizes = new ArrayList<>();
        private final List<Activation> hiddenActivations = new ArrayList<>();
        private Activation outputActivation = Activation.SIGMOID;
        private boolean tied;
        private Init init = Init.glorot();
        private Loss loss = Loss.BCE;
        private Penalty penalty;
        private Corruption corruption;
        private double weightDecay;
        private long seed;

        private Builder() {
        }

        /** Number of input units (and of output units: an autoencoder reconstructs its input). */
        public Builder input(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("input size must be positive, got " + size);
            }
            inputs = size;
            return this;
        }

        /** Adds an encoder layer of {@code size} units; the decoder mirrors the encoder's layers in reverse. */
        public Builder hidden(int size, Activation activation) {
            if (size <= 0) {
                throw new IllegalArgumentException("hidden layer size must be positive, got " + size);
            }
            if (activation == null) {
                throw new IllegalArgumentException("hidden layer activation must not be null");
            }
            hiddenSizes.add(size);
            hiddenActivations.add(activation);
            return this;
        }

        /** Activation of the reconstruction layer (sigmoid by default; identity for a linear decoder). */
        public Builder output(Activation activation) {
            if (activation == null) {
                throw new IllegalArgumentException("output activation must not be null");
            }
            outputActivation = activation;
            return this;
        }

        /** Decoder weights are the transposes of the encoder's (default false). */
        public Builder tiedWeights(boolean value) {
            tied = value;
            return this;
        }

        /** Weight initialiser (default Glorot uniform); biases start at zero. */
        public Builder init(Init value) {
            if (value == null) {
                throw new IllegalArgumentException("init must not be null");
            }
            init = value;
            return this;
        }

        public Builder loss(Loss value) {
            if (value == null) {
                throw new IllegalArgumentException("loss must not be null");
            }
            loss = value;
            return this;
        }

        /** KL sparsity β·Σ KL(ρ ‖ ρ̂_j) on the code layer. */
        public Builder sparsity(double rho, double beta) {
            penalty = Penalty.klSparsity(rho, beta);
            return this;
        }

        /** Any penalty on the code layer (replaces a sparsity set before). */
        public Builder penalty(Penalty value) {
            penalty = value;
            return this;
        }

        public Builder corruption(Corruption value) {
            corruption = value;
            return this;
        }

        /** L2 weight decay λ: adds (λ/2)·Σ W² to the loss. */
        public Builder weightDecay(double lambda) {
            if (!(lambda >= 0) || Double.isInfinite(lambda)) {
                throw new IllegalArgumentException("weightDecay must be finite and >= 0, got " + lambda);
            }
            weightDecay = lambda;
            return this;
        }

        /** Seed of the weight initialisation. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Autoencoder build() {
            if (inputs <= 0) {
                throw new IllegalArgumentException("input size is required, e.g. .input(784)");
            }
            if (hiddenSizes.isEmpty()) {
                throw new IllegalArgumentException("at least one hidden layer is required, e.g. .hidden(625, Activation.SIGMOID)");
            }
            Rng rng = new Rng(seed);
            List<Dense> layers = new ArrayList<>();
            int previous = inputs;
            for (int i = 0; i < hiddenSizes.size(); i++) {
                Dense layer = Dense.of(previous, hiddenSizes.get(i), hiddenActivations.get(i), "encoder" + i);
                init.fill(layer.weights().value(), rng);
                layers.add(layer);
                previous = hiddenSizes.get(i);
            }
            int depth = layers.size();
            for (int i = depth - 1; i >= 0; i--) {
                Dense mirror = layers.get(i);
                Activation activation = i == 0 ? outputActivation : hiddenActivations.get(i - 1);
                String name = "decoder" + (depth - 1 - i);
                Dense layer;
                if (tied) {
                    layer = Dense.tiedTo(mirror, activation, name);
                } else {
                    layer = Dense.of(mirror.outputs(), mirror.inputs(), activation, name);
                    init.fill(layer.weights().value(), rng);
                }
                layers.add(layer);
            }
            Objective objective = Objective.of(loss).withPenalty(penalty, depth - 1).withWeightDecay(weightDecay);
            return new Autoencoder(layers, objective, corruption, depth, init, seed);
        }
    }
}
