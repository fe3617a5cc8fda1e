package org.aelab.train;

/**
 * What one epoch of training measured. Losses are in the loss's own reduction (see {@code Loss});
 * {@code validationLoss} is {@code NaN} when no validation set was given. {@code seconds} is the time
 * of the epoch's training steps (without validation or metrics); {@code elapsedSeconds} is the
 * wall time since training started.
 */
public record EpochStats(int epoch, int totalEpochs, double loss, double reconstructionLoss, double penalty,
                         double validationLoss, double seconds, double elapsedSeconds) {

    /** Seconds still to go if the remaining epochs take as long as the ones so far. */
    public double secondsLeft() {
        return epoch == 0 ? Double.NaN : elapsedSeconds / epoch * (totalEpochs - epoch);
    }
}
