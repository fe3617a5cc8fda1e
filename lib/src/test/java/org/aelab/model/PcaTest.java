package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

class PcaTest {

    @Test
    void pointsOnALineHaveOneComponentAlongIt() {
        // x = m + t·u with u = (3, 4)/5 and t = −2, −1, 0, 1, 2: variance (1/N)Σt² = 2 along u, 0 across it.
        double[][] rows = new double[5][];
        for (int i = 0; i < 5; i++) {
            double t = i - 2;
            rows[i] = new double[] {1 + 0.6 * t, -1 + 0.8 * t};
        }
        Matrix x = Matrix.of(rows);
        Pca pca = Pca.fit(x);
        assertEquals(2, pca.variances()[0], 1e-6);
        assertEquals(0, pca.variances()[1], 1e-6);
        Matrix u = pca.components(1);
        assertEquals(0.6, Math.abs(u.get(0, 0)), 1e-6);
        assertEquals(0.8, Math.abs(u.get(1, 0)), 1e-6);
        assertEquals(1, pca.meanCopy().get(0, 0), 1e-6);
        assertEquals(-1, pca.meanCopy().get(0, 1), 1e-6);
        Matrix back = pca.reconstruct(x, 1);
        for (int i = 0; i < x.data().length; i++) {
            assertEquals(x.data()[i], back.data()[i], 1e-5, "one component reconstructs the line exactly");
        }
    }

    @Test
    void discardedVarianceIsTheReconstructionErrorOnTheFittedData() {
        int n = 200;
        int d = 10;
        Rng rng = new Rng(3);
        Matrix x = Matrix.zeros(n, d);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < d; c++) {
                x.set(r, c, (float) (rng.gaussian() * (c + 1) + c));  // unequal variances, nonzero mean
            }
        }
        Pca pca = Pca.fit(x);
        for (int k = 0; k <= d; k++) {
            Matrix back = pca.reconstruct(x, k);
            double squared = 0;
            for (int i = 0; i < x.data().length; i++) {
                double diff = x.data()[i] - back.data()[i];
                squared += diff * diff;
            }
            double perRow = squared / n;
            assertEquals(pca.discardedVariance(k), perRow, 1e-3 * (1 + perRow), "k = " + k);
        }
        assertEquals(0, pca.discardedVariance(d), 1e-12);
    }

    @Test
    void zeroComponentsReconstructTheMean() {
        Matrix x = Matrix.of(new double[][] {{1, 2}, {3, 6}, {5, 1}});
        Matrix back = Pca.fit(x).reconstruct(x, 0);
        for (int r = 0; r < 3; r++) {
            assertEquals(3, back.get(r, 0), 1e-6);
            assertEquals(3, back.get(r, 1), 1e-6);
        }
    }

    @Test
    void centredSubtractsTheFittedMeanFromOtherRowsToo() {
        // mean of (1, 2), (3, 6), (5, 1) is (3, 3)
        Pca pca = Pca.fit(Matrix.of(new double[][] {{1, 2}, {3, 6}, {5, 1}}));
        Matrix centred = pca.centred(Matrix.of(new double[][] {{3, 3}, {0, 10}}));
        assertEquals(0, centred.get(0, 0), 1e-6);
        assertEquals(0, centred.get(0, 1), 1e-6);
        assertEquals(-3, centred.get(1, 0), 1e-6);
        assertEquals(7, centred.get(1, 1), 1e-6);
        assertEquals("x must have 2 columns like the data PCA was fitted to, got 1x3",
                assertThrows(IllegalArgumentException.class, () -> pca.centred(Matrix.zeros(1, 3))).getMessage());
    }

    @Test
    void badInputIsNamed() {
        Pca pca = Pca.fit(Matrix.of(new double[][] {{1, 2}, {3, 4}}));
        assertEquals("number of components k must be in 1..2, got 3",
                assertThrows(IllegalArgumentException.class, () -> pca.encode(Matrix.zeros(1, 2), 3)).getMessage());
        assertEquals("x must have 2 columns like the data PCA was fitted to, got 1x3",
                assertThrows(IllegalArgumentException.class, () -> pca.encode(Matrix.zeros(1, 3), 1)).getMessage());
        assertEquals("number of components k must be in 1..2, got 0",
                assertThrows(IllegalArgumentException.class, () -> pca.encode(Matrix.zeros(1, 2), 0)).getMessage());
        assertEquals("PCA needs at least 2 rows of data, got 1x2",
                assertThrows(IllegalArgumentException.class, () -> Pca.fit(Matrix.zeros(1, 2))).getMessage());
    }
}
