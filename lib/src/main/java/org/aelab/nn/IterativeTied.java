package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;

/**
 * The third parameterisation of a masked autoencoder in 004_1238e059b100867a.txt §16.2.3, "an RNN style network
 * with weight sharing" (Eq. 16.5): d steps of gradient descent on ½‖x − B·l‖² from l₀ = 0,
 * l_{t+1} = l_t + η·Bᵀ(x − B·l_t), then the decoder x̂ = B·l_d. At a "?" input ({@link PixelMask#UNKNOWN}) the
 * residual "? − *" is clamped to 0, as the notes argue, so a masked pixel never drives the encoder:
 * l_{t+1} = l_t + η·Bᵀ(o ⊙ (x̃ − B·l_t)) with o the 0/1 observed flags and x̃ the input with "?" → 0.
 * The step size η and the number of steps d are the notes' symbols; they give no values (parameters here).
 *
 * <p>In batch form, one image a row: L_{t+1} = L_t + η·R_t·B with R_t = O ⊙ (X̃ − L_t·Bᵀ), and X̂ = L_d·Bᵀ.
 *
 * <p>For comparison, {@link #readingUnknownAsZero} builds the choice the notes reject — "Treating ? directly as 0
 * is not a valid choice as ? − * will then be −*, denoting a residual" — where O is all ones and a "?" counts as
 * an observed 0.
 */
public final class IterativeTied implements Layer {
    private static final Gemm GEMM = Gemm.standard();

    private final int inputs;
    private final int code;
    private final int steps;
    private final double eta;
    private final boolean clampUnknown;
    private final Parameter weights;

    /** The notes' encoder: the residual at a "?" is clamped to 0. */
    public IterativeTied(int inputs, int code, int steps, double eta, String name) {
        this(inputs, code, steps, eta, true, name);
    }

    /** The rejected variant: a "?" is read as an observed 0, so its residual −(B·l)_i drives the encoder. */
    public static IterativeTied readingUnknownAsZero(int inputs, int code, int steps, double eta, String name) {
        return new IterativeTied(inputs, code, steps, eta, false, name);
    }

    private IterativeTied(int inputs, int code, int steps, double eta, boolean clampUnknown, String name) {
        if (inputs <= 0 || code <= 0) {
            throw new IllegalArgumentException("layer " + name + " inputs and code size must be positive, got " + inputs + " and " + code);
        }
        if (steps < 1) {
            throw new IllegalArgumentException("encoder steps d must be >= 1, got " + steps);
        }
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("encoder step size eta must be finite and > 0, got " + eta);
        }
        this.inputs = inputs;
        this.code = code;
        this.steps = steps;
        this.eta = eta;
        this.clampUnknown = clampUnknown;
        this.weights = new Parameter(name + ".B", Matrix.zeros(inputs, code));
    }

    /** X̃ and O of the batch, the codes l_0..l_d, and m- and k-wide work matrices. */
    private static final class Buffers implements Scratch {
        final Matrix filled;
        final Matrix observed;
        final Matrix[] codes;
        final Matrix residual;
        final Matrix codeGradient;

        Buffers(int batch, int inputs, int code, int steps) {
            filled = Matrix.zeros(batch, inputs);
            observed = Matrix.zeros(batch, inputs);
            codes = new Matrix[steps + 1];
            for (int t = 0; t <= steps; t++) {
                codes[t] = Matrix.zeros(batch, code);
            }
            residual = Matrix.zeros(batch, inputs);
            codeGradient = Matrix.zeros(batch, code);
        }
    }

    @Override
    public Scratch scratch(int batchSize) {
        return new Buffers(batchSize, inputs, code, steps);
    }

    @Override
    public void forward(Matrix input, Matrix output, Scratch scratch) {
        Buffers s = (Buffers) scratch;
        int n = input.rows();
        Matrix filled = s.filled.topRows(n);
        Matrix observed = s.observed.topRows(n);
        splitUnknowns(input, filled, observed);
        Matrix b = weights.value();
        s.codes[0].topRows(n).fill(0f);                                     // l₀ = 0
        for (int t = 0; t < steps; t++) {
            Matrix lt = s.codes[t].topRows(n);
            Matrix next = s.codes[t + 1].topRows(n);
            maskedResidual(lt, filled, observed, s.residual.topRows(n));   // R_t = O ⊙ (X̃ − L_t·Bᵀ)
            next.copyFrom(lt);
            GEMM.gemm(false, false, (float) eta, s.residual.topRows(n), b, 1f, next);   // L_{t+1} = L_t + η·R_t·B
        }
        GEMM.gemm(false, true, 1f, s.codes[steps].topRows(n), b, 0f, output);          // X̂ = L_d·Bᵀ
    }

    /** X̃ = the input with "?" → 0; O = 0 at "?" when the residual is clamped there, 1 elsewhere. */
    private void splitUnknowns(Matrix input, Matrix filled, Matrix observed) {
        float[] x = input.data();
        for (int i = 0; i < input.rows() * input.cols(); i++) {
            boolean unknown = Float.isNaN(x[i]);
            filled.data()[i] = unknown ? 0f : x[i];
            observed.data()[i] = unknown && clampUnknown ? 0f : 1f;
        }
    }

    /** out = O ⊙ (X̃ − L·Bᵀ): the residual with "? − *" clamped to 0. */
    private void maskedResidual(Matrix l, Matrix filled, Matrix observed, Matrix out) {
        GEMM.gemm(false, true, -1f, l, weights.value(), 0f, out);
        float[] r = out.data();
        for (int i = 0; i < out.rows() * out.cols(); i++) {
            r[i] = observed.data()[i] * (filled.data()[i] + r[i]);
        }
    }

    /**
     * Backpropagation through the d unrolled steps, with G = ∂E/∂L. The decoder: ∂E/∂B += δᵀ·L_d, G = δ·B. Then
     * for t = d−1 … 0, with S_t = O ⊙ (G·Bᵀ): ∂E/∂B += η·(R_tᵀ·G − S_tᵀ·L_t), ∂E/∂X̃ += η·S_t, and
     * G ← G − η·S_t·B (so G becomes ∂E/∂L_t). Masked pixels get no encoder gradient.
     */
    @Override
    public void backward(Matrix input, Matrix output, Matrix delta, Matrix deltaInput, Scratch scratch) {
        Buffers s = (Buffers) scratch;
        int n = input.rows();
        Matrix b = weights.value();
        Matrix gradB = weights.gradient();
        Matrix filled = s.filled.topRows(n);
        Matrix observed = s.observed.topRows(n);
        Matrix g = s.codeGradient.topRows(n);
        Matrix work = s.residual.topRows(n);
        GEMM.gemm(true, false, 1f, delta, s.codes[steps].topRows(n), 1f, gradB);   // decoder: δᵀ·L_d
        GEMM.gemm(false, false, 1f, delta, b, 0f, g);                             // G = ∂E/∂L_d = δ·B
        if (deltaInput != null) {
            deltaInput.fill(0f);
        }
        for (int t = steps - 1; t >= 0; t--) {
            Matrix lt = s.codes[t].topRows(n);
            maskedResidual(lt, filled, observed, work);                            // R_t again
            GEMM.gemm(true, false, (float) eta, work, g, 1f, gradB);               // + η·R_tᵀ·G
            GEMM.gemm(false, true, 1f, g, b, 0f, work);                            // S_t = O ⊙ (G·Bᵀ)
            float[] w = work.data();
            for (int i = 0; i < n * inputs; i++) {
                w[i] *= observed.data()[i];
            }
            GEMM.gemm(true, false, (float) -eta, work, lt, 1f, gradB);             // − η·S_tᵀ·L_t
            if (deltaInput != null) {
                float[] dx = deltaInput.data();
                for (int i = 0; i < n * inputs; i++) {
                    dx[i] += Float.isNaN(input.data()[i]) ? 0f : (float) eta * w[i];    // nothing flows to a "?"
                }
            }
            GEMM.gemm(false, false, (float) -eta, work, b, 1f, g);                 // G ← G − η·S_t·B
        }
    }

    /** The codes l_d of the rows of {@code masked} ("?" allowed), as a new matrix. */
    public Matrix encode(Matrix masked) {
        Buffers s = new Buffers(masked.rows(), inputs, code, steps);
        forward(masked, Matrix.zeros(masked.rows(), inputs), s);
        return s.codes[steps].copy();
    }

    /** True for the notes' encoder (residual 0 at "?"), false for the variant that reads "?" as 0. */
    public boolean clampsUnknown() {
        return clampUnknown;
    }

    public Parameter weights() {
        return weights;
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
        return "IterativeTied(" + inputs + "→" + code + "→" + inputs + ", d=" + steps + " steps l ← l + η·Bᵀ(" + (clampUnknown ? "o ⊙ (x − B·l)" : "x − B·l), ? read as 0") + ", η=" + eta + ", x̂ = B·l)";
    }
}
