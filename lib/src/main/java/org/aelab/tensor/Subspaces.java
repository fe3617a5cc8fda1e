package org.aelab.tensor;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * How close two subspaces of ℝᵈ are, each given by a basis as the columns of a d × k matrix: the cosines of their
 * principal angles. With orthonormal bases Q_a (d × k_a) and Q_b (d × k_b), the singular values of the
 * k_a × k_b matrix Q_aᵀ·Q_b are cos θ₁ ≥ cos θ₂ ≥ … for the min(k_a, k_b) principal angles θ₁ ≤ θ₂ ≤ … (Björck
 * and Golub's method). All cosines 1: one subspace contains the other; a cosine 0: some direction of the smaller
 * one is orthogonal to all of the other. They depend only on the spans, not on the bases, which is what makes them
 * the measure for "a linear autoencoder learns the PCA subspace": its decoder's columns are not the principal
 * components, but they span the same space.
 *
 * <pre>{@code
 * double[] cosines = Subspaces.principalCosines(decoderColumns, pca.components(k));   // k values, largest first
 * }</pre>
 *
 * Everything is computed in double precision: Gram–Schmidt orthonormalisation (run twice, which keeps the columns
 * orthogonal to rounding precision) and LAPACK's {@code dgesvd} through dev.ludovic.netlib.
 */
public final class Subspaces {
    /** A column whose part outside the span of the previous ones is below this fraction of its length is dependent. */
    static final double DEPENDENT = 1e-6;

    private Subspaces() {
    }

    /**
     * The cosines of the principal angles between the column spaces of {@code a} and {@code b} (both d × k, any k
     * up to d, linearly independent columns): min(k_a, k_b) values in [0, 1], largest first.
     */
    public static double[] principalCosines(Matrix a, Matrix b) {
        requireBasis("a", a);
        requireBasis("b", b);
        if (a.rows() != b.rows()) {
            throw new IllegalArgumentException("a and b must be bases of the same space: a has " + a.rows()
                    + " rows (dimensions), b has " + b.rows() + " (a is " + a.shape() + ", b is " + b.shape() + ")");
        }
        double[][] qa = orthonormalised("a", columns(a));
        double[][] qb = orthonormalised("b", columns(b));
        double[] cosines = singularValues(innerProducts(qa, qb), qa.length, qb.length);
        for (int i = 0; i < cosines.length; i++) {
            cosines[i] = Math.min(1, Math.max(0, cosines[i]));   // rounding can give 1.0000000000000002
        }
        return cosines;
    }

    /** The principal angles themselves, in radians, smallest first: arccos of {@link #principalCosines}. */
    public static double[] principalAngles(Matrix a, Matrix b) {
        double[] angles = principalCosines(a, b);
        for (int i = 0; i < angles.length; i++) {
            angles[i] = Math.acos(angles[i]);
        }
        return angles;
    }

    /**
     * A new d × k matrix Q with orthonormal columns spanning the columns of {@code basis}, column j of Q in the
     * span of columns 0..j of the basis (the Q of a thin QR decomposition, with positive diagonal R).
     */
    public static Matrix orthonormalColumns(Matrix basis) {
        requireBasis("basis", basis);
        double[][] q = orthonormalised("basis", columns(basis));
        Matrix out = Matrix.zeros(basis.rows(), basis.cols());
        for (int j = 0; j < q.length; j++) {
            for (int i = 0; i < q[j].length; i++) {
                out.set(i, j, (float) q[j][i]);
            }
        }
        return out;
    }

    private static void requireBasis(String name, Matrix basis) {
        if (basis == null) {
            throw new IllegalArgumentException(name + " must be a d × k matrix whose columns span a subspace, got null");
        }
        if (basis.cols() > basis.rows()) {
            throw new IllegalArgumentException(name + " must have at most as many columns (basis vectors) as rows"
                    + " (dimensions), got " + basis.shape() + "; put the basis vectors in columns");
        }
        basis.requireFinite(name);
    }

    /** The columns of {@code m} as double arrays. */
    private static double[][] columns(Matrix m) {
        double[][] cols = new double[m.cols()][m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                cols[j][i] = m.get(i, j);
            }
        }
        return cols;
    }

    /**
     * Gram–Schmidt, in place: q_j ← (v_j − Σ_{i<j} (q_iᵀv_j)·q_i) / ‖…‖. The subtraction is done twice ("twice is
     * enough", Kahan and Parlett), so the q_j stay orthogonal to rounding precision even for nearly parallel columns.
     */
    private static double[][] orthonormalised(String name, double[][] v) {
        for (int j = 0; j < v.length; j++) {
            double original = norm(v[j]);
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double projection = dot(v[i], v[j]);
                    for (int r = 0; r < v[j].length; r++) {
                        v[j][r] -= projection * v[i][r];
                    }
                }
            }
            double remaining = norm(v[j]);
            if (!(remaining > DEPENDENT * original) || original == 0) {
                throw new IllegalArgumentException("the columns of " + name + " must be linearly independent, but column "
                        + j + (original == 0 ? " is zero" : " lies in the span of columns 0.." + (j - 1)
                        + " (its part outside them is " + (float) (remaining / original) + " of its length)"));
            }
            for (int r = 0; r < v[j].length; r++) {
                v[j][r] /= remaining;
            }
        }
        return v;
    }

    /** M = Q_aᵀ·Q_b, column-major (k_a rows, k_b columns) for LAPACK. */
    private static double[] innerProducts(double[][] qa, double[][] qb) {
        double[] m = new double[qa.length * qb.length];
        for (int j = 0; j < qb.length; j++) {
            for (int i = 0; i < qa.length; i++) {
                m[j * qa.length + i] = dot(qa[i], qb[j]);
            }
        }
        return m;
    }

    /** Singular values, largest first, of the column-major {@code rows} × {@code cols} matrix m (LAPACK dgesvd). */
    private static double[] singularValues(double[] m, int rows, int cols) {
        int count = Math.min(rows, cols);
        double[] values = new double[count];
        double[] unused = new double[1];
        double[] workSize = new double[1];
        intW info = new intW(0);
        LAPACK lapack = Lapack.INSTANCE;
        lapack.dgesvd("N", "N", rows, cols, m, rows, values, unused, 1, unused, 1, workSize, -1, info);
        double[] work = new double[Math.max(1, (int) workSize[0])];
        lapack.dgesvd("N", "N", rows, cols, m, rows, values, unused, 1, unused, 1, work, work.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("LAPACK dgesvd did not converge on the " + rows + "x" + cols
                    + " matrix of inner products (info " + info.val + ")");
        }
        return values;
    }

    private static double dot(double[] x, double[] y) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += x[i] * y[i];
        }
        return sum;
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }

    private static final class Lapack {
        static final LAPACK INSTANCE = Netlib.quietly("dev.ludovic.netlib.lapack", LAPACK::getInstance);
    }
}
