package org.rapaio.jupyter.kernel.core.java;

/**
 * Whether the cell being executed was asked to stop (the project's own class, shared by its replacements
 * for rapaio's shell and control channels and execution control).
 *
 * <p>An interrupt can arrive while the shell still compiles the cell, before any of its code runs on a
 * pool thread; it is remembered until the cell ends, and every snippet of the cell that starts later
 * starts interrupted. An interrupt while no cell runs is ignored. Interrupts are delivered only between
 * the output sends of the cell's thread ({@link #deliver}, {@link #withoutInterrupts}).
 */
public final class CellInterrupts {

    private static final Object DELIVERY = new Object();

    private static volatile boolean cellRunning;
    private static volatile boolean requested;

    private CellInterrupts() {
    }

    /** The shell starts executing a cell. */
    public static void cellStarted() {
        requested = false;
        cellRunning = true;
    }

    /** The shell has answered the cell. */
    public static void cellEnded() {
        cellRunning = false;
        requested = false;
    }

    /** Marks the running cell as interrupted; false when no cell runs. */
    public static boolean request() {
        if (!cellRunning) {
            return false;
        }
        requested = true;
        return true;
    }

    /** Runs {@code interrupt} (which interrupts threads) while no {@link #withoutInterrupts} action runs. */
    public static void deliver(Runnable interrupt) {
        synchronized (DELIVERY) {
            interrupt.run();
        }
    }

    /**
     * Runs {@code action} with the current thread's interrupt status cleared and no interrupt delivered
     * meanwhile, then restores the status.
     */
    public static void withoutInterrupts(Runnable action) {
        synchronized (DELIVERY) {
            boolean interrupted = Thread.interrupted();
            try {
                action.run();
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Whether the running cell was asked to stop. */
    public static boolean requested() {
        return requested;
    }
}
