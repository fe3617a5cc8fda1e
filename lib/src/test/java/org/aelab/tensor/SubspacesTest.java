package org.aelab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubspacesTest {

    @Test
    void theSamePlaneInAnotherBasisHasAllCosinesOne() {
        // span(e1, e2) in ℝ³, and the same plane spanned by (2, 1, 0) and (1, −3, 0)
        Matrix a = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 0}});
        Matrix b = Matrix.of(new double[][] {{2, 1}, {1, -3}, {0, 0}});
        assertArrayEquals(new double[] {1, 1}, Subspaces.principalCosines(a, b), 1e-12);
        assertArrayEquals(new double[] {0, 0}, Subspaces.principalAngles(a, b), 1e-6);
    }

    @Test
    void orthogonalSubspacesHaveCosineZero() {
        // span(e1, e2) and span(e3, e4) in ℝ⁵, given by non-unit, non-orthogonal bases
        Matrix a = Matrix.of(new double[][] {{3, 1}, {0, 2}, {0, 0}, {0, 0}, {0, 0}});
        Matrix b = Matrix.of(new double[][] {{0, 0}, {0, 0}, {1, 1}, {0, 5}, {0, 0}});
        assertArrayEquals(new double[] {0, 0}, Subspaces.principalCosines(a, b), 1e-12);
        assertArrayEquals(new double[] {Math.PI / 2, Math.PI / 2}, Subspaces.principalAngles(a, b), 1e-12);
    }

    @Test
    void aPlaneTiltedByThetaAboutALineInItHasCosinesOneAndCosTheta() {
        // span(e1, e2) against span(e1, cos θ·e2 + sin θ·e3): they share e1 (cosine 1) and meet at angle θ (cos θ).
        double theta = Math.toRadians(30);
        Matrix a = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 0}});
        Matrix b = Matrix.of(new double[][] {{1, 0}, {0, Math.cos(theta)}, {0, Math.sin(theta)}});
        double[] cosines = Subspaces.principalCosines(a, b);
        assertEquals(1, cosines[0], 1e-7);
        assertEquals(Math.sqrt(3) / 2, cosines[1], 1e-7, "cos 30° = √3/2");
        assertEquals(theta, Subspaces.principalAngles(a, b)[1], 1e-6);
    }

    @Test
    void twoIndependentTiltsGiveBothCosinesLargestFirst() {
        // In ℝ⁴: span(e1, e2) against span(cos α·e1 + sin α·e3, cos β·e2 + sin β·e4), α = 60°, β = 20°,
        // the second basis mixed (b1 + b2, b1 − b2) so the angles are not simply column by column.
        double alpha = Math.toRadians(60);
        double beta = Math.toRadians(20);
        double[] b1 = {Math.cos(alpha), 0, Math.sin(alpha), 0};
        double[] b2 = {0, Math.cos(beta), 0, Math.sin(beta)};
        double[][] mixed = new double[4][2];
        for (int i = 0; i < 4; i++) {
            mixed[i][0] = b1[i] + b2[i];
            mixed[i][1] = b1[i] - b2[i];
        }
        Matrix a = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 0}, {0, 0}});
        assertArrayEquals(new double[] {Math.cos(beta), Math.cos(alpha)},
                Subspaces.principalCosines(a, Matrix.of(mixed)), 1e-7);
        assertArrayEquals(new double[] {Math.cos(beta), Math.cos(alpha)},
                Subspaces.principalCosines(Matrix.of(mixed), a), 1e-7, "symmetric in a and b");
    }

    @Test
    void aLineAgainstAPlaneHasOneCosine() {
        // the line through (1, 1, 1) against the plane span(e1, e2): cos θ = |proj| / |v| = √2/√3
        Matrix line = Matrix.of(new double[][] {{1}, {1}, {1}});
        Matrix plane = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 0}});
        double[] cosines = Subspaces.principalCosines(line, plane);
        assertEquals(1, cosines.length);
        assertEquals(Math.sqrt(2.0 / 3.0), cosines[0], 1e-7);
    }

    @Test
    void aRandomBasisTimesAnInvertibleMatrixSpansTheSameSpace() {
        int d = 784;
        int k = 30;
        Rng rng = new Rng(3);
        Matrix basis = Matrix.zeros(d, k);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                basis.set(i, j, (float) rng.gaussian());
            }
        }
        Matrix mixing = Matrix.zeros(k, k);
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                mixing.set(i, j, (float) (rng.gaussian() + (i == j ? 3 : 0)));
            }
        }
        Matrix mixed = Matrix.zeros(d, k);
        Gemm.standard().gemm(false, false, 1f, basis, mixing, 0f, mixed);
        double[] cosines = Subspaces.principalCosines(basis, mixed);
        assertEquals(k, cosines.length);
        for (double c : cosines) {
            assertEquals(1, c, 1e-5);
        }
        // and a second random basis of the same size is far from it: in 784 dimensions two random 30-D subspaces
        // are nearly orthogonal (largest cosine about √(30/784)·2 ≈ 0.4)
        Matrix other = Matrix.zeros(d, k);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < k; j++) {
                other.set(i, j, (float) rng.gaussian());
            }
        }
        double[] random = Subspaces.principalCosines(basis, other);
        assertTrue(random[0] < 0.7 && random[k - 1] >= 0, "random subspaces: " + random[0]);
        for (int i = 1; i < k; i++) {
            assertTrue(random[i] <= random[i - 1], "largest first");
        }
    }

    @Test
    void orthonormalColumnsAreTheQOfAThinQr() {
        Matrix basis = Matrix.of(new double[][] {{3, 1}, {4, 2}, {0, 2}});
        Matrix q = Subspaces.orthonormalColumns(basis);
        // q0 = (3, 4, 0)/5; v1 − (q0·v1)q0 = (1, 2, 2) − (11/5)(3/5, 4/5, 0) = (−8/25, 6/25, 2) → normalised
        assertEquals(0.6, q.get(0, 0), 1e-7);
        assertEquals(0.8, q.get(1, 0), 1e-7);
        assertEquals(0.0, q.get(2, 0), 1e-7);
        double n = Math.sqrt(64.0 / 625 + 36.0 / 625 + 4);
        assertEquals(-8.0 / 25 / n, q.get(0, 1), 1e-7);
        assertEquals(6.0 / 25 / n, q.get(1, 1), 1e-7);
        assertEquals(2 / n, q.get(2, 1), 1e-7);
        assertArrayEquals(new double[] {1, 1}, Subspaces.principalCosines(basis, q), 1e-6);
    }

    @Test
    void badInputNamesTheParameterTheValueAndTheFix() {
        Matrix plane = Matrix.of(new double[][] {{1, 0}, {0, 1}, {0, 0}});
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Subspaces.principalCosines(plane, Matrix.zeros(4, 1)));
        assertTrue(rows.getMessage().contains("same space") && rows.getMessage().contains("a has 3 rows")
                && rows.getMessage().contains("b has 4"), rows.getMessage());
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> Subspaces.principalCosines(Matrix.zeros(2, 3), plane));
        assertTrue(wide.getMessage().startsWith("a must have at most as many columns") && wide.getMessage().contains("2x3")
                && wide.getMessage().contains("columns"), wide.getMessage());
        IllegalArgumentException dependent = assertThrows(IllegalArgumentException.class,
                () -> Subspaces.principalCosines(plane, Matrix.of(new double[][] {{1, 2}, {1, 2}, {0, 0}})));
        assertTrue(dependent.getMessage().contains("columns of b must be linearly independent")
                && dependent.getMessage().contains("column 1 lies in the span of columns 0..0"), dependent.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> Subspaces.orthonormalColumns(Matrix.zeros(3, 1)));
        assertTrue(zero.getMessage().contains("columns of basis") && zero.getMessage().contains("column 0 is zero"),
                zero.getMessage());
        Matrix nan = plane.copy();
        nan.set(2, 1, Float.NaN);
        IllegalArgumentException notFinite = assertThrows(IllegalArgumentException.class,
                () -> Subspaces.principalCosines(plane, nan));
        assertTrue(notFinite.getMessage().contains("b must be finite") && notFinite.getMessage().contains("NaN at (2, 1)"),
                notFinite.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Subspaces.principalCosines(null, plane));
        assertTrue(missing.getMessage().contains("a must be a d × k matrix") && missing.getMessage().contains("null"));
    }
}
