package org.aelab.memory;

import static org.aelab.memory.WillshawMemoryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RandomPatternsTest {

    @Test
    void everyPatternHasExactlyMOnes() {
        for (int ones : new int[] {1, 10, 1000, 2000}) {
            for (BinaryPattern p : new RandomPatterns(2000, ones, 7).generate(50)) {
                assertEquals(2000, p.length());
                assertEquals(ones, p.onesCount());
            }
        }
    }

    @Test
    void sameSeedSamePatterns() {
        RandomPatterns patterns = new RandomPatterns(300, 5, 42);
        assertEquals(patterns.generate(20), patterns.generate(20));
        assertEquals(patterns.generate(20).subList(0, 5), patterns.generate(5), "a prefix of the same stream");
        assertNotEquals(patterns.generate(20), patterns.withSeed(43).generate(20));
    }

    @Test
    void onesAreSpreadEvenlyOverPositions() {
        // 20 000 patterns × 2 ones over 40 positions: 1 000 per position expected, sd ≈ 31
        int[] counts = new int[40];
        for (BinaryPattern p : new RandomPatterns(40, 2, 3).generate(20_000)) {
            for (int j : p.onesIndices()) {
                counts[j]++;
            }
        }
        for (int j = 0; j < 40; j++) {
            assertTrue(Math.abs(counts[j] - 1000) < 150, "position " + j + " got " + counts[j] + " ones");
        }
    }

    @Test
    void printsItsConfiguration() {
        assertEquals("RandomPatterns(n=2000, M=10, seed=42)", new RandomPatterns(2000, 10, 42).toString());
        assertEquals(List.of(), new RandomPatterns(2000, 10, 42).generate(0));
    }

    @Test
    void rejectsBadConfiguration() {
        assertMessage("pattern length n must be positive, got 0", () -> new RandomPatterns(0, 1, 0));
        assertMessage("ones per pattern M must be in [1, n] = [1, 10], got 11", () -> new RandomPatterns(10, 11, 0));
        assertMessage("ones per pattern M must be in [1, n] = [1, 10], got 0", () -> new RandomPatterns(10, 0, 0));
        assertMessage("pattern count must be non-negative, got -1", () -> new RandomPatterns(10, 2, 0).generate(-1));
    }
}
