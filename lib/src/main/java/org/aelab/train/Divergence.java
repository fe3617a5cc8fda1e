package org.aelab.train;

import java.util.List;
import org.aelab.nn.Parameter;

/**
 * Notices training that has diverged, for every loss: a loss that is NaN or infinite, a weight that has run
 * away, or a loss far above its best and above where it began (BCE clamps its outputs, so its loss stays
 * finite however far the weights run). Remembers the first and the lowest loss of the run.
 */
final class Divergence {
    /** A weight this large means the updates overshoot: networks trained on inputs of order 1 stay far below it. */
    static final double WEIGHT_LIMIT = 1e4;
    /** The loss has diverged when it is this many times its best so far and worse than at the first epoch. */
    static final double LOSS_RISE = 10;

    private final List<Parameter> trainable;
    private final Optimizer optimizer;
    private double first = Double.NaN;
    private double lowest = Double.POSITIVE_INFINITY;

    Divergence(List<Parameter> trainable, Optimizer optimizer) {
        this.trainable = trainable;
        this.optimizer = optimizer;
    }

    /**
     * Throws when the run has diverged at {@code epoch} with epoch loss {@code loss}, naming the epoch, the
     * optimizer and a smaller learning rate to try; otherwise remembers the loss.
     */
    void check(int epoch, double loss) {
        String reason = reason(loss, lowest, first, epoch, trainable);
        if (reason != null) {
            throw new IllegalStateException("training diverged at epoch " + epoch + ": " + reason
                    + " with " + optimizer + "; try a smaller learning rate than " + optimizer.learningRate());
        }
        remember(loss);
    }

    /** Takes {@code loss} as the next epoch's loss without checking it (the epochs of a resumed run). */
    void remember(double loss) {
        if (Double.isNaN(first)) {
            first = loss;
        }
        lowest = Math.min(lowest, loss);
    }

    /** Why training has diverged at {@code epoch}, or null. */
    static String reason(double loss, double best, double first, int epoch, List<Parameter> trainable) {
        if (!Double.isFinite(loss)) {
            return "the loss is " + loss;
        }
        double largest = 0;
        for (Parameter p : trainable) {
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
}
