package org.aelab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void twoByTwoByHand() {
        // [[2, 1], [1, 2]]: λ = 3 along (1, 1)/√2 and λ = 1 along (1, −1)/√2.
        SymmetricEigen e = SymmetricEigen.of(Matrix.of(new double[][] {{2, 1}, {1, 2}}));
        assertEquals(3, e.values()[0], 1e-12);
        assertEquals(1, e.values()[1], 1e-12);
        double s = Math.sqrt(0.5);
        assertEquals(s, Math.abs(e.vectors().get(0, 0)), 1e-6);
        assertEquals(e.vectors().get(0, 0), e.vectors().get(1, 0), 1e-6);
        assertEquals(s, Math.abs(e.vectors().get(0, 1)), 1e-6);
        assertEquals(-e.vectors().get(0, 1), e.vectors().get(1, 1), 1e-6);
    }

    @Test
    void tridiagonalToeplitzHasItsClosedFormEigenvalues() {
        // a on the diagonal, b beside it: λ_k = a + 2b·cos(kπ/(n+1)), here 4 + √2, 4, 4 − √2.
        SymmetricEigen e = SymmetricEigen.of(Matrix.of(new double[][] {{4, 1, 0}, {1, 4, 1}, {0, 1, 4}}));
        assertEquals(4 + Math.sqrt(2), e.values()[0], 1e-12);
        assertEquals(4, e.values()[1], 1e-12);
        assertEquals(4 - Math.sqrt(2), e.values()[2], 1e-12);
    }

    @Test
    void randomSymmetricMatrixIsDiagonalisedByOrthonormalVectors() {
        int n = 30;
        Rng rng = new Rng(7);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = a[j][i] = rng.gaussian();
            }
        }
        SymmetricEigen e = SymmetricEigen.of(Matrix.of(a));
        Matrix v = e.vectors();
        for (int k = 0; k < n; k++) {
            if (k > 0) {
                assertEquals(true, e.values()[k] <= e.values()[k - 1], "descending");
            }
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * v.get(j, k);
                }
                assertEquals(e.values()[k] * v.get(i, k), av, 1e-5, "A·v = λ·v, component " + i + " of vector " + k);
            }
            for (int m = 0; m < n; m++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += v.get(i, k) * v.get(i, m);
                }
                assertEquals(k == m ? 1 : 0, dot, 1e-5, "VᵀV = I at " + k + "," + m);
            }
        }
    }

    @Test
    void nonSquareInputIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(Matrix.zeros(2, 3)));
        assertEquals("an eigen-decomposition needs a square, non-empty matrix, got 2x3", e.getMessage());
    }
}
