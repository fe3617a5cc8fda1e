package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A thread that runs {@code loopBody} again and again, pausing {@code sleep} milliseconds after each run,
 * until {@link #shutdown()} or an interrupt.
 *
 * <p>Stands in for rapaio-jupyter-kernel's class of the same name (same constructor and methods). The
 * loop is marked running before the thread starts, so a new thread can never find it stopped and end
 * at once, which left a kernel with no shell, control or heartbeat loop. An exception thrown by one run
 * of the body is logged and the loop goes on: a loop that ends leaves its channel deaf.
 */
public final class LoopThread extends Thread {

    private static final Logger LOGGER = Logger.getLogger(LoopThread.class.getSimpleName());

    private final long sleep;
    private final Runnable loopBody;
    private volatile boolean running;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    @Override
    public void run() {
        while (running) {
            try {
                loopBody.run();
            } catch (RuntimeException e) {
                LOGGER.log(Level.SEVERE, getName() + ": " + e, e);
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException stop) {
                running = false;
            }
        }
    }

    /** Ends the loop after the body's current run. */
    public void shutdown() {
        running = false;
    }
}
