package org.aelab.train;

/**
 * Thrown by {@link Trainer#fit} when the training thread is interrupted (in a notebook: Kernel →
 * Interrupt). The trainer checks for an interrupt before every step, so the network keeps the
 * weights of the last completed step, and {@link #history()} holds the completed epochs.
 *
 * <p>Training stops by throwing rather than by returning, so that a cell that trains several models in
 * turn stops as a whole, and the kernel treats the cell as failed and skips the cells queued after it,
 * as Python kernels do on an interrupt. Like an {@link InterruptedException}, it consumes the thread's
 * interrupt status.
 */
public final class TrainingInterruptedException extends RuntimeException {
    private final transient History history;

    /** For training loops outside {@link Trainer}: {@code history} holds the epochs completed before the interrupt. */
    public TrainingInterruptedException(String message, History history) {
        super(message);
        this.history = history;
    }

    /** The epochs completed before the interrupt; {@link History#interruptedAt()} is the epoch it stopped in. */
    public History history() {
        return history;
    }
}
