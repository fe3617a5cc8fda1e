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
