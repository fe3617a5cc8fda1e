package org.rapaio.jupyter.kernel.core.java;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.SPIResolutionException;

/**
 * Runs each snippet of a cell in the kernel's own JVM, on a pool thread, and keeps its value for
 * {@link JavaEngine} under the id that JShell reports.
 *
 * <p>Stands in for rapaio-jupyter-kernel's class of the same name (same constructor, constants and
 * methods), with another meaning of interrupt. Rapaio cancelled the running task, so the cell was reported
 * interrupted while its code kept running on the pool thread, and then shut the pool down, so no later
 * cell could run. Here {@link #interrupt()} and {@link #stop()} (what JShell calls to stop the running
 * evaluation) interrupt the thread running the cell and let the code stop itself, and the cell ends when
 * that code returns or throws; {@link #close()} shuts the pool down when the kernel ends.
 */
public class RapaioExecutionControl extends DirectExecutionControl {

    public static final String TIMEOUT_MARKER = "## Timeout Marker ##";
    public static final String INTERRUPTED_MARKER = "## Interrupted Marker ##";
    private static final AtomicInteger ID = new AtomicInteger(0);

    private final ExecutorService executor;
    private final long timeoutTime;
    private final Set<Thread> runningThreads = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> results = new ConcurrentHashMap<>();

    public RapaioExecutionControl(long timeoutTime) {
        this.timeoutTime = timeoutTime;
        this.executor = Executors.newCachedThreadPool(r -> new Thread(r, "Engine-thread-" + ID.getAndIncrement()));
    }

    public long getTimeout() {
        return timeoutTime;
    }

    /** The value of the snippet that ran under {@code key}, removed from the store. */
    public Object takeResult(String key) {
        Object result = results.remove(key);
        if (result == null) {
            throw new IllegalStateException("No result with key: " + key);
        }
        return result;
    }

    @Override
    protected String invoke(Method methodCall) throws Exception {
        String id = UUID.randomUUID().toString();
        results.put(id, execute(methodCall));
        return id;
    }

    private Object execute(Method methodCall) throws Exception {
        Future<Object> task = executor.submit(() -> {
            Thread self = Thread.currentThread();
            runningThreads.add(self);
            if (CellInterrupts.requested()) {
                self.interrupt(); // the interrupt came while the cell was being compiled
            }
            try {
                return methodCall.invoke(null);
            } finally {
                runningThreads.remove(self);
            }
        });
        try {
            return timeoutTime > 0 ? task.get(timeoutTime, TimeUnit.MILLISECONDS) : task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof InvocationTargetException ? e.getCause().getCause() : e.getCause();
            if (cause == null) {
                throw new UserException("null", "Unknown Invocation Exception", e.getStackTrace());
            }
            if (cause instanceof SPIResolutionException unresolved) {
                throw new ResolutionException(unresolved.id(), cause.getStackTrace());
            }
            throw new UserException(cause.getMessage(), cause.getClass().getName(), cause.getStackTrace());
        } catch (TimeoutException e) {
            interrupt();
            throw new UserException("Execution timed out", TIMEOUT_MARKER, e.getStackTrace());
        } catch (CancellationException e) { // the pool was shut down: the kernel is closing
            throw new StoppedException();
        }
    }

    /** Interrupts the thread running the current cell, if any; the cell's code decides how to stop. */
    public void interrupt() {
        CellInterrupts.deliver(() -> runningThreads.forEach(Thread::interrupt));
    }

    @Override
    public void stop() {
        interrupt();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        super.close();
    }
}
