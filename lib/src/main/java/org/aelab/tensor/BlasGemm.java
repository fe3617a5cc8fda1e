package org.aelab.tensor;

import dev.ludovic.netlib.blas.BLAS;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * sgemm through dev.ludovic.netlib: JNI to the system BLAS where one is installed, a pure-Java BLAS
 * otherwise. BLAS is column-major; a row-major matrix is the column-major transpose, so
 * {@code C = op(A)·op(B)} in row-major is computed as {@code Cᵀ = op(B)ᵀ·op(A)ᵀ} in column-major.
 */
public final class BlasGemm implements Gemm {
    private final BLAS blas = quietInstance();

    /**
     * netlib logs a warning for each implementation it cannot load (the Vector API one needs
     * {@code --add-modules jdk.incubator.vector}) before settling on one; in a notebook that is noise
     * on stderr, so those lookups run with its logger at SEVERE. {@link #name()} tells which one loaded.
     */
    private static BLAS quietInstance() {
        Logger logger = Logger.getLogger("dev.ludovic.netlib.blas");
        Level previous = logger.getLevel();
        logger.setLevel(Level.SEVERE);
        try {
            return BLAS.getInstance();
        } finally {
            logger.setLevel(previous);
        }
    }

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
