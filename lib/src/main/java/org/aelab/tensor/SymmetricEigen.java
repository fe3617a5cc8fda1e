package org.aelab.tensor;

import dev.ludovic.netlib.lapack.LAPACK;
import org.netlib.util.intW;

/**
 * Eigenvalues and eigenvectors of a symmetric matrix A = V·diag(λ)·Vᵀ, by LAPACK's {@code dsyevd} (divide and
 * conquer, in double precision) through dev.ludovic.netlib: the system's LAPACK over JNI where one is installed,
 * its pure-Java LAPACK otherwise.
 *
 * @param values  the eigenvalues, largest first
 * @param vectors the unit eigenvectors as columns, column k belonging to {@code values[k]}
 */
public record SymmetricEigen(double[] values, Matrix vectors) {

    /** Decomposes {@code symmetric} (n × n; only its lower triangle is read). */
    public static SymmetricEigen of(Matrix symmetric) {
        int n = symmetric.rows();
        if (n != symmetric.cols() || n == 0) {
            throw new IllegalArgumentException("an eigen-decomposition needs a square, non-empty matrix, got "
                    + symmetric.shape());
        }
        symmetric.requireFinite("symmetric");
        // Row-major A is column-major Aᵀ = A, so the array goes to LAPACK as it is (upper = row-major lower).
        double[] a = new double[n * n];
        float[] source = symmetric.data();
        for (int i = 0; i < a.length; i++) {
            a[i] = source[i];
        }
        double[] ascending = new double[n];
        intW info = new intW(0);
        double[] workSize = new double[1];
        int[] iworkSize = new int[1];
        LAPACK lapack = Lapack.INSTANCE;
        lapack.dsyevd("V", "U", n, a, n, ascending, workSize, -1, iworkSize, -1, info);
        double[] work = new double[(int) workSize[0]];
        int[] iwork = new int[iworkSize[0]];
        lapack.dsyevd("V", "U", n, a, n, ascending, work, work.length, iwork, iwork.length, info);
        if (info.val != 0) {
            throw new ArithmeticException("LAPACK dsyevd did not converge on the " + n + "x" + n + " matrix (info "
                    + info.val + ")");
        }
        // Column-major result: eigenvector j is a[j*n .. j*n+n), eigenvalues ascending. Reverse both.
        double[] values = new double[n];
        Matrix vectors = Matrix.zeros(n, n);
        for (int k = 0; k < n; k++) {
            int j = n - 1 - k;
            values[k] = ascending[j];
            for (int i = 0; i < n; i++) {
                vectors.set(i, k, (float) a[j * n + i]);
            }
        }
        return new SymmetricEigen(values, vectors);
    }

    /** Which LAPACK implementation runs, e.g. "JNILAPACK" (native) or "F2jLAPACK" (pure Java). */
    public static String implementation() {
        return Lapack.INSTANCE.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return "SymmetricEigen[" + values.length + " eigenvalues, largest " + (float) values[0] + ", smallest "
                + (float) values[values.length - 1] + "]";
    }

    private static final class Lapack {
        static final LAPACK INSTANCE = Netlib.quietly("dev.ludovic.netlib.lapack", LAPACK::getInstance);
    }
}
