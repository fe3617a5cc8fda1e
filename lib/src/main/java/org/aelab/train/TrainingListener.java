package org.aelab.train;

/** Hears about training as it goes: progress bars, live plots, logging. */
public interface TrainingListener {

    /** Called once before the first epoch. */
    default void started(int totalEpochs) {
    }

    /** Called after every epoch with what it measured. */
    void epochEnded(EpochStats stats);

    /** Called once after the last epoch, also when training stopped early or failed. */
    default void finished() {
    }
}
