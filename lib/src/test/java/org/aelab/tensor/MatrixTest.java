package org.aelab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MatrixTest {

    private static final Matrix A = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
    private static final Matrix B = Matrix.of(new float[][] {{0.5f, -2, 1}, {4, 0, 8}});

    @Test
    void stackRowsPutsTheBlocksOneAfterAnother() {
        Matrix top = Matrix.of(new float[][] {{7, 8, 9}});
        Matrix stacked = Matrix.stackRows(A, top, B);
        assertEquals("5x3", stacked.shape());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 0.5f, -2, 1, 4, 0, 8}, stacked.data());
        stacked.set(0, 0, 100);
        assertEquals(1f, A.get(0, 0), "the stack is a copy");
    }

    @Test
    void stackRowsOfAPrefixViewTakesOnlyItsRows() {
        Matrix stacked = Matrix.stackRows(A.topRows(1), A.topRows(1));
        assertArrayEquals(new float[] {1, 2, 3, 1, 2, 3}, stacked.data());
    }

    @Test
    void stackRowsRefusesMismatchedColumnsAndNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Matrix.stackRows(A, Matrix.zeros(2, 4)));
        assertEquals("stackRows block 1 is 2x4, expected 3 columns like block 0", e.getMessage());
        assertEquals("stackRows needs at least one matrix, got none",
                assertThrows(IllegalArgumentException.class, Matrix::stackRows).getMessage());
        assertEquals("stackRows block 1 is null",
                assertThrows(IllegalArgumentException.class, () -> Matrix.stackRows(A, null)).getMessage());
    }

    @Test
    void plusMinusAndTimesReturnNewMatricesWithHandWorkedValues() {
        assertArrayEquals(new float[] {1.5f, 0, 4, 8, 5, 14}, A.plus(B).data());
        assertArrayEquals(new float[] {0.5f, 4, 2, 0, 5, -2}, A.minus(B).data());
        assertArrayEquals(new float[] {-0.5f, -1, -1.5f, -2, -2.5f, -3}, A.times(-0.5).data());
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, A.data(), "the operands are unchanged");
        assertArrayEquals(new float[] {0.5f, -2, 1, 4, 0, 8}, B.data());
    }

    @Test
    void elementwiseOperationsRefuseOtherShapesAndNonFiniteFactors() {
        Matrix wrong = Matrix.zeros(3, 2);
        assertEquals("other must be 2x3, got 3x2", assertThrows(IllegalArgumentException.class, () -> A.plus(wrong)).getMessage());
        assertEquals("other must be 2x3, got 3x2", assertThrows(IllegalArgumentException.class, () -> A.minus(wrong)).getMessage());
        assertEquals("other must be 2x3, got 3x2", assertThrows(IllegalArgumentException.class, () -> A.differsFrom(wrong)).getMessage());
        assertEquals("factor must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> A.times(Double.NaN)).getMessage());
    }

    @Test
    void sumCountAboveAndDiffersFrom() {
        assertEquals(21.0, A.sum());
        assertEquals(3, A.countAbove(3));
        assertEquals(6, A.countAbove(0.5));
        assertEquals(2, A.countBelow(3));
        assertEquals(1, B.countBelow(0));
        Matrix changed = A.differsFrom(Matrix.of(new float[][] {{1, 0, 3}, {4, 5, 0}}));
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 1}, changed.data());
    }

    @Test
    void meanSquaredErrorByHand() {
        // differences 0.5, 4, 2, 0, 5, -2: squares 0.25 + 16 + 4 + 0 + 25 + 4 = 49.25 over 6 values
        assertEquals(49.25 / 6, Matrix.meanSquaredError(A, B), 1e-12);
        assertEquals(49.25 / 6, Matrix.meanSquaredError(B, A), 1e-12);
        assertEquals(0.0, Matrix.meanSquaredError(A, A.copy()));
    }

    @Test
    void meanSquaredErrorOverAMaskCountsOnlyTheSelectedValues() {
        Matrix mask = Matrix.of(new float[][] {{0, 1, 0}, {0, 1, 1}});   // differences 4, 5, −2
        assertEquals((16 + 25 + 4) / 3.0, Matrix.meanSquaredError(A, B, mask), 1e-12);
        assertTrue(Double.isNaN(Matrix.meanSquaredError(A, B, Matrix.zeros(2, 3))), "an empty mask has no mean");
    }

    @Test
    void meanSquaredErrorRefusesOtherShapes() {
        assertEquals("b must be 2x3, got 1x3", assertThrows(IllegalArgumentException.class,
                () -> Matrix.meanSquaredError(A, A.topRows(1))).getMessage());
        assertEquals("mask must be 2x3, got 2x2", assertThrows(IllegalArgumentException.class,
                () -> Matrix.meanSquaredError(A, B, Matrix.zeros(2, 2))).getMessage());
    }
}
