package org.aelab.tensor;

/**
 * General matrix multiply on row-major matrices: {@code C = alpha · op(A) · op(B) + beta · C}, where
 * {@code op(X)} is X or its transpose. The one operation the training loop spends its time in.
 */
public interface Gemm {

    void gemm(boolean transposeA, boolean transposeB, float alpha, Matrix a, Matrix b, float beta, Matrix c);

    /** {@code C = A · B}. */
    default void multiply(Matrix a, Matrix b, Matrix c) {
        gemm(false, false, 1f, a, b, 0f, c);
    }

    /** Name of the implementation, e.g. "netlib JNI (OpenBLAS)". */
    String name();

    /**
     * The implementation the library uses: native BLAS through dev.ludovic.netlib when the system has one
     * ({@code libblas.so.3}, e.g. Debian's OpenBLAS), its pure-Java BLAS otherwise; products with fewer
     * than {@link SmallGemm#MAX_WORK} multiply-adds use plain Java loops, which are faster at that size
     * than crossing JNI (measured by {@code GemmBenchmark}).
     */
    static Gemm standard() {
        return Holder.STANDARD;
    }

    /** Throws unless the shapes of op(A), op(B) and C agree. */
    static void checkShapes(boolean transposeA, boolean transposeB, Matrix a, Matrix b, Matrix c) {
        int m = transposeA ? a.cols() : a.rows();
        int k = transposeA ? a.rows() : a.cols();
        int kb = transposeB ? b.cols() : b.rows();
        int n = transposeB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm shapes do not agree: op(A) is " + m + "x" + k + ", op(B) is "
                    + kb + "x" + n + ", C is " + c.shape() + " (expected C " + m + "x" + n + " and inner sizes equal)");
        }
    }

    final class Holder {
        static final Gemm STANDARD = new SmallGemm(new BlasGemm());

        private Holder() {
        }
    }
}
