package org.aelab.train;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.aelab.nn.Parameter;
import org.aelab.nn.Corruption;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Objective;
import org.aelab.nn.Workspace;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;

/**
 * One call of {@link Trainer#fit}: the state of a training run (batches, optimizer state, random stream, what
 * was measured) and its epoch loop, in named steps. Made fresh for every fit.
 */
final class TrainingRun {
    private final Trainer trainer;
    private final LayerStack layers;
    private final Objective objective;
    private final Corruption corruption;
    private final Matrix validationInputs;
    private final Matrix validationTargets;
    private final Batches batches;
    private final Optimizer.Step optimizerStep;
    private Rng rng;
    private final EpochLog log;
    private final Divergence divergence;
    private final EarlyStopping earlyStopping;
    private final List<DoubleSupplier> metrics;
    private final int rows;
    private final double lossScale;
    private final Checkpoints checkpoints;
    private long startNanos;
    /** Epochs restored from a checkpoint (0 for a fresh run). */
    private int resumedAfter;
    /** True when the restored run had already stopped early. */
    private boolean stoppedBefore;
    /** Σ of the loss's terms over the epoch's batches so far (scaled by the reduction once per epoch). */
    private double epochLossSum;
    /** Σ over the epoch's batches so far of penalty × batch rows (averaged over the rows once per epoch). */
    private double epochPenaltySum;

    /** Checks the arguments of {@link Trainer#fit} (a clear message for each bad one) and sets the run up. */
    TrainingRun(Trainer trainer, Trainable model, Matrix inputs, Matrix targets, Matrix validationInputs,
                Matrix validationTargets) {
        checkData(model, inputs, targets, validationInputs, validationTargets);
        this.trainer = trainer;
        this.layers = model.layers();
        this.objective = model.objective();
        this.corruption = model.corruption();
        this.validationInputs = validationInputs;
        this.validationTargets = validationTargets;
        this.batches = new Batches(layers, inputs, targets, trainer.batchSize());
        this.optimizerStep = trainer.optimizer().start(layers.trainableParameters());
        this.rng = new Rng(trainer.seed()).split();
        this.metrics = List.copyOf(trainer.metrics().values());
        this.log = new EpochLog(model.lossColumn(), List.copyOf(trainer.metrics().keySet()), trainer.epochs());
        this.divergence = new Divergence(layers.trainableParameters(), trainer.optimizer());
        this.earlyStopping = new EarlyStopping(trainer.patience(), trainer.minImprovement());
        this.rows = inputs.rows();
        this.lossScale = objective.loss().reduction().scale(rows, layers.outputs());
        this.checkpoints = Checkpoints.of(trainer, model, inputs, targets, validationInputs, validationTargets);
    }

    private static void checkData(Trainable model, Matrix inputs, Matrix targets, Matrix validationInputs,
                                  Matrix validationTargets) {
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

    /** Trains epoch after epoch until the last one or until early stopping says stop. */
    History run() {
        EpochLog.loadTablesaw();
        resumeFromCheckpoint();
        List<TrainingListener> listeners = trainer.listeners();
        listeners.forEach(l -> l.started(trainer.epochs()));
        startNanos = System.nanoTime();
        List<Parameter> descendingInBackward = descentDuringBackward();
        try {
            boolean stop = stoppedBefore;
            for (int epoch = log.epochs() + 1; epoch <= trainer.epochs() && !stop; epoch++) {
                stop = runEpoch(epoch);
                if (checkpoints != null && checkpoints.due(epoch, trainer.epochs(), stop)) {
                    checkpoints.save(snapshot());
                }
            }
        } finally {
            descendingInBackward.forEach(p -> p.descendDuringBackward(0f));
            listeners.forEach(TrainingListener::finished);
        }
        return new History(log.table(), log.epochs() < trainer.epochs(), 0, resumedAfter);
    }

    /**
     * Under plain SGD without weight decay, the weights that one dense layer alone computes the gradient of take
     * their step inside backward's matrix product ({@link Parameter#descendDuringBackward}): the same update, two
     * passes over them fewer per step. Returns the parameters switched, to be switched back when the run ends.
     */
    private List<Parameter> descentDuringBackward() {
        if (!(trainer.optimizer() instanceof Sgd sgd) || objective.weightDecay() > 0) {
            return List.of();
        }
        List<Parameter> candidates = layers.descentDuringBackwardCandidates();
        candidates.forEach(p -> p.descendDuringBackward((float) sgd.learningRate()));
        return candidates;
    }

    /** One epoch: train on every batch, check for divergence, validate, record, tell the listeners; true to stop early. */
    private boolean runEpoch(int epoch) {
        long epochStart = System.nanoTime();
        trainOnEveryBatch(epoch);
        double reconstruction = lossScale * epochLossSum;
        double penalty = epochPenaltySum / rows;
        double total = reconstruction + penalty;
        divergence.check(epoch, total);
        double seconds = (System.nanoTime() - epochStart) / 1e9;
        double validation = validationLoss();
        EpochStats stats = new EpochStats(epoch, trainer.epochs(), total, reconstruction, penalty, validation, seconds,
                (System.nanoTime() - startNanos) / 1e9);
        log.add(stats, measureMetrics());
        for (TrainingListener listener : trainer.listeners()) {
            listener.epochEnded(stats);
        }
        return earlyStopping.shouldStop(validationInputs == null ? total : validation);
    }

    private void trainOnEveryBatch(int epoch) {
        if (trainer.shuffles() && !batches.isWholeDataSet()) {
            batches.shuffle(rng);
        }
        epochLossSum = 0;
        epochPenaltySum = 0;
        for (int b = 0; b < batches.count(); b++) {
            stopIfInterrupted(epoch, b);
            batches.select(b);
            step(batches.workspace(), batches.inputs(), batches.targets());
        }
    }

    /** One training step: corrupt → forward → objective value → objective delta → backward → optimiser step. */
    private void step(Workspace ws, Matrix inputs, Matrix targets) {
        corrupt(inputs, ws.input());
        layers.forward(ws);
        epochLossSum += objective.lossSum(ws, targets);
        epochPenaltySum += objective.penalty(ws) * ws.rows();
        objective.delta(ws, targets);
        layers.backward(ws);
        optimizerStep.step();
    }

    /** The network's input for the batch: the clean inputs through the corruption, if any. */
    private void corrupt(Matrix clean, Matrix networkInput) {
        if (corruption != null) {
            corruption.corrupt(clean, networkInput, rng);
        } else {
            networkInput.copyFrom(clean);
        }
    }

    /** The loss on the validation set (no corruption, no penalty), or NaN without one. */
    private double validationLoss() {
        return validationInputs == null ? Double.NaN : objective.evaluateLoss(layers, validationInputs, validationTargets);
    }

    private double[] measureMetrics() {
        double[] values = new double[metrics.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = metrics.get(k).getAsDouble();
        }
        return values;
    }

    /** Throws {@link TrainingInterruptedException} when the thread was interrupted (Kernel → Interrupt). */
    private void stopIfInterrupted(int epoch, int batchesDone) {
        if (!Thread.interrupted()) {
            return;
        }
        String where = batchesDone == 0 ? "before epoch " + epoch
                : "in epoch " + epoch + " after " + batchesDone + " of its " + batches.count() + " batches";
        int completed = epoch - 1;
        String message = "training interrupted " + where + " of " + trainer.epochs() + ": the network keeps the weights of"
                + " its last step, and the exception's history() holds the " + completed + " completed epoch"
                + (completed == 1 ? "" : "s");
        throw new TrainingInterruptedException(message, new History(log.table(), true, epoch, resumedAfter));
    }

    /** The run's state after its last completed epoch, for a checkpoint (arrays live, not copied). */
    private Checkpoint snapshot() {
        List<Parameter> parameters = layers.parameters();
        float[][] values = new float[parameters.size()][];
        for (int k = 0; k < values.length; k++) {
            values[k] = parameters.get(k).value().data();
        }
        double[][] columns = new double[log.names().size()][];
        for (int k = 0; k < columns.length; k++) {
            columns[k] = log.column(k);
        }
        OptimizerState state = optimizerStep.state();
        return new Checkpoint(checkpoints.recipe().lines(), log.epochs(), values, state.steps(), state.buffers(),
                rng.state(), batches.order(), log.names(), columns);
    }

    /**
     * When the trainer's checkpoint file exists, continues the run it holds: weights, optimizer state, random
     * stream, row order and history (checked against this run first, see {@link Checkpoints#load}).
     */
    private void resumeFromCheckpoint() {
        if (checkpoints == null) {
            return;
        }
        List<Parameter> parameters = layers.parameters();
        Checkpoint checkpoint = checkpoints.load(trainer.epochs(), parameters, optimizerStep.state().buffers(),
                log.names(), rows);
        if (checkpoint == null) {
            return;
        }
        for (int k = 0; k < parameters.size(); k++) {
            float[] target = parameters.get(k).value().data();
            System.arraycopy(checkpoint.parameters[k], 0, target, 0, target.length);
        }
        optimizerStep.state().restore(checkpoint.optimizerSteps, checkpoint.optimizerBuffers);
        rng = Rng.fromState(checkpoint.rngState);
        System.arraycopy(checkpoint.order, 0, batches.order(), 0, checkpoint.order.length);
        log.restore(checkpoint.columns);
        double[] losses = log.column(0);
        double[] monitored = log.column(validationInputs == null ? 0 : 3);
        for (int i = 0; i < losses.length; i++) {
            divergence.remember(losses[i]);
            stoppedBefore = earlyStopping.shouldStop(monitored[i]);
        }
        resumedAfter = checkpoint.epoch;
    }
}
