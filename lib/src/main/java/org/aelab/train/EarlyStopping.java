package org.aelab.train;

/**
 * Stops training when the monitored loss (validation if given, training otherwise) has not improved by more
 * than {@code minImprovement} for {@code patience} epochs in a row. Patience 0 never stops.
 */
final class EarlyStopping {
    private final int patience;
    private final double minImprovement;
    private double best = Double.POSITIVE_INFINITY;
    private int sinceBest;

    EarlyStopping(int patience, double minImprovement) {
        this.patience = patience;
        this.minImprovement = minImprovement;
    }

    /** Takes the epoch's monitored loss; true when training should stop after this epoch. */
    boolean shouldStop(double monitored) {
        if (patience == 0) {
            return false;
        }
        if (monitored < best - minImprovement) {
            best = monitored;
            sinceBest = 0;
            return false;
        }
        return ++sinceBest >= patience;
    }
}
