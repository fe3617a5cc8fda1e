package org.aelab.tensor;

import dev.ludovic.netlib.blas.BLAS;

/**
 * sgemm through dev.ludovic.netlib: JNI to the system BLAS where one is installed, a pure-Java BLAS
 * otherwise. BLAS is column-major; a row-major matrix is the column-major transpose, so
 * {@code C = op(A)·op(B)} in row-major is computed as {@code Cᵀ = op(B)ᵀ·op(A)ᵀ} in column-major.
 */
public final class BlasGemm implements Gemm {
    /** {@link #name()} tells which implementation loaded. */
    private final BLAS blas = Netlib.quietly("dev.ludovic.netlib.blas", BLAS::getInstance);

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        Gemm.checkShapes(transposeA, transposeB, a, b, c);
        int m = c.rows();
        int n = c.cols();
        int k = transposeA ? a.rows() : a.cols();
        blas.sgemm(transposeB ? "T" : "N", transposeA ? "T" : "N", n, m, k,
                alpha, b.data(), 0, b.cols(), a.data(), 0, a.cols(), beta, c.data(), 0, n);
    }

    @Override
    public String name() {
        return "netlib " + blas.getClass().getSimpleName();
    }

    @Override
    public String toString() {
        return name();
    }
}
