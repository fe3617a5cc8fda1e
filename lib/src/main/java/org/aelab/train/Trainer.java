package org.aelab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.aelab.nn.LayerStack;
import org.aelab.tensor.Matrix;

/**
 * Minibatch training as a reusable configuration. Each {@link #fit} starts from fresh optimizer state
 * and a random stream derived from the seed (for shuffling and corruption), so rerunning a notebook
 * cell gives the same numbers. Full-batch training is a batch as large as the data set.
 *
 * <pre>
 * Trainer trainer = Trainer.builder().optimizer(Optimizer.momentum(0.05, 0.9)).epochs(20_000).fullBatch().seed(1).build();
 * History history = trainer.fit(autoencoder, inputs, inputs);
 * </pre>
 */
public final class Trainer {
    /** Stands for "the whole data set" as a batch size. */
    public static final int FULL_BATCH = Integer.MAX_VALUE;

    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final boolean shuffle;
    private final long seed;
    private final List<TrainingListener> listeners;
    private final Map<String, DoubleSupplier> metrics;
    private final int patience;
    private final double minImprovement;

    private Trainer(Builder b) {
        this.optimizer = b.optimizer;
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.shuffle = b.shuffle;
        this.seed = b.seed;
        this.listeners = List.copyOf(b.listeners);
        this.metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.metrics));
        this.patience = b.patience;
        this.minImprovement = b.minImprovement;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this trainer's configuration, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.optimizer = optimizer;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.shuffle = shuffle;
        b.seed = seed;
        b.listeners.addAll(listeners);
        b.metrics.putAll(metrics);
        b.patience = patience;
        b.minImprovement = minImprovement;
        return b;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public long seed() {
        return seed;
    }

    boolean shuffles() {
        return shuffle;
    }

    List<TrainingListener> listeners() {
        return listeners;
    }

    Map<String, DoubleSupplier> metrics() {
        return metrics;
    }

    int patience() {
        return patience;
    }

    double minImprovement() {
        return minImprovement;
    }

    /** Trains {@code model} to map {@code inputs} to {@code targets}. */
    public History fit(Trainable model, Matrix inputs, Matrix targets) {
        return fit(model, inputs, targets, null, null);
    }

    /**
     * Trains {@code model} to map {@code inputs} to {@code targets}, and after every epoch measures the loss on
     * the validation set (without corruption or penalty) when one is given.
     *
     * <p>Before every step the trainer checks whether its thread was interrupted (Kernel → Interrupt in a
     * notebook); if so it stops there and throws, the network keeping the weights of the last completed step.
     *
     * @throws IllegalStateException        when training diverges: the message names the epoch, the optimizer
     *                                      and a smaller learning rate to try
     * @throws TrainingInterruptedException when the thread is interrupted; it carries the completed epochs
     */
    public History fit(Trainable model, Matrix inputs, Matrix targets, Matrix validationInputs, Matrix validationTargets) {
        LayerStack layers = model.layers();
        model.objective().requireFits(layers);
        layers.checkInputs("inputs", inputs);
        checkTargets("targets", inputs, targets, layers);
        if ((validationInputs == null) != (validationTargets == null)) {
            throw new IllegalArgumentException("give both validationInputs and validationTargets, or neither");
        }
        if (validationInputs != null) {
            layers.checkInputs("validationInputs", validationInputs);
            checkTargets("validationTargets", validationInputs, validationTargets, layers);
        }
        return new TrainingRun(this, model, inputs, targets, validationInputs, validationTargets).run();
    }

    private static void checkTargets(String name, Matrix inputs, Matrix targets, LayerStack layers) {
        if (targets == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (targets.rows() != inputs.rows() || targets.cols() != layers.outputs()) {
            throw new IllegalArgumentException(name + " must be " + inputs.rows() + "x" + layers.outputs()
                    + " (one row per input, one column per network output), got " + targets.shape());
        }
        targets.requireFinite(name);
    }

    @Override
    public String toString() {
        return "Trainer[" + optimizer + ", epochs=" + epochs + ", batch="
                + (batchSize == FULL_BATCH ? "full" : String.valueOf(batchSize))
                + (shuffle ? ", shuffled" : "") + ", seed=" + seed
                + (patience > 0 ? ", early stopping after " + patience + " epochs without improvement" : "") + "]";
    }

    /** Configuration for a {@link Trainer}; every setter checks its value. */
    public static final class Builder {
        private Optimizer optimizer;
        private int epochs = 10;
        private int batchSize = FULL_BATCH;
        private boolean shuffle = true;
        private long seed = 0;
        private final List<TrainingListener> listeners = new ArrayList<>();
        private final Map<String, DoubleSupplier> metrics = new LinkedHashMap<>();
        private int patience = 0;
        private double minImprovement = 0;

        private Builder() {
        }

        public Builder optimizer(Optimizer value) {
            if (value == null) {
                throw new IllegalArgumentException("optimizer must not be null");
            }
            optimizer = value;
            return this;
        }

        public Builder epochs(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("epochs must be positive, got " + value);
            }
            epochs = value;
            return this;
        }

        public Builder batchSize(int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("batch size must be positive, got " + value);
            }
            batchSize = value;
            return this;
        }

        /** Every epoch is one step on the whole data set. */
        public Builder fullBatch() {
            batchSize = FULL_BATCH;
            return this;
        }

        /** Whether minibatches are drawn in a new random order every epoch (default true). */
        public Builder shuffle(boolean value) {
            shuffle = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder listener(TrainingListener value) {
            if (value == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            listeners.add(value);
            return this;
        }

        /** A value measured after every epoch and recorded in the history under {@code name} (e.g. test accuracy). */
        public Builder metric(String name, DoubleSupplier value) {
            if (name == null || name.isBlank() || value == null) {
                throw new IllegalArgumentException("metric needs a name and a supplier, got name '" + name + "'");
            }
            metrics.put(name, value);
            return this;
        }

        /**
         * Stops when the monitored loss (validation if given, training otherwise) has not improved by more
         * than {@code minImprovement} for {@code patience} epochs.
         */
        public Builder earlyStopping(int patience, double minImprovement) {
            if (patience <= 0) {
                throw new IllegalArgumentException("early stopping patience must be positive, got " + patience);
            }
            if (!(minImprovement >= 0)) {
                throw new IllegalArgumentException("early stopping minImprovement must be >= 0, got " + minImprovement);
            }
            this.patience = patience;
            this.minImprovement = minImprovement;
            return this;
        }

        public Trainer build() {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer is required, e.g. .optimizer(Optimizer.sgd(0.1))");
            }
            return new Trainer(this);
        }
    }
}
