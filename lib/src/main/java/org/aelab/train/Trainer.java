package org.aelab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.aelab.nn.Corruption;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Objective;
import org.aelab.nn.Parameter;
import org.aelab.nn.Workspace;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * Minibatch training as a reusable configuration. Each {@link #fit} starts from fresh optimizer state
 * and a random stream derived from the seed (for shuffling and corruption), so rerunning a notebook
 * cell gives the same numbers. Full-batch training is a batch as large as the data set.
 *
 * <pre>
 * Trainer trainer = Trainer.builder().optimizer(Optimizer.momentum(0.05, 0.9)).epochs(20_000).fullBatch().seed(1).build();
 * History history = trainer.fit(network, inputs, targets);
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
        this.metrics = new LinkedHashMap<>(b.metrics);
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

    /** Trains {@code model} to map {@code inputs} to {@code targets}. */
    public History fit(Trainable model, Matrix inputs, Matrix targets) {
        return fit(model, inputs, targets, null, null);
    }

    /**
     * Trains {@code network} to map {@code inputs} to {@code targets}, and after every epoch measures
     * the loss on the validation set (without corruption or penalty) when one is given.
     *
     * <p>Before every step the trainer checks whether its thread was interrupted (Kernel → Interrupt in a
     * notebook); if so it stops there and throws, the network keeping the weights of the last completed step.
     *
     * @throws IllegalStateException        when the loss becomes NaN or infinite: the message names the epoch
     *                                      and the learning rate
     * @throws TrainingInterruptedException when the thread is interrupted; it carries the completed epochs
     */
    public History fit(Trainable model, Matrix inputs, Matrix targets, Matrix validationInputs, Matrix validationTargets) {
        LayerStack network = model.layers();
        Objective objective = model.objective();
        Corruption corruption = model.corruption();
        objective.requireFits(network);
        network.checkInputs("inputs", inputs);
        checkTargets("targets", inputs, targets, network);
        if ((validationInputs == null) != (validationTargets == null)) {
            throw new IllegalArgumentException("give both validationInputs and validationTargets, or neither");
        }
        if (validationInputs != null) {
            network.checkInputs("validationInputs", validationInputs);
            checkTargets("validationTargets", validationInputs, validationTargets, network);
        }
        int n = inputs.rows();
        int batch = Math.min(batchSize, n);
        Workspace full = network.workspace(batch);
        Workspace remainder = n % batch == 0 ? full : full.topRows(n % batch);
        Matrix batchInputs = Matrix.zeros(batch, inputs.cols());
        Matrix batchTargets = Matrix.zeros(batch, targets.cols());
        Matrix remainderInputs = batchInputs.topRows(remainder.rows());
        Matrix remainderTargets = batchTargets.topRows(remainder.rows());
        Optimizer.Step step = optimizer.start(network.trainableParameters());
        Rng rng = new Rng(seed).split();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        String[] metricNames = metrics.keySet().toArray(new String[0]);
        double[][] columns = new double[5 + metricNames.length][epochs];
        double lossScale = objective.loss().reduction().scale(n, network.outputs());
        loadTablesaw();
        listeners.forEach(l -> l.started(epochs));
        long startNanos = System.nanoTime();
        double best = Double.POSITIVE_INFINITY;
        double lowestLoss = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        int completed = 0;
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                if (shuffle && batch < n) {
                    rng.shuffle(order);
                }
                double lossSum = 0;
                double penaltyWeighted = 0;
                for (int start = 0; start < n; start += batch) {
                    if (Thread.interrupted()) {
                        throw interrupted(epoch, start / batch, (n + batch - 1) / batch,
                                toTable(columns, metricNames, completed));
                    }
                    boolean last = start + batch > n;
                    Workspace ws = last ? remainder : full;
                    Matrix x = last ? remainderInputs : batchInputs;
                    Matrix t = last ? remainderTargets : batchTargets;
                    inputs.gatherRows(order, start, ws.rows(), x);
                    targets.gatherRows(order, start, ws.rows(), t);
                    if (corruption != null) {
                        corruption.corrupt(x, ws.input(), rng);
                    } else {
                        ws.input().copyFrom(x);
                    }
                    network.forward(ws);
                    lossSum += objective.lossSum(ws, t);
                    penaltyWeighted += objective.penalty(ws) * ws.rows();
                    objective.delta(ws, t);
                    network.backward(ws);
                    step.step();
                }
                double reconstruction = lossScale * lossSum;
                double penalty = penaltyWeighted / n;
                double total = reconstruction + penalty;
                String divergence = divergence(total, lowestLoss, columns[0][0], epoch, network);
                if (divergence != null) {
                    throw new IllegalStateException("training diverged at epoch " + epoch + ": " + divergence
                            + " with " + optimizer + "; try a smaller learning rate than " + optimizer.learningRate());
                }
                lowestLoss = Math.min(lowestLoss, total);
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                double validation = validationInputs == null ? Double.NaN
                        : objective.evaluateLoss(network, validationInputs, validationTargets);
                int row = epoch - 1;
                columns[0][row] = total;
                columns[1][row] = reconstruction;
                columns[2][row] = penalty;
                columns[3][row] = validation;
                columns[4][row] = seconds;
                for (int k = 0; k < metricNames.length; k++) {
                    columns[5 + k][row] = metrics.get(metricNames[k]).getAsDouble();
                }
                completed = epoch;
                EpochStats stats = new EpochStats(epoch, epochs, total, reconstruction, penalty, validation, seconds,
                        (System.nanoTime() - startNanos) / 1e9);
                for (TrainingListener listener : listeners) {
                    listener.epochEnded(stats);
                }
                if (patience > 0) {
                    double monitored = validationInputs == null ? total : validation;
                    if (monitored < best - minImprovement) {
                        best = monitored;
                        sinceBest = 0;
                    } else if (++sinceBest >= patience) {
                        break;
                    }
                }
            }
        } finally {
            listeners.forEach(TrainingListener::finished);
        }
        return new History(toTable(columns, metricNames, completed), completed < epochs);
    }

    /** A weight this large means the updates overshoot: networks trained on inputs of order 1 stay far below it. */
    static final double WEIGHT_LIMIT = 1e4;
    /** The loss has diverged when it is this many times its best so far and worse than at the first epoch. */
    static final double LOSS_RISE = 10;

    /**
     * Why training has diverged at {@code epoch}, or null. A loss that cannot grow without bound (BCE clamps its
     * outputs, so it stays finite) still shows divergence: it rises far above its best and past where it began,
     * or the weights run away.
     */
    static String divergence(double loss, double best, double first, int epoch, LayerStack network) {
        if (!Double.isFinite(loss)) {
            return "the loss is " + loss;
        }
        double largest = 0;
        for (Parameter p : network.trainableParameters()) {
            for (float w : p.value().data()) {
                largest = Math.max(largest, Math.abs(w));  // NaN propagates through Math.max
            }
        }
        if (!(largest <= WEIGHT_LIMIT)) {
            return "a weight reached |w| = " + (float) largest + " (a trained network's stay far below " + WEIGHT_LIMIT + ")";
        }
        if (epoch > 1 && loss > LOSS_RISE * best && loss > first) {
            return "the loss rose to " + (float) loss + ", " + Math.round(loss / best) + " times its best "
                    + (float) best + " and above its first epoch's " + (float) first;
        }
        return null;
    }

    private static volatile boolean tablesawLoaded;

    /**
     * Builds a first (empty) history table on a thread of its own and waits for it, ignoring interrupts.
     * Tablesaw's first table scans the class path (about a second on a busy machine), and an interrupt
     * that reached that scan broke Tablesaw for the rest of the JVM's life (ExceptionInInitializerError);
     * done now, it also keeps the history built on an interrupt from waiting for the scan.
     */
    private static void loadTablesaw() {
        if (tablesawLoaded) {
            return;
        }
        Thread loader = new Thread(() -> toTable(new double[5][0], new String[0], 0), "aelab-tablesaw-init");
        loader.setDaemon(true);
        loader.start();
        boolean interrupted = false;
        while (loader.isAlive()) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                interrupted = true; // kept for the training loop, which checks before its first step
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        tablesawLoaded = true;
    }

    private TrainingInterruptedException interrupted(int epoch, int batchesDone, int batches, Table completedEpochs) {
        String where = batchesDone == 0 ? "before epoch " + epoch
                : "in epoch " + epoch + " after " + batchesDone + " of its " + batches + " batches";
        int completed = epoch - 1;
        String message = "training interrupted " + where + " of " + epochs + ": the network keeps the weights of its"
                + " last step, and the exception's history() holds the " + completed + " completed epoch"
                + (completed == 1 ? "" : "s");
        return new TrainingInterruptedException(message, new History(completedEpochs, true, epoch));
    }

    private static void checkTargets(String name, Matrix inputs, Matrix targets, LayerStack network) {
        if (targets == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (targets.rows() != inputs.rows() || targets.cols() != network.outputs()) {
            throw new IllegalArgumentException(name + " must be " + inputs.rows() + "x" + network.outputs()
                    + " (one row per input, one column per network output), got " + targets.shape());
        }
        targets.requireFinite(name);
    }

    private static Table toTable(double[][] columns, String[] metricNames, int rows) {
        int[] epochNumbers = new int[rows];
        for (int i = 0; i < rows; i++) {
            epochNumbers[i] = i + 1;
        }
        List<tech.tablesaw.columns.Column<?>> filled = new ArrayList<>();
        filled.add(IntColumn.create("epoch", epochNumbers));
        String[] names = {"loss", "reconstruction", "penalty", "validation", "seconds"};
        for (int k = 0; k < columns.length; k++) {
            String name = k < names.length ? names[k] : metricNames[k - names.length];
            filled.add(DoubleColumn.create(name, java.util.Arrays.copyOf(columns[k], rows)));
        }
        return Table.create("history", filled);
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
