package org.aelab.tensor;

/**
 * Plain Java loops for tiny products; anything larger goes to the wrapped BLAS. The 8-3-8 network's products
 * are 8·8·3 = 192 multiply-adds: GemmBenchmark measured 129 ns in Java against 203 ns through JNI OpenBLAS,
 * while at 16·16·3 = 768 BLAS was already faster (237 ns against 598 ns), hence the threshold of 256.
 */
public final class SmallGemm implements Gemm {
    /** Products with at most this many multiply-adds (m·n·k) stay in Java. */
    public static final long MAX_WORK = 256;

    private final Gemm large;

    public SmallGemm(Gemm large) {
        this.large = large;
    }

    @Override
    public void gemm(boolean transposeA, boolean transposeB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        int k = transposeA ? a.rows() : a.cols();
        if ((long) c.rows() * c.cols() * k > MAX_WORK) {
            large.gemm(transposeA, transposeB, alpha, a, b, beta, c);
            return;
        }
        Gemm.checkShapes(transposeA, transposeB, a, b, c);
        naive(transposeA, transposeB, alpha, a, b, beta, c);
    }

    /** Textbook triple loop, with strides chosen by the transpose flags, at any size (shapes unchecked). */
    public static void naive(boolean transposeA, boolean transposeB, float alpha, Matrix a, Matrix b, float beta, Matrix c) {
        int m = c.rows();
        int n = c.cols();
        int k = transposeA ? a.rows() : a.cols();
        float[] ad = a.data();
        float[] bd = b.data();
        float[] cd = c.data();
        int aRowStride = transposeA ? 1 : a.cols();
        int aColStride = transposeA ? a.cols() : 1;
        int bRowStride = transposeB ? 1 : b.cols();
        int bColStride = transposeB ? b.cols() : 1;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0f;
                for (int p = 0; p < k; p++) {
                    sum += ad[i * aRowStride + p * aColStride] * bd[p * bRowStride + j * bColStride];
                }
                int at = i * n + j;
                cd[at] = alpha * sum + (beta == 0f ? 0f : beta * cd[at]);
            }
        }
    }

    @Override
    public String name() {
        return "Java loops up to " + MAX_WORK + " multiply-adds, then " + large.name();
    }

    @Override
    public String toString() {
        return name();
    }
}
