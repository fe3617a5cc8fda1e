package org.aelab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GemmTest {

    private static Matrix random(int rows, int cols, Rng rng) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = (float) rng.uniform(-1, 1);
        }
        return m;
    }

    /** C = alpha·op(A)·op(B) + beta·C computed in double with explicit indices. */
    private static double expected(boolean ta, boolean tb, float alpha, Matrix a, Matrix b, float beta, float c0, int i, int j) {
        int k = ta ? a.rows() : a.cols();
        double sum = 0;
        for (int p = 0; p < k; p++) {
            sum += (double) (ta ? a.get(p, i) : a.get(i, p)) * (tb ? b.get(j, p) : b.get(p, j));
        }
        return alpha * sum + beta * c0;
    }

    @Test
    void blasAndJavaAgreeWithTheDefinitionForEveryTransposeCombination() {
        Rng rng = new Rng(1);
        for (Gemm gemm : new Gemm[] {new BlasGemm(), Gemm.standard(), new SmallGemm(new BlasGemm())}) {
            for (int[] size : new int[][] {{2, 3, 4}, {37, 29, 53}}) {
                int m = size[0];
                int n = size[1];
                int k = size[2];
                for (boolean ta : new boolean[] {false, true}) {
                    for (boolean tb : new boolean[] {false, true}) {
                        Matrix a = ta ? random(k, m, rng) : random(m, k, rng);
                        Matrix b = tb ? random(n, k, rng) : random(k, n, rng);
                        Matrix c = random(m, n, rng);
                        Matrix c0 = c.copy();
                        gemm.gemm(ta, tb, 0.5f, a, b, 2f, c);
                        for (int i = 0; i < m; i++) {
                            for (int j = 0; j < n; j++) {
                                assertEquals(expected(ta, tb, 0.5f, a, b, 2f, c0.get(i, j), i, j), c.get(i, j), 1e-4,
                                        gemm.name() + " " + m + "x" + n + "x" + k + " ta=" + ta + " tb=" + tb + " at (" + i + ", " + j + ")");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void mismatchedShapesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.standard().multiply(Matrix.zeros(2, 3), Matrix.zeros(4, 5), Matrix.zeros(2, 5)));
        assertTrue(e.getMessage().contains("op(A) is 2x3, op(B) is 4x5"), e.getMessage());
    }

    @Test
    void matrixBasics() {
        Matrix m = Matrix.of(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertEquals("2x3", m.shape());
        assertEquals(6f, m.transposeCopy().get(2, 1));
        assertEquals(2, m.argmaxOfRow(1));
        assertEquals(3.5, m.mean(), 1e-9);
        assertEquals(2.5f, m.columnMeans().get(0, 0));
        Matrix rows = m.rowsCopy(new int[] {1, 0});
        assertEquals(4f, rows.get(0, 0));
        assertEquals(1, m.topRows(1).rows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matrix.of(new float[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("row 1 has 1 columns, expected 2"), e.getMessage());
    }
}
