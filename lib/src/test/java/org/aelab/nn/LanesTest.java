package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The two lanes the convolution splits its chunks over: each lane runs once, failures reach the caller, results repeat. */
class LanesTest {

    @Test
    void eachLaneRunsExactlyOnce() {
        AtomicIntegerArray calls = new AtomicIntegerArray(Lanes.COUNT);
        for (int round = 0; round < 200; round++) {
            Lanes.run(calls::incrementAndGet);
        }
        assertEquals(200, calls.get(0));
        assertEquals(200, calls.get(1));
    }

    @Test
    void aFailureInEitherLaneReachesTheCaller() {
        IllegalStateException second = assertThrows(IllegalStateException.class, () -> Lanes.run(lane -> {
            if (lane == 1) {
                throw new IllegalStateException("lane 1 failed");
            }
        }));
        assertEquals("lane 1 failed", second.getMessage());
        IllegalStateException first = assertThrows(IllegalStateException.class, () -> Lanes.run(lane -> {
            if (lane == 0) {
                throw new IllegalStateException("lane 0 failed");
            }
        }));
        assertEquals("lane 0 failed", first.getMessage());
        Lanes.run(lane -> { }); // and the lanes still work afterwards
    }

    /** Chunks of 3 images over 2 lanes (lane 0: images 0–2, 6–8; lane 1: 3–5, 9): the gradients repeat bit for bit. */
    @Test
    void aConvolutionOverBothLanesRepeatsBitForBit() {
        ImageShape in = new ImageShape(2, 6, 6);
        for (int filters : new int[] {3, 1}) {
            Conv2D c = new Conv2D(in, filters, 3, Padding.SAME, Activation.TANH, "c", 3);
            Rng rng = new Rng(9);
            Init.uniform(0.5).fill(c.weights().value(), rng);
            Matrix x = ConvolutionTest.random(10, in.size(), rng);
            Matrix delta = ConvolutionTest.random(10, c.outputShape().size(), rng);
            Layer.Scratch scratch = c.scratch(10);
            float[][] first = null;
            for (int round = 0; round < 5; round++) {
                Matrix out = Matrix.zeros(10, c.outputShape().size());
                Matrix dx = Matrix.zeros(10, in.size());
                c.weights().gradient().fill(0f);
                c.forward(x, out, scratch);
                c.backward(x, out, delta, dx, scratch);
                float[][] now = {out.data(), dx.data(), c.weights().gradient().data().clone()};
                if (first == null) {
                    first = now;
                } else {
                    for (int k = 0; k < now.length; k++) {
                        assertArrayEquals(first[k], now[k], "round " + round + ", result " + k + ", " + filters + " filters");
                    }
                }
            }
        }
    }

    /** The lanes run at once only where nothing else runs threads: a native BLAS does unless told to use one. */
    @Test
    void theLanesRunAtOnceOnlyBesideASingleThreadedOrJavaBlas() {
        assertFalse(Lanes.runInParallel(1, "netlib JavaBLAS", Map.of()), "one core");
        assertTrue(Lanes.runInParallel(2, "netlib JavaBLAS", Map.of()), "a pure-Java BLAS runs no threads");
        assertFalse(Lanes.runInParallel(2, "netlib JNIBLAS", Map.of()), "OpenBLAS's own threads by default");
        assertTrue(Lanes.runInParallel(2, "netlib JNIBLAS", Map.of("OPENBLAS_NUM_THREADS", "1")));
        assertFalse(Lanes.runInParallel(2, "netlib JNIBLAS", Map.of("OPENBLAS_NUM_THREADS", "2")));
        assertTrue(Lanes.runInParallel(2, "netlib JNIBLAS", Map.of("OMP_NUM_THREADS", " 1 ")));
        assertFalse(Lanes.runInParallel(2, "netlib JNIBLAS", Map.of("OPENBLAS_NUM_THREADS", "4", "OMP_NUM_THREADS", "1")),
                "OPENBLAS_NUM_THREADS comes first");
        assertTrue(Lanes.runInParallel(2, "netlib JNIBLAS", Map.of("OPENBLAS_NUM_THREADS", "", "GOTO_NUM_THREADS", "1")),
                "an empty variable is not set");
    }

    /**
     * A sigmoid done in halves over the lanes equals the element-by-element one bit for bit, below and above the
     * size where the halves start, for odd sizes, and when called from inside a lane task (which must not wait for
     * a hand-over to the lane it runs on).
     */
    @Test
    void elementWisePassesInHalvesEqualOnePass() {
        Rng rng = new Rng(3);
        for (int n : new int[] {1, Lanes.HALVES_FROM - 1, Lanes.HALVES_FROM, 3 * Lanes.HALVES_FROM + 7}) {
            float[] z = new float[n];
            for (int i = 0; i < n; i++) {
                z[i] = (float) rng.uniform(-30, 30);
            }
            float[] expected = new float[n];
            for (int i = 0; i < n; i++) {
                expected[i] = Activation.sigmoid(z[i]);
            }
            float[] halves = z.clone();
            Activation.SIGMOID.apply(Matrix.wrap(1, n, halves));
            assertArrayEquals(expected, halves, "n = " + n);
            float[][] inLanes = {z.clone(), z.clone()};
            Lanes.run(lane -> Activation.SIGMOID.apply(Matrix.wrap(1, n, inLanes[lane])));
            assertArrayEquals(expected, inLanes[0], "lane 0, n = " + n);
            assertArrayEquals(expected, inLanes[1], "lane 1, n = " + n);
        }
    }

    @Test
    void aScratchForNoImagesIsRefused() {
        Conv2D c = Conv2D.of(new ImageShape(1, 4, 4), 2, 3, Padding.SAME, Activation.RELU, "c");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.scratch(0));
        assertEquals("batch size must be positive, got 0", e.getMessage());
    }
}
