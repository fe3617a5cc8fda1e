package org.aelab.nn;

import java.util.Arrays;
import org.aelab.tensor.Matrix;

/**
 * The convolution with its output unrolled, used when F &lt; C (fewer output channels, as in a decoder's last layer),
 * so the unrolled matrix has F·k·k rows instead of C·k·k. X (C × P) is the chunk's input as one row per channel and
 * V ((F·k·k) × C) is W regrouped per filter and flipped tap; T = V·X gives every filter tap's contribution at every
 * input pixel, and col2im of the output's unrolling (kernel flipped, padding k − 1 − p, which maps the output back to
 * H×W) adds each contribution to the output pixel it belongs to:
 * <pre>
 *   forward    T = V·X,   z = b + col2im(T)
 *   backward   ∂E/∂T = im2col(δ),   ∂E/∂V += ∂E/∂T·Xᵀ,   ∂E/∂X = Vᵀ·∂E/∂T
 * </pre>
 * This is a 'transposed convolution' unrolling; ∂E/∂V is added back onto ∂E/∂W entry by entry.
 */
final class ConvByOutputTaps extends ConvUnrolling {
    private final int kernel;

    ConvByOutputTaps(ImageShape input, ImageShape output, int kernel, Padding padding, Parameter weights, Parameter bias) {
        // the output seen as an F-channel image, unrolled with the flipped kernel: padding k − 1 − p maps it back to H×W
        super(new Im2Col(output, kernel, kernel - 1 - padding.border(kernel)), input.channels(), input, output, weights,
                bias);
        this.kernel = kernel;
    }

    /** V, (F·k·k) × C. */
    @Override
    Matrix newWeightBuffer() {
        return Matrix.zeros(unroll.taps(), input.channels());
    }

    /**
     * V[(f, ky', kx')][c] = W[(c, k − 1 − ky', k − 1 − kx')][f]: the rows in the order im2col of the output reads
     * them, whose kernel is flipped.
     */
    @Override
    Matrix multipliedWeights(Matrix regrouped) {
        float[] w = weights.value().data();
        float[] v = regrouped.data();
        int filters = output.channels();
        int taps = kernel * kernel;
        for (int f = 0; f < filters; f++) {
            for (int tap = 0; tap < taps; tap++) {
                for (int c = 0; c < input.channels(); c++) {
                    v[(f * taps + tap) * input.channels() + c] = w[(c * taps + taps - 1 - tap) * filters + f];
                }
            }
        }
        return regrouped;
    }

    @Override
    void forward(Matrix x, Matrix out, Matrix regrouped, ConvChunk chunk, int first, int images) {
        Matrix channels = chunk.planes(images);
        Matrix taps = chunk.columns(images);
        toChannelRows(x.data(), first, images, channels.data());
        GEMM.gemm(false, false, 1f, regrouped, channels, 0f, taps);   // T ((F·k·k) × P) = V·X
        float[] o = out.data();
        float[] b = bias.value().data();
        for (int n = first; n < first + images; n++) {
            for (int f = 0; f < output.channels(); f++) {
                int plane = n * output.size() + f * output.plane();
                Arrays.fill(o, plane, plane + output.plane(), b[f]);
            }
        }
        unroll.col2imAdd(taps.data(), first, images, o);               // z[n][f][o] += Σ_taps T at the tap's input pixel
    }

    @Override
    void backward(Matrix x, Matrix delta, Matrix deltaInput, Matrix regrouped, ConvChunk chunk, int first, int images) {
        Matrix channels = chunk.planes(images);
        Matrix tapDeltas = chunk.columns(images);
        toChannelRows(x.data(), first, images, channels.data());
        unroll.im2col(delta.data(), first, images, tapDeltas.data());            // ∂E/∂T = im2col(δ)
        GEMM.gemm(false, true, 1f, tapDeltas, channels, 1f, chunk.gradient);   // ∂E/∂V += ∂E/∂T·Xᵀ
        if (deltaInput != null) {
            GEMM.gemm(true, false, 1f, regrouped, tapDeltas, 0f, channels);   // ∂E/∂X (C × P) = Vᵀ·∂E/∂T
            fromChannelRows(channels.data(), first, images, deltaInput.data());
        }
    }

    /** ∂E/∂W[(c, ky, kx)][f] += ∂E/∂V at V's entry for the same weight. */
    @Override
    void addWeightGradient(Matrix regroupedGradient) {
        float[] dw = weights.gradient().data();
        float[] dv = regroupedGradient.data();
        int filters = output.channels();
        int taps = kernel * kernel;
        for (int f = 0; f < filters; f++) {
            for (int tap = 0; tap < taps; tap++) {
                for (int c = 0; c < input.channels(); c++) {
                    dw[(c * taps + taps - 1 - tap) * filters + f] += dv[(f * taps + tap) * input.channels() + c];
                }
            }
        }
    }

    /** X[c][(n, i)] = x[first + n][c][i]: the chunk's images as one row per input channel. */
    private void toChannelRows(float[] x, int first, int images, float[] rows) {
        int plane = input.plane();
        for (int c = 0; c < input.channels(); c++) {
            for (int n = 0; n < images; n++) {
                System.arraycopy(x, (first + n) * input.size() + c * plane, rows, (c * images + n) * plane, plane);
            }
        }
    }

    /** The inverse of {@link #toChannelRows}: dx[first + n][c][i] = rows[c][(n, i)]. */
    private void fromChannelRows(float[] rows, int first, int images, float[] dx) {
        int plane = input.plane();
        for (int c = 0; c < input.channels(); c++) {
            for (int n = 0; n < images; n++) {
                System.arraycopy(rows, (c * images + n) * plane, dx, (first + n) * input.size() + c * plane, plane);
            }
        }
    }
}
