package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

class BinaryAccuracyTest {
    // targets: two black pixels, one white, three grey (0.2, 0.5, 0.8)
    private static final Matrix TARGET = Matrix.of(new float[][] {{0f, 0f, 1f, 0.2f, 0.5f, 0.8f}});

    @Test
    void kerasCountsOnlyTargetsThatEqualTheThresholdedOutput() {
        // thresholded outputs: 0, 1, 1, 0, 0, 1 -> equal to the target at pixels 0 and 2 only; grey targets never match
        Matrix output = Matrix.of(new float[][] {{0.1f, 0.7f, 0.9f, 0.1f, 0.5f, 0.9f}});
        assertEquals(2.0 / 6, BinaryAccuracy.keras(output, TARGET), 1e-12);
    }

    @Test
    void thresholdedComparesTheSideOfOneHalfOfBoth() {
        // (y > 0.5) vs (t > 0.5): F/F, T/F, T/T, F/F, F/F (0.5 is not above), T/T -> 5 of 6
        Matrix output = Matrix.of(new float[][] {{0.1f, 0.7f, 0.9f, 0.1f, 0.5f, 0.9f}});
        assertEquals(5.0 / 6, BinaryAccuracy.thresholded(output, TARGET), 1e-12);
    }

    @Test
    void anAllBlackOutputScoresTheFractionOfZeroTargetsUnderKerasAndOfDarkTargetsThresholded() {
        Matrix black = Matrix.zeros(1, 6);
        assertEquals(2.0 / 6, BinaryAccuracy.keras(black, TARGET), 1e-12);
        assertEquals(4.0 / 6, BinaryAccuracy.thresholded(black, TARGET), 1e-12);
    }

    @Test
    void thePerfectOutputOfGreyTargetsIsPerfectOnlyThresholded() {
        assertEquals(1.0, BinaryAccuracy.thresholded(TARGET, TARGET), 1e-12);
        assertEquals(3.0 / 6, BinaryAccuracy.keras(TARGET, TARGET), 1e-12);   // 0, 0, 1 and 0.5 -> 0 ≠ 0.5; 0.2 -> 0 ≠ 0.2; 0.8 -> 1 ≠ 0.8
    }

    @Test
    void shapesMustMatch() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BinaryAccuracy.keras(Matrix.zeros(2, 3), Matrix.zeros(3, 2)));
        assertTrue(e.getMessage().contains("target"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BinaryAccuracy.thresholded(null, TARGET));
    }
}
