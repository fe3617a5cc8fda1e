package org.aelab.nn;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Rng;

/**
 * Two lanes of work for the image layers: a task is called with lane 0 on the calling thread and lane 1 on one
 * shared daemon thread, at the same time when the machine has two cores or more and the BLAS runs no threads of
 * its own ({@link #runInParallel}), one after the other otherwise. Large element-wise passes (the sigmoid and ReLU
 * and their derivatives, the BCE sum, the masking noise) and the pooling and up-sampling of a batch, all of which
 * run between BLAS calls, use the same two lanes in halves ({@link #inHalves}, {@link #sumInHalves},
 * {@link #rowsInHalves}) whenever the machine has two cores. Each lane owns its buffers and gradient partials, and the caller adds the partials in lane order, so results do
 * not depend on how many cores ran the lanes. Hand-over is by volatile fields and park/unpark: nothing is
 * allocated per call.
 */
final class Lanes {
    /** Lanes per task; fixed, so that a sum over lanes is the same on every machine. */
    static final int COUNT = 2;

    private static final boolean PARALLEL = runInParallel(Runtime.getRuntime().availableProcessors(),
            Gemm.standard().name(), System.getenv());
    /**
     * Element-wise passes ({@link #inHalves}) run between BLAS calls, never beside one, so they use both cores
     * whatever the BLAS's threads.
     */
    private static final boolean HALVES_PARALLEL = Runtime.getRuntime().availableProcessors() >= 2;
    /** Arrays of at least this many elements are done in two halves; below it one pass costs less than a hand-over. */
    static final int HALVES_FROM = 1 << 14;
    private static final Halves HALVES = new Halves();
    private static volatile Worker worker;

    private Lanes() {
    }

    /**
     * Whether the two lanes should run at the same time: with two cores or more, unless the GEMM is a native BLAS
     * (JNI) that runs threads of its own. OpenBLAS does unless OPENBLAS_NUM_THREADS (else GOTO_NUM_THREADS, else
     * OMP_NUM_THREADS) is 1; its threads and the lanes' then compete for the cores: one MNIST epoch of
     * ConvAutoencoder.kerasDenoiser took 58 s with both lanes at once and 28 s with one after the other (2 cores,
     * OpenBLAS 0.3.21; with OPENBLAS_NUM_THREADS=1 and both lanes at once, 19 s).
     */
    static boolean runInParallel(int cores, String gemmName, Map<String, String> environment) {
        if (cores < 2) {
            return false;
        }
        if (!gemmName.contains("JNI")) {
            return true;
        }
        for (String variable : new String[] {"OPENBLAS_NUM_THREADS", "GOTO_NUM_THREADS", "OMP_NUM_THREADS"}) {
            String value = environment.get(variable);
            if (value != null && !value.isBlank()) {
                return value.strip().equals("1");
            }
        }
        return false;
    }

    /** An in-place element-wise pass over elements [from, to) of an array; it captures nothing, so passing it allocates nothing. */
    @FunctionalInterface
    interface Pass {
        void over(float[] z, int from, int to);
    }

    /**
     * Applies {@code pass} to elements [0, n) of {@code z}: from {@link #HALVES_FROM} elements on, as two halves in
     * the two lanes at once. Each element is computed alone, so the result is the same however the work is cut.
     */
    static void inHalves(float[] z, int n, Pass pass) {
        if (n < HALVES_FROM || !handOver()) {
            pass.over(z, 0, n);
            return;
        }
        synchronized (Lanes.class) {
            HALVES.pass = pass;
            HALVES.a = z;
            runHalves(n);
        }
    }

    /**
     * A pass over elements [from, to) that reads {@code in}, writes {@code out}, and takes element i's uniform draw
     * from {@code rng.floatAt(position, i)} with a parameter p; it captures nothing, so passing it allocates nothing.
     */
    @FunctionalInterface
    interface RandomPass {
        void over(float[] in, float[] out, int from, int to, Rng rng, long position, float p);
    }

    /**
     * Applies {@code pass} to elements [0, n) with the next n draws of {@code rng}, which it reserves: from
     * {@link #HALVES_FROM} elements on as two halves in the two lanes at once. Element i always gets the draw
     * i calls of {@link Rng#nextFloat()} would have, so the result is the same however the work is cut.
     */
    static void inHalves(float[] in, float[] out, int n, Rng rng, float p, RandomPass pass) {
        long position = rng.reserve(n);
        if (n < HALVES_FROM || !handOver()) {
            pass.over(in, out, 0, n, rng, position, p);
            return;
        }
        synchronized (Lanes.class) {
            HALVES.randomPass = pass;
            HALVES.a = in;
            HALVES.b = out;
            HALVES.rng = rng;
            HALVES.position = position;
            HALVES.p = p;
            runHalves(n);
        }
    }

    /** An in-place pass over elements [from, to) of {@code b} that reads {@code a} too; it captures nothing. */
    @FunctionalInterface
    interface PairPass {
        void over(float[] a, float[] b, int from, int to);
    }

    /** As {@link #inHalves(float[], int, Pass)}, for a pass over two arrays (a backpropagation through g'). */
    static void inHalves(float[] a, float[] b, int n, PairPass pass) {
        if (n < HALVES_FROM || !handOver()) {
            pass.over(a, b, 0, n);
            return;
        }
        synchronized (Lanes.class) {
            HALVES.pairPass = pass;
            HALVES.a = a;
            HALVES.b = b;
            runHalves(n);
        }
    }

    /** Work on rows (images) [from, to) of a batch, by an object that holds its own arguments: passing it allocates nothing. */
    @FunctionalInterface
    interface Rows {
        void over(int from, int to);
    }

    /**
     * Runs {@code task} over rows [0, rows): from {@link #HALVES_FROM} values on (rows × valuesPerRow), as the first
     * and the second half of the rows in the two lanes at once. For work in which each row is computed alone (pooling,
     * up-sampling), so the result is the same however the rows are cut.
     */
    static void rowsInHalves(int rows, int valuesPerRow, Rows task) {
        if ((long) rows * valuesPerRow < HALVES_FROM || rows < 2 || !handOver()) {
            task.over(0, rows);
            return;
        }
        synchronized (Lanes.class) {
            HALVES.rows = task;
            runHalves(rows);
        }
    }

    /** A sum over elements [from, to) of two arrays; it captures nothing, so passing it allocates nothing. */
    @FunctionalInterface
    interface Sum {
        double over(float[] a, float[] b, int from, int to);
    }

    /**
     * The sum of {@code sum} over [0, n): from {@link #HALVES_FROM} elements on always as the first half's partial
     * plus the second's, whether the halves ran at once or one after the other, so the value depends on n alone.
     */
    static double sumInHalves(float[] a, float[] b, int n, Sum sum) {
        if (n < HALVES_FROM) {
            return sum.over(a, b, 0, n);
        }
        if (!handOver()) {
            double first = sum.over(a, b, 0, n / 2);
            return first + sum.over(a, b, n / 2, n);
        }
        synchronized (Lanes.class) {
            HALVES.sum = sum;
            HALVES.a = a;
            HALVES.b = b;
            return runHalves(n);
        }
    }

    /**
     * Runs the pass the caller has put into {@link #HALVES} (holding the lock) over [0, n) in the two lanes at once,
     * then empties it; returns the first half's partial plus the second's (0 for a pass that sums nothing).
     */
    private static double runHalves(int n) {
        HALVES.n = n;
        try {
            run(HALVES, true);
            return HALVES.partial[0] + HALVES.partial[1];
        } finally {
            HALVES.clear();
        }
    }

    /** Whether a pass can go to the two lanes at once: two cores, and not from inside a lane task (whose other lane is busy). */
    private static boolean handOver() {
        Worker w = worker;
        return HALVES_PARALLEL && !Thread.holdsLock(Lanes.class) && (w == null || Thread.currentThread() != w.thread);
    }

    /**
     * The task {@link #inHalves}, {@link #rowsInHalves} and {@link #sumInHalves} hand to the lanes, holding one pass
     * and its arguments: lane 0 takes the first half, lane 1 the second.
     */
    private static final class Halves implements IntConsumer {
        private final double[] partial = new double[COUNT];
        private Pass pass;
        private Sum sum;
        private float[] a;
        private float[] b;
        private int n;
        private RandomPass randomPass;
        private PairPass pairPass;
        private Rows rows;
        private Rng rng;
        private long position;
        private float p;

        void clear() {
            pass = null;
            sum = null;
            randomPass = null;
            pairPass = null;
            rows = null;
            a = null;
            b = null;
            rng = null;
            n = 0;
            position = 0;
            p = 0f;
            partial[0] = 0;
            partial[1] = 0;
        }

        @Override
        public void accept(int lane) {
            int from = lane == 0 ? 0 : n / 2;
            int to = lane == 0 ? n / 2 : n;
            if (randomPass != null) {
                randomPass.over(a, b, from, to, rng, position, p);
            } else if (pairPass != null) {
                pairPass.over(a, b, from, to);
            } else if (rows != null) {
                rows.over(from, to);
            } else if (pass != null) {
                pass.over(a, from, to);
            } else {
                partial[lane] = sum.over(a, b, from, to);
            }
        }
    }

    /** Runs {@code task} for lane 0 and lane 1 and returns when both are done; rethrows what either threw. */
    static void run(IntConsumer task) {
        run(task, PARALLEL);
    }

    private static void run(IntConsumer task, boolean parallel) {
        if (!parallel) {
            task.accept(0);
            task.accept(1);
            return;
        }
        synchronized (Lanes.class) { // one task at a time: the worker serves a single caller
            Worker w = worker();
            w.start(task, Thread.currentThread());
            Throwable mine = null;
            try {
                task.accept(0);
            } catch (RuntimeException | Error e) {
                mine = e;
            }
            Throwable theirs = w.await();
            if (mine != null) {
                throw rethrow(mine);
            }
            if (theirs != null) {
                throw rethrow(theirs);
            }
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof Error e) {
            throw e;
        }
        return (RuntimeException) t;
    }

    private static Worker worker() {
        Worker w = worker;
        if (w == null) {
            w = new Worker();
            Thread thread = new Thread(w, "aelab-lane-1");
            thread.setDaemon(true);
            w.thread = thread;
            thread.start();
            worker = w;
        }
        return w;
    }

    /** The thread of lane 1: waits for a task, runs it, signals the caller. */
    private static final class Worker implements Runnable {
        private volatile Thread thread;
        private volatile IntConsumer task;
        private volatile Thread caller;
        private volatile boolean done;
        private volatile Throwable failure;

        void start(IntConsumer newTask, Thread newCaller) {
            caller = newCaller;
            failure = null;
            done = false;
            task = newTask;
            LockSupport.unpark(thread);
        }

        Throwable await() {
            for (int spins = 0; !done; spins++) {
                if (spins < 1000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(this, 100_000);
                }
            }
            return failure;
        }

        @Override
        public void run() {
            while (true) {
                IntConsumer current = task;
                if (current == null) {
                    LockSupport.park(this);
                    continue;
                }
                try {
                    current.accept(1);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                task = null;
                done = true;
                LockSupport.unpark(caller);
            }
        }
    }
}
