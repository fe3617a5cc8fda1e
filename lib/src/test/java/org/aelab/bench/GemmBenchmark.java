package org.aelab.bench;

import java.util.concurrent.TimeUnit;
import org.aelab.tensor.BlasGemm;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.tensor.SmallGemm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The forward GEMM of a layer, batch × inputs times inputs × outputs, through BLAS and through plain Java
 * loops: the measurement behind {@link SmallGemm#MAX_WORK} (8-3-8's products are 8·8·3 = 192 multiply-adds).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GemmBenchmark {
    /** batch x inputs x outputs */
    @Param({"8x8x3", "8x3x8", "16x16x3", "32x32x16", "128x784x625"})
    public String shape;

    private final Gemm blas = new BlasGemm();
    private Matrix x;
    private Matrix w;
    private Matrix out;

    @Setup
    public void setUp() {
        String[] parts = shape.split("x");
        int batch = Integer.parseInt(parts[0]);
        int inputs = Integer.parseInt(parts[1]);
        int outputs = Integer.parseInt(parts[2]);
        Rng rng = new Rng(1);
        x = Matrix.zeros(batch, inputs);
        w = Matrix.zeros(inputs, outputs);
        out = Matrix.zeros(batch, outputs);
        for (float[] d : new float[][] {x.data(), w.data()}) {
            for (int i = 0; i < d.length; i++) {
                d[i] = rng.nextFloat();
            }
        }
    }

    @Benchmark
    public Matrix blas() {
        blas.multiply(x, w, out);
        return out;
    }

    @Benchmark
    public Matrix javaLoops() {
        SmallGemm.naive(false, false, 1f, x, w, 0f, out);
        return out;
    }
}
