package org.aelab.model;

import java.util.List;
import org.aelab.nn.Activation;
import org.aelab.nn.Dense;
import org.aelab.nn.GaussianKl;
import org.aelab.nn.Layer;
import org.aelab.nn.Loss;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;

/**
 * The buffers of one batch of a {@link VariationalAutoencoder} and its forward and backward passes, made once per
 * training run and reused for every batch ({@link #topRows} gives views for the last, shorter one). The caller writes
 * the batch into {@link #input} and the noise ε ~ N(0, I) into {@link #epsilon} before {@link #forward}.
 *
 * <pre>
 *   h       = g(x·W_h + b_h)                  encoder hidden layer           N × H
 *   μ       = h·W_μ + b_μ,  log σ² = h·W_v + b_v    the Gaussian q(z|x)      N × L each
 *   z       = μ + σ·ε,  σ = exp(½ log σ²)     reparameterisation             N × L
 *   d       = g(z·W_d + b_d)                  decoder hidden layer           N × H
 *   y       = sigmoid(d·W_y + b_y)            Bernoulli means p(x|z)         N × D
 *   J       = (1/N) Σ_p [ BCE(y_p, x_p) + β·KL(N(μ_p, σ_p²) ‖ N(0, I)) ]
 * </pre>
 */
final class VaeBatch {
    private final VariationalAutoencoder vae;
    private final VaeBatch full;
    final Matrix input;
    final Matrix epsilon;
    final Matrix hidden;
    final Matrix mean;
    final Matrix logVariance;
    final Matrix code;
    final Matrix decoderHidden;
    final Matrix output;
    private final Matrix outputDelta;
    private final Matrix decoderHiddenDelta;
    private final Matrix codeDelta;
    private final Matrix meanDelta;
    private final Matrix logVarianceDelta;
    private final Matrix hiddenDeltaFromMean;
    private final Matrix hiddenDeltaFromLogVariance;

    VaeBatch(VariationalAutoencoder vae, int rows) {
        int d = vae.inputs();
        int h = vae.hiddenSize();
        int l = vae.latentSize();
        this.vae = vae;
        this.full = null;
        input = Matrix.zeros(rows, d);
        epsilon = Matrix.zeros(rows, l);
        hidden = Matrix.zeros(rows, h);
        mean = Matrix.zeros(rows, l);
        logVariance = Matrix.zeros(rows, l);
        code = Matrix.zeros(rows, l);
        decoderHidden = Matrix.zeros(rows, h);
        output = Matrix.zeros(rows, d);
        outputDelta = Matrix.zeros(rows, d);
        decoderHiddenDelta = Matrix.zeros(rows, h);
        codeDelta = Matrix.zeros(rows, l);
        meanDelta = Matrix.zeros(rows, l);
        logVarianceDelta = Matrix.zeros(rows, l);
        hiddenDeltaFromMean = Matrix.zeros(rows, h);
        hiddenDeltaFromLogVariance = Matrix.zeros(rows, h);
    }

    private VaeBatch(VaeBatch full, int rows) {
        this.vae = full.vae;
        this.full = full;
        input = full.input.topRows(rows);
        epsilon = full.epsilon.topRows(rows);
        hidden = full.hidden.topRows(rows);
        mean = full.mean.topRows(rows);
        logVariance = full.logVariance.topRows(rows);
        code = full.code.topRows(rows);
        decoderHidden = full.decoderHidden.topRows(rows);
        output = full.output.topRows(rows);
        outputDelta = full.outputDelta.topRows(rows);
        decoderHiddenDelta = full.decoderHiddenDelta.topRows(rows);
        codeDelta = full.codeDelta.topRows(rows);
        meanDelta = full.meanDelta.topRows(rows);
        logVarianceDelta = full.logVarianceDelta.topRows(rows);
        hiddenDeltaFromMean = full.hiddenDeltaFromMean.topRows(rows);
        hiddenDeltaFromLogVariance = full.hiddenDeltaFromLogVariance.topRows(rows);
    }

    /** Views on the first {@code n} rows of these buffers. */
    VaeBatch topRows(int n) {
        if (n <= 0 || n > rows()) {
            throw new IllegalArgumentException("rows must be in 1.." + rows() + ", got " + n);
        }
        return n == rows() ? this : new VaeBatch(full == null ? this : full, n);
    }

    int rows() {
        return input.rows();
    }

    /**
     * Forward pass of {@link #input} with the noise in {@link #epsilon}; returns the batch's sums (over its rows) of
     * the per-image BCE and KL, before any averaging.
     */
    VariationalAutoencoder.Terms forward() {
        vae.encoderHidden().forward(input, hidden, Layer.Scratch.NONE);
        vae.meanLayer().forward(hidden, mean, Layer.Scratch.NONE);
        vae.logVarianceLayer().forward(hidden, logVariance, Layer.Scratch.NONE);
        // Reparameterisation: z = μ + σ·ε with σ = exp(½ log σ²), so the randomness is an input and z is a
        // differentiable function of μ and log σ².
        float[] mu = mean.data();
        float[] logVar = logVariance.data();
        float[] eps = epsilon.data();
        float[] z = code.data();
        for (int i = 0; i < rows() * code.cols(); i++) {
            z[i] = mu[i] + (float) Math.exp(0.5 * logVar[i]) * eps[i];
        }
        vae.decoderHidden().forward(code, decoderHidden, Layer.Scratch.NONE);
        vae.decoderOutput().forward(decoderHidden, output, Layer.Scratch.NONE);
        return new VariationalAutoencoder.Terms(Loss.BCE.sum(output, input), GaussianKl.sum(mean, logVariance));
    }

    /**
     * Backward pass of J = (1/N)·Σ [BCE + β·KL] after {@link #forward}: sets every parameter's gradient to ∂J/∂θ
     * (zeroing it first). ε is held fixed: it is an input of the network, not a parameter.
     */
    void backward(double beta) {
        List<Parameter> parameters = vae.parameters();
        for (int k = 0; k < parameters.size(); k++) {
            parameters.get(k).gradient().fill(0f);
        }
        float perImage = 1f / rows();
        // Output, sigmoid + BCE: δ_y = (y − x)/N at the pre-activations (g'(·) = y(1 − y) cancels BCE's denominators).
        Loss.BCE.outputDelta(Activation.SIGMOID, output, input, perImage, outputDelta);
        vae.decoderOutput().backward(decoderHidden, output, outputDelta, decoderHiddenDelta, Layer.Scratch.NONE);
        // Decoder hidden layer: δ_d = (δ_y·W_yᵀ)·g'(d).
        vae.hiddenActivation().backprop(decoderHidden, decoderHiddenDelta);
        // ∂J/∂z = δ_d·W_dᵀ: how the reconstruction term pulls on each code.
        vae.decoderHidden().backward(code, decoderHidden, decoderHiddenDelta, codeDelta, Layer.Scratch.NONE);
        // Through z = μ + σ·ε (∂z/∂μ = 1, ∂z/∂log σ² = ½·σ·ε), plus the KL term's own gradient, weighted β/N:
        //   δ_μ      = ∂J/∂z                + (β/N)·μ
        //   δ_log σ² = ∂J/∂z · ½·σ·ε        + (β/N)·½(σ² − 1)
        float[] dz = codeDelta.data();
        float[] eps = epsilon.data();
        float[] logVar = logVariance.data();
        float[] dMu = meanDelta.data();
        float[] dLogVar = logVarianceDelta.data();
        for (int i = 0; i < rows() * code.cols(); i++) {
            dMu[i] = dz[i];
            dLogVar[i] = dz[i] * 0.5f * (float) Math.exp(0.5 * logVar[i]) * eps[i];
        }
        GaussianKl.addGradient(mean, logVariance, beta * perImage, meanDelta, logVarianceDelta);
        // μ and log σ² are linear heads on h: ∂J/∂h = δ_μ·W_μᵀ + δ_log σ²·W_vᵀ, then δ_h = ∂J/∂h·g'(h).
        vae.meanLayer().backward(hidden, mean, meanDelta, hiddenDeltaFromMean, Layer.Scratch.NONE);
        vae.logVarianceLayer().backward(hidden, logVariance, logVarianceDelta, hiddenDeltaFromLogVariance, Layer.Scratch.NONE);
        float[] dh = hiddenDeltaFromMean.data();
        float[] dhFromLogVar = hiddenDeltaFromLogVariance.data();
        for (int i = 0; i < rows() * hidden.cols(); i++) {
            dh[i] += dhFromLogVar[i];
        }
        vae.hiddenActivation().backprop(hidden, hiddenDeltaFromMean);
        vae.encoderHidden().backward(input, hidden, hiddenDeltaFromMean, null, Layer.Scratch.NONE);
    }
}
