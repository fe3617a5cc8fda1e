package org.aelab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RngTest {

    /** Rng reproduces java.util.SplittableRandom draw for draw, so seeded results stay as they were. */
    @Test
    void drawsTheNumbersOfSplittableRandom() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE}) {
            Rng rng = new Rng(seed);
            SplittableRandom reference = new SplittableRandom(seed);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 2_000; i++) {
                    assertEquals((float) reference.nextDouble(), rng.nextFloat(), "nextFloat " + i);
                    assertEquals(reference.nextInt(1 + i), rng.nextInt(1 + i), "nextInt " + i);
                    assertEquals(reference.nextInt(64), rng.nextInt(64), "nextInt power of two");
                    assertEquals(reference.nextGaussian(), rng.gaussian(), "gaussian " + i);
                    assertEquals(reference.nextDouble(-0.5, 2.5), rng.uniform(-0.5, 2.5), "uniform " + i);
                }
                rng = rng.split();
                reference = reference.split();
            }
        }
    }

    /** Reserved draws, computed out of order by floatAt, are the nextFloat() values, and the stream goes on after them. */
    @Test
    void reservedDrawsAreTheNextFloatsInAnyOrder() {
        for (long seed : new long[] {0, 9, -3}) {
            Rng rng = new Rng(seed).split();
            SplittableRandom reference = new SplittableRandom(seed).split();
            reference.nextDouble();
            rng.nextFloat();
            int n = 1_000;
            long position = rng.reserve(n);
            float[] expected = new float[n];
            for (int i = 0; i < n; i++) {
                expected[i] = (float) reference.nextDouble();
            }
            for (int i = n - 1; i >= 0; i--) {
                assertEquals(expected[i], rng.floatAt(position, i), "draw " + i + " of seed " + seed);
            }
            assertEquals((float) reference.nextDouble(), rng.nextFloat(), "the draw after the reserved ones");
            assertEquals(reference.nextGaussian(), rng.gaussian());
        }
        assertEquals("number of draws to reserve must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new Rng(1).reserve(-1)).getMessage());
    }

    @Test
    void aRestoredStateContinuesTheSameStream() {
        Rng rng = new Rng(3).split();
        rng.gaussian();
        Rng restored = Rng.fromState(rng.state());
        int[] a = rng.permutation(100);
        int[] b = restored.permutation(100);
        assertArrayEquals(a, b);
        assertEquals(rng.gaussian(), restored.gaussian());
        assertThrows(IllegalArgumentException.class, () -> Rng.fromState(new long[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Rng.fromState(new long[] {1}));
    }
}
