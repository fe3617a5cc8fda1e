package org.aelab.memory;

import static org.aelab.memory.WillshawMemoryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinaryPatternTest {

    @Test
    void valuesAndOneIndicesDescribeTheSamePattern() {
        BinaryPattern fromValues = BinaryPattern.of(0, 1, 1, 0, 1);
        BinaryPattern fromOnes = BinaryPattern.ofOnes(5, 4, 1, 2);
        assertEquals(fromValues, fromOnes);
        assertEquals(fromValues.hashCode(), fromOnes.hashCode());
        assertArrayEquals(new int[] {1, 2, 4}, fromOnes.onesIndices());
        assertArrayEquals(new int[] {0, 1, 1, 0, 1}, fromOnes.toArray());
        assertEquals(3, fromOnes.onesCount());
        assertEquals(1, fromOnes.bit(4));
        assertEquals(0, fromOnes.bit(3));
    }

    @Test
    void worksAcrossWordBoundaries() {
        BinaryPattern p = BinaryPattern.ofOnes(200, 0, 63, 64, 127, 128, 199);
        assertArrayEquals(new int[] {0, 63, 64, 127, 128, 199}, p.onesIndices());
        assertEquals(1, p.bit(199));
        assertEquals("BinaryPattern[n=200, 6 ones at 0, 63, 64, 127, 128, 199]", p.toString());
    }

    @Test
    void hammingDistanceAndOverlap() {
        BinaryPattern a = BinaryPattern.of(1, 1, 0, 0, 1);
        BinaryPattern b = BinaryPattern.of(0, 1, 1, 0, 1);
        assertEquals(2, a.hammingDistance(b));
        assertEquals(2, a.overlap(b));
        assertEquals(0, a.hammingDistance(a));
    }

    @Test
    void shortPatternsPrintAsBits() {
        assertEquals("BinaryPattern[0110]", BinaryPattern.of(0, 1, 1, 0).toString());
    }

    @Test
    void removingOnesKeepsTheRestAndIsSeeded() {
        BinaryPattern p = new RandomPatterns(2000, 10, 1).generate(1).get(0);
        BinaryPattern q = p.withOnesRemoved(4, new SplittableRandom(9));
        assertEquals(6, q.onesCount());
        assertEquals(6, q.overlap(p), "only ones of the original remain");
        assertEquals(q, p.withOnesRemoved(4, new SplittableRandom(9)));
        assertEquals(10, p.onesCount(), "the original is unchanged");
    }

    @Test
    void addingOnesKeepsTheOriginalOnesAndIsSeeded() {
        BinaryPattern p = new RandomPatterns(2000, 10, 1).generate(1).get(0);
        BinaryPattern q = p.withOnesAdded(5, new SplittableRandom(9));
        assertEquals(15, q.onesCount());
        assertEquals(10, q.overlap(p));
        assertEquals(q, p.withOnesAdded(5, new SplittableRandom(9)));
        assertNotEquals(q, p.withOnesAdded(5, new SplittableRandom(10)));
        assertEquals(BinaryPattern.of(1, 1, 1), BinaryPattern.of(0, 1, 0).withOnesAdded(2, new SplittableRandom(0)));
    }

    @Test
    void corruptionSamplesEveryPosition() {
        BinaryPattern p = BinaryPattern.ofOnes(8, 0, 1, 2, 3);
        SplittableRandom rng = new SplittableRandom(4);
        int[] removedAt = new int[8];
        for (int trial = 0; trial < 4000; trial++) {
            int[] left = p.withOnesRemoved(1, rng).toArray();
            for (int j = 0; j < 4; j++) {
                removedAt[j] += 1 - left[j];
            }
        }
        for (int j = 0; j < 4; j++) {
            assertTrue(Math.abs(removedAt[j] - 1000) < 150, "position " + j + " removed " + removedAt[j] + " times");
        }
    }

    @Test
    void rejectsNonBinaryValues() {
        assertMessage("values[2] must be 0 or 1, got 2 (a binary pattern holds only zeros and ones)",
                () -> BinaryPattern.of(0, 1, 2));
        assertMessage("values[0] must be 0 or 1, got -1 (a binary pattern holds only zeros and ones)",
                () -> BinaryPattern.of(-1));
    }

    @Test
    void rejectsBadLengthsAndIndices() {
        assertMessage("pattern length n must be positive, got 0", () -> BinaryPattern.of());
        assertMessage("pattern length n must be positive, got -2", () -> BinaryPattern.ofOnes(-2));
        assertMessage("one index 5 is outside the pattern, expected 0 <= index < 5", () -> BinaryPattern.ofOnes(5, 5));
        assertMessage("one index 1 is given twice, expected distinct indices", () -> BinaryPattern.ofOnes(5, 1, 1));
        assertMessage("index -1 is outside the pattern, expected 0 <= index < 3", () -> BinaryPattern.of(1, 0, 1).bit(-1));
        assertMessage("other pattern has length 2, expected 3 like this one",
                () -> BinaryPattern.of(1, 0, 1).hammingDistance(BinaryPattern.of(1, 0)));
    }

    @Test
    void rejectsImpossibleCorruption() {
        BinaryPattern p = BinaryPattern.of(1, 1, 0, 0, 0);
        SplittableRandom rng = new SplittableRandom(0);
        assertMessage("ones to remove must be in [0, 2] for a pattern with 2 ones, got 3", () -> p.withOnesRemoved(3, rng));
        assertMessage("ones to remove must be in [0, 2] for a pattern with 2 ones, got -1", () -> p.withOnesRemoved(-1, rng));
        assertMessage("ones to add must be in [0, 3] for a pattern with 3 zeros, got 4", () -> p.withOnesAdded(4, rng));
    }
}
