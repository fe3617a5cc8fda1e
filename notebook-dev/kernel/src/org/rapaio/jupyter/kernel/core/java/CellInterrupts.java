package org.rapaio.jupyter.kernel.core.java;

/**
 * Whether the cell being executed was asked to stop (the project's own class, shared by its replacements
 * for rapaio's shell and control channels and execution control).
 *
 * <p>An interrupt can arrive while the shell still compiles the cell, before any of its code runs on a
 * pool thread; it is remembered until the cell ends, and every snippet of the cell that starts later
 * starts interrupted. An interrupt while no cell runs is ignored.
 */
public final class CellInterrupts {

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

    /** Whether the running cell was asked to stop. */
    public static boolean requested() {
        return requested;
    }
}
