package org.aelab.nn;

/** In-place Cholesky factor and solve of a small symmetric positive definite n × n matrix (row-major doubles). */
final class Cholesky {
    private Cholesky() {
    }

    /** Overwrites the lower triangle of {@code a} with L, a = L·Lᵀ; throws if a is not positive definite. */
    static void factor(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double d = a[j * n + j];
            for (int k = 0; k < j; k++) {
                d -= a[j * n + k] * a[j * n + k];
            }
            if (!(d > 0)) {
                throw new IllegalStateException("B̃ᵀB̃ + λI is not positive definite (pivot " + d + " at " + j
                        + "): the observed rows of B are rank-deficient; use a ridge λ > 0");
            }
            double ljj = Math.sqrt(d);
            a[j * n + j] = ljj;
            for (int i = j + 1; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = s / ljj;
            }
        }
    }

    /** Solves L·Lᵀ·x = b in place of b, with L from {@link #factor}. */
    static void solve(double[] l, int n, double[] b) {
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k * n + i] * b[k];
            }
            b[i] = s / l[i * n + i];
        }
    }
}
