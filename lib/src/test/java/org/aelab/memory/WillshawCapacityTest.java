package org.aelab.memory;

import static org.aelab.memory.WillshawMemoryTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WillshawCapacityTest {

    @Test
    void optimalOnesIsLog2OfQuarterN() {
        assertEquals(Math.log(500) / Math.log(2), WillshawCapacity.optimalOnes(2000), 1e-12); // 8.97
        // source 002: "in the vector of the dimension n=1000000 M=18" — log2(250 000) = 17.93
        assertEquals(18, Math.round(WillshawCapacity.optimalOnes(1_000_000)));
    }

    @Test
    void capacityIsLn2NSquaredOverMSquared() {
        assertEquals(Math.log(2) * 4e6 / 100, WillshawCapacity.capacity(2000, 10), 1e-9); // 27 725.9
    }

    @Test
    void expectedFillFollowsTheFormula() {
        assertEquals(0, WillshawCapacity.expectedFill(2000, 10, 0));
        assertEquals(1 - Math.pow(1 - 100 / 4e6, 20_000), WillshawCapacity.expectedFill(2000, 10, 20_000), 1e-12);
        assertEquals(1.0 / 16, WillshawCapacity.expectedFill(4, 1, 1), 1e-15);
        // at the capacity the matrix is half full
        long atCapacity = Math.round(WillshawCapacity.capacity(2000, 10));
        assertEquals(0.5, WillshawCapacity.expectedFill(2000, 10, atCapacity), 1e-4);
    }

    @Test
    void autoAssociationFillCountsPairsOfDistinctOnes() {
        assertEquals(0.3628, WillshawCapacity.expectedFillAuto(2000, 10, 20_000), 5e-5);
        // n = 2, M = 1, one pattern: only its diagonal weight is set, 1 of 4
        assertEquals(0.25, WillshawCapacity.expectedFillAuto(2, 1, 1), 1e-15);
        assertEquals(1, WillshawCapacity.expectedFillAuto(1, 1, 1), 1e-15);
    }

    @Test
    void expectedPerfectRecallFallsWithLoad() {
        assertEquals(1, WillshawCapacity.expectedPerfectRecall(2000, 10, 0));
        assertEquals(1, WillshawCapacity.expectedPerfectRecall(8, 8, 100));
        double fill = WillshawCapacity.expectedFill(2000, 10, 20_000);
        assertEquals(Math.pow(1 - Math.pow(fill, 10), 1990), WillshawCapacity.expectedPerfectRecall(2000, 10, 20_000), 1e-12);
    }

    @Test
    void rejectsBadArguments() {
        assertMessage("pattern length n must be greater than 4 for log2(n/4) to be positive, got 4",
                () -> WillshawCapacity.optimalOnes(4));
        assertMessage("pattern length n must be positive, got 0", () -> WillshawCapacity.capacity(0, 1));
        assertMessage("ones per pattern M must be in [1, n] = [1, 100], got 101", () -> WillshawCapacity.capacity(100, 101));
        assertMessage("ones per pattern M must be in [1, n] = [1, 100], got 0", () -> WillshawCapacity.expectedFill(100, 0, 5));
        assertMessage("stored pairs L must be non-negative, got -1", () -> WillshawCapacity.expectedFill(100, 5, -1));
    }
}
