package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;

/**
 * The second parameterisation of a masked autoencoder in 004_1238e059b100867a.txt §16.2.3: one matrix B
 * (m × k, rows b_i), decoder D(l) = B·l and the least-squares encoder of Eq. 16.2 computed from the observed rows
 * only: "we drop the corresponding rows of B … and get B̃", Eq. 16.4, E(x) = (B̃ᵀB̃)⁻¹ B̃ᵀ x̃. An input "?"
 * ({@link PixelMask#UNKNOWN}) removes its row b_i from B̃ for that image, so each mask gives its own encoder.
 *
 * <p>The notes are silent on a ridge; we add λ·I to B̃ᵀB̃ (λ ≥ 0, a parameter) so that the solve is defined
 * even while B̃ is rank-deficient early in training. The output is the reconstruction B·l of all m inputs,
 * masked ones included (there the decoder's rows get gradient from the target, as the notes say).
 */
public final class LeastSquaresTied implements Layer {
    private static final Gemm GEMM = Gemm.standard();

    private final int inputs;
    private final int code;
    private final double ridge;
    private final Parameter weights;

    public LeastSquaresTied(int inputs, int code, double ridge, String name) {
        if (inputs <= 0 || code <= 0) {
            throw new IllegalArgumentException("layer " + name + " inputs and code size must be positive, got " + inputs + " and " + code);
        }
        if (code >= inputs) {
            throw new IllegalArgumentException("least-squares encoder needs dim(l) < dim(x) (Eq. 16.2's first case), got code "
                    + code + " for " + inputs + " inputs");
        }
        if (!(ridge >= 0) || Double.isInfinite(ridge)) {
            throw new IllegalArgumentException("ridge lambda must be finite and >= 0, got " + ridge);
        }
        this.inputs = inputs;
        this.code = code;
        this.ridge = ridge;
        this.weights = new Parameter(name + ".B", Matrix.zeros(inputs, code));
    }

    /** Per batch: BᵀB, the codes l, and each image's Cholesky factor of B̃ᵀB̃ + λI for backward. */
    private static final class Buffers implements Scratch {
        final Matrix gram;
        final Matrix codes;
        final double[][] cholesky;

        Buffers(int batch, int code) {
            gram = Matrix.zeros(code, code);
            codes = Matrix.zeros(batch, code);
            cholesky = new double[batch][code * code];
        }
    }

    @Override
    public Scratch scratch(int batchSize) {
        return new Buffers(batchSize, code);
    }

    @Override
    public void forward(Matrix input, Matrix output, Scratch scratch) {
        Buffers s = (Buffers) scratch;
        Matrix b = weights.value();
        GEMM.gemm(true, false, 1f, b, b, 0f, s.gram);                 // BᵀB, then each image removes its masked rows
        double[] rhs = new double[code];
        for (int p = 0; p < input.rows(); p++) {
            double[] g = s.cholesky[p];
            gramOfObserved(input, p, s.gram, g);
            observedProjection(input, p, rhs);                      // B̃ᵀx̃ = Σ_{i observed} x_i·b_i
            Cholesky.factor(g, code);
            Cholesky.solve(g, code, rhs);                           // l = (B̃ᵀB̃ + λI)⁻¹ B̃ᵀx̃
            for (int j = 0; j < code; j++) {
                s.codes.data()[p * code + j] = (float) rhs[j];
            }
        }
        GEMM.gemm(false, true, 1f, s.codes.topRows(input.rows()), b, 0f, output);   // x̂ = B·l
    }

    /** B̃ᵀB̃ + λI = BᵀB − Σ_{i masked} b_i b_iᵀ + λI (cheaper than summing the observed rows when few are masked). */
    private void gramOfObserved(Matrix input, int p, Matrix gram, double[] g) {
        float[] w = weights.value().data();
        for (int j = 0; j < code * code; j++) {
            g[j] = gram.data()[j];
        }
        for (int i = 0; i < inputs; i++) {
            if (Float.isNaN(input.data()[p * inputs + i])) {
                for (int j = 0; j < code; j++) {
                    double bij = w[i * code + j];
                    for (int k = 0; k < code; k++) {
                        g[j * code + k] -= bij * w[i * code + k];
                    }
                }
            }
        }
        for (int j = 0; j < code; j++) {
            g[j * code + j] += ridge;
        }
    }

    private void observedProjection(Matrix input, int p, double[] rhs) {
        float[] w = weights.value().data();
        java.util.Arrays.fill(rhs, 0);
        for (int i = 0; i < inputs; i++) {
            float x = input.data()[p * inputs + i];
            if (!Float.isNaN(x) && x != 0f) {
                for (int j = 0; j < code; j++) {
                    rhs[j] += x * w[i * code + j];
                }
            }
        }
    }

    /**
     * With δ = ∂E/∂x̂: the decoder adds δᵀ·l to ∂E/∂B (all rows). Through the encoder, with u = (B̃ᵀB̃ + λI)⁻¹·Bᵀδ
     * and the residual r_i = x_i − x̂_i, each observed row adds ∂E/∂b_i = r_i·u − (b_i·u)·l; masked rows get
     * nothing from the encoder (the notes: "the rows … corresponding to the masked entries in the encoder will
     * have no update"). ∂E/∂x_i = b_i·u at observed inputs, 0 at "?".
     */
    @Override
    public void backward(Matrix input, Matrix output, Matrix delta, Matrix deltaInput, Scratch scratch) {
        Buffers s = (Buffers) scratch;
        int n = input.rows();
        float[] w = weights.value().data();
        float[] dw = weights.gradient().data();
        GEMM.gemm(true, false, 1f, delta, s.codes.topRows(n), 1f, weights.gradient());    // decoder: δᵀ·l
        double[] u = new double[code];
        for (int p = 0; p < n; p++) {
            java.util.Arrays.fill(u, 0);
            for (int i = 0; i < inputs; i++) {                       // Bᵀδ
                double d = delta.data()[p * inputs + i];
                for (int j = 0; j < code; j++) {
                    u[j] += d * w[i * code + j];
                }
            }
            Cholesky.solve(s.cholesky[p], code, u);
            for (int i = 0; i < inputs; i++) {
                float x = input.data()[p * inputs + i];
                boolean observed = !Float.isNaN(x);
                double bu = 0;
                for (int j = 0; j < code; j++) {
                    bu += w[i * code + j] * u[j];
                }
                if (observed) {
                    double residual = x - output.data()[p * inputs + i];
                    for (int j = 0; j < code; j++) {
                        dw[i * code + j] += (float) (residual * u[j] - bu * s.codes.data()[p * code + j]);
                    }
                }
                if (deltaInput != null) {
                    deltaInput.data()[p * inputs + i] = observed ? (float) bu : 0f;
                }
            }
        }
    }

    /** The codes l of the rows of {@code masked} ("?" allowed), as a new matrix. */
    public Matrix encode(Matrix masked) {
        Buffers s = new Buffers(masked.rows(), code);
        forward(masked, Matrix.zeros(masked.rows(), inputs), s);
        return s.codes.copy();
    }

    public Parameter weights() {
        return weights;
    }

    public double ridge() {
        return ridge;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return inputs;
    }

    @Override
    public Activation activation() {
        return Activation.IDENTITY;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights);
    }

    @Override
    public String toString() {
        return "LeastSquaresTied(" + inputs + "→" + code + "→" + inputs + ", l = (B̃ᵀB̃ + λI)⁻¹B̃ᵀx̃, λ=" + ridge + ", x̂ = B·l)";
    }
}
