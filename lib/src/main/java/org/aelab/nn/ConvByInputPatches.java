package org.aelab.nn;

import java.util.Arrays;
import org.aelab.tensor.Matrix;

/**
 * The convolution with its input unrolled, used when F ≥ C: {@link Im2Col} lays every k×k×C patch of x out as a
 * column of col (K × P, K = C·k·k taps, P = images·Ho·Wo output pixels), and the layer is one product with W (K × F)
 * as stored:
 * <pre>
 *   forward    Z = Wᵀ·col,   z[n][f][o] = Z[f][(n, o)] + b[f]
 *   backward   ∂E/∂W += col·δᵀ,   ∂E/∂col = W·δ,   ∂E/∂x = col2im(∂E/∂col)
 * </pre>
 * with δ (F × P) the chunk's ∂E/∂z, regrouped the same way as Z.
 */
final class ConvByInputPatches extends ConvUnrolling {

    ConvByInputPatches(Im2Col unroll, ImageShape input, ImageShape output, Parameter weights, Parameter bias) {
        super(unroll, output.channels(), input, output, weights, bias);
    }

    /** W is multiplied as stored: no buffer. */
    @Override
    Matrix newWeightBuffer() {
        return null;
    }

    @Override
    Matrix multipliedWeights(Matrix buffer) {
        return weights.value();
    }

    @Override
    void forward(Matrix x, Matrix out, Matrix w, ConvChunk chunk, int first, int images) {
        Matrix col = chunk.columns(images);
        Matrix z = chunk.planes(images);
        unroll.im2col(x.data(), first, images, col.data());
        GEMM.gemm(true, false, 1f, w, col, 0f, z);                    // Z (F × P) = Wᵀ·col
        float[] b = bias.value().data();
        int positions = unroll.positions();
        for (int f = 0; f < output.channels(); f++) {                  // z[f][(n, o)] + b[f] → out[first + n][f][o]
            for (int n = 0; n < images; n++) {
                int from = (f * images + n) * positions;
                int to = (first + n) * output.size() + f * positions;
                for (int i = 0; i < positions; i++) {
                    out.data()[to + i] = z.data()[from + i] + b[f];
                }
            }
        }
    }

    @Override
    void backward(Matrix x, Matrix delta, Matrix deltaInput, Matrix w, ConvChunk chunk, int first, int images) {
        Matrix col = chunk.columns(images);
        Matrix dz = chunk.planes(images);
        int positions = unroll.positions();
        for (int f = 0; f < output.channels(); f++) {                  // δ[first + n][f][o] → dz[f][(n, o)]
            for (int n = 0; n < images; n++) {
                System.arraycopy(delta.data(), (first + n) * output.size() + f * positions,
                        dz.data(), (f * images + n) * positions, positions);
            }
        }
        unroll.im2col(x.data(), first, images, col.data());
        GEMM.gemm(false, true, 1f, col, dz, 1f, chunk.gradient);      // ∂E/∂W (K × F) += col·δᵀ
        if (deltaInput != null) {
            GEMM.gemm(false, false, 1f, w, dz, 0f, col);               // ∂E/∂col (K × P) = W·δ
            Arrays.fill(deltaInput.data(), first * input.size(), (first + images) * input.size(), 0f);
            unroll.col2imAdd(col.data(), first, images, deltaInput.data());
        }
    }

    /** The partial is already in W's layout: ∂E/∂W += it. */
    @Override
    void addWeightGradient(Matrix partial) {
        float[] sum = weights.gradient().data();
        float[] term = partial.data();
        for (int i = 0; i < term.length; i++) {
            sum[i] += term[i];
        }
    }
}
