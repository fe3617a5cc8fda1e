package org.aelab.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.aelab.tensor.Matrix;

/**
 * Minibatch training as a reusable configuration. Each {@link #fit} starts from fresh optimizer state
 * and a random stream derived from the seed (for shuffling and corruption), so rerunning a notebook
 * cell gives the same numbers; with a {@linkplain Builder#checkpoint checkpoint} file that exists, it continues
 * the run saved there instead. Full-batch training is a batch as large as the data set.
 *
 * <pre>
 * Trainer trainer = Trainer.builder().optimizer(Optimizer.momentum(0.05, 0.9)).epochs(20_000).fullBatch().seed(1).build();
 * History history = trainer.fit(autoencoder, inputs, inputs);
 * </pre>
 */
public final class Trainer {
    /** Stands for "the whole data set" as a batch size. */
    public static final int FULL_BATCH = Integer.MAX_VALUE;

    /** This trainer's configuration: a private copy of the builder it was built from, never handed out. */
    private final Builder settings;

    private Trainer(Builder b) {
        this.settings = b.copy();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this trainer's configuration, to derive a variant. */
    public Builder toBuilder() {
        return settings.copy();
    }

    public Optimizer optimizer() {
        return settings.optimizer;
    }

    public int epochs() {
        return settings.epochs;
    }

    public int batchSize() {
        return settings.batchSize;
    }

    public long seed() {
        return settings.seed;
    }

    boolean shuffles() {
        return settings.shuffle;
    }

    List<TrainingListener> listeners() {
        return List.copyOf(settings.listeners);
    }

    Map<String, DoubleSupplier> metrics() {
        return Collections.unmodifiableMap(settings.metrics);
    }

    int patience() {
        return settings.patience;
    }

    double minImprovement() {
        return settings.minImprovement;
    }

    /** The checkpoint file (see {@link Builder#checkpoint}), or null. */
    public Path checkpointFile() {
        return settings.checkpointFile;
    }

    int checkpointEvery() {
        return settings.checkpointEvery;
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
        return new TrainingRun(this, model, inputs, targets, validationInputs, validationTargets).run();
    }

    @Override
    public String toString() {
        Builder b = settings;
        return "Trainer[" + b.optimizer + ", epochs=" + b.epochs + ", batch="
                + (b.batchSize == FULL_BATCH ? "full" : String.valueOf(b.batchSize))
                + (b.shuffle ? ", shuffled" : "") + ", seed=" + b.seed
                + (b.patience > 0 ? ", early stopping after " + b.patience + " epochs without improvement" : "") + "]";
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
        private Path checkpointFile;
        private int checkpointEvery;

        private Builder() {
        }

        private Builder copy() {
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
            b.checkpointFile = checkpointFile;
            b.checkpointEvery = checkpointEvery;
            return b;
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

        /**
         * Saves the run's state to {@code file} (atomically) every {@code everyEpochs} epochs and after the last:
         * the weights, the optimizer's state, the random stream, the order of the rows and the history so far.
         * When {@code file} exists, {@code fit} continues the run it holds, to exactly the weights an uninterrupted
         * run with this seed reaches, and the history says so ({@link History#resumedAfter()}); a checkpoint of
         * another recipe (layers, objective, corruption, starting weights, optimizer, batch size, seed, data) is
         * refused with an IllegalArgumentException naming the difference. Delete the file to train from the
         * start. A checkpoint does not change what is trained, so it is not part of {@link #toString()}.
         */
        public Builder checkpoint(Path file, int everyEpochs) {
            if (file == null) {
                throw new IllegalArgumentException("checkpoint file must not be null");
            }
            if (everyEpochs <= 0) {
                throw new IllegalArgumentException("checkpoint everyEpochs must be positive, got " + everyEpochs);
            }
            checkpointFile = file;
            checkpointEvery = everyEpochs;
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
