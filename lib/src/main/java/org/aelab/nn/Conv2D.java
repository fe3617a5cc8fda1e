package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * A 2-D convolution layer a = g(W ⋆ x + b): F filters of k×k×C taps, stride 1, 'same' or 'valid' padding,
 * on a batch of C×H×W images (one per row, see {@link ImageShape}). ⋆ is cross-correlation, as in Keras and
 * PyTorch:
 * <pre>
 *   z[n][f][oy][ox] = b[f] + Σ_(c, ky, kx) W[(c, ky, kx)][f] · x[n][c][oy + ky − p][ox + kx − p]
 * </pre>
 * W is stored K × F (K = C·k·k, the fan-in, by F, the fan-out), the inputs × outputs layout of {@link Dense}, so an
 * {@link Init} fills it the same way; column f read as C planes of k×k is filter f.
 *
 * <p>The sum is one matrix product per chunk of images, on the side with fewer channels unrolled by {@link Im2Col}
 * (a {@link ConvUnrolling}):
 * <ul>
 *   <li>F ≥ C, unroll the input ({@link ConvByInputPatches}): Z = Wᵀ·im2col(x); backward ∂E/∂W = im2col(x)·δᵀ,
 *   ∂E/∂x = col2im(W·δ).</li>
 *   <li>F &lt; C (fewer output channels, as in a decoder's last layer), unroll the output ({@link ConvByOutputTaps}):
 *   T = V·X gives every filter tap's contribution at every input pixel (V is W regrouped per filter and tap, X the
 *   input as C rows), and z = col2im(T) adds each contribution to the output pixel it belongs to; backward
 *   ∂E/∂V = im2col(δ)·Xᵀ, ∂E/∂X = Vᵀ·im2col(δ). This is a 'transposed convolution' unrolling: it has F·k·k rows instead of C·k·k.</li>
 * </ul>
 * Chunks are sized to stay in a core's cache and alternate between two {@link Lanes} (two threads), each with its own
 * buffers and gradient partial, added in lane order so the result does not depend on the machine's core count. The
 * buffers live in the layer's {@link #scratch} (a {@link ConvScratch}), made once per workspace, so training allocates
 * nothing per batch.
 */
public final class Conv2D implements Layer {
    /** Floats of unrolled patches per chunk: 1 MB, so the unrolled chunk stays in a core's L2 cache. */
    static final int COLUMN_BUDGET = 1 << 18;

    private final ImageShape input;
    private final ImageShape output;
    private final int kernel;
    private final Padding padding;
    private final Activation activation;
    private final Parameter weights;
    private final Parameter bias;
    private final ConvUnrolling unrolling;
    private final int chunkImages;

    Conv2D(ImageShape input, int filters, int kernel, Padding padding, Activation activation, String name, int chunkImages) {
        if (input == null || padding == null || activation == null) {
            throw new IllegalArgumentException("layer " + name + ": input shape, padding and activation must not be null, got "
                    + input + ", " + padding + ", " + activation);
        }
        if (filters <= 0) {
            throw new IllegalArgumentException("layer " + name + " filters must be positive, got " + filters);
        }
        if (kernel <= 0 || kernel % 2 == 0) {
            throw new IllegalArgumentException("layer " + name + " kernel size must be odd and positive (3 for 3×3), got " + kernel);
        }
        if (padding == Padding.VALID && (input.height() < kernel || input.width() < kernel)) {
            throw new IllegalArgumentException("layer " + name + " with 'valid' padding needs images of at least " + kernel + "×"
                    + kernel + " for a " + kernel + "×" + kernel + " kernel, got " + input.height() + "×" + input.width());
        }
        this.input = input;
        this.kernel = kernel;
        this.padding = padding;
        this.activation = activation;
        Im2Col inputUnroll = new Im2Col(input, kernel, padding.border(kernel));
        this.output = new ImageShape(filters, inputUnroll.outHeight(), inputUnroll.outWidth());
        this.weights = new Parameter(name + ".W", Matrix.zeros(inputUnroll.taps(), filters));
        this.bias = new Parameter(name + ".b", Parameter.Kind.BIAS, Matrix.zeros(1, filters));
        this.unrolling = filters < input.channels()
                ? new ConvByOutputTaps(input, output, kernel, padding, weights, bias)
                : new ConvByInputPatches(inputUnroll, input, output, weights, bias);
        this.chunkImages = chunkImages > 0 ? chunkImages : Math.max(1, COLUMN_BUDGET / unrolling.columnsPerImage());
    }

    /**
     * A convolution of {@code filters} k×k filters over images of shape {@code input}, with zero weights and bias
     * (fill the weights with an {@link Init}, e.g. {@code Init.he()} before ReLU).
     */
    public static Conv2D of(ImageShape input, int filters, int kernel, Padding padding, Activation activation, String name) {
        return new Conv2D(input, filters, kernel, padding, activation, name, 0);
    }

    /**
     * Buffers for batches of up to {@code batchSize} images: for each of the two {@link Lanes}, the unrolled matrices of
     * one chunk of images and a gradient partial.
     */
    @Override
    public Scratch scratch(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        int perLane = (batchSize + Lanes.COUNT - 1) / Lanes.COUNT;
        return new ConvScratch(unrolling, Math.min(perLane, chunkImages));
    }

    /** Forward pass: {@code out} = g(W ⋆ x + b), one image per row of {@code x} and {@code out}. */
    @Override
    public void forward(Matrix x, Matrix out, Scratch scratch) {
        checkBatch("x", x, "out", out);
        ((ConvScratch) scratch).forward(x, out);
        activation.apply(out);
    }

    /**
     * Backward pass, given δ = ∂E/∂z at this layer's pre-activations: ∂E/∂W += im2col(x)·δᵀ, ∂E/∂b[f] += Σ_(n, o) δ[n][f][o],
     * and, when {@code deltaInput} is not null, ∂E/∂x = col2im(W·δ) (the caller multiplies by g' of the layer below);
     * the same sums regrouped when the output is unrolled.
     */
    @Override
    public void backward(Matrix x, Matrix a, Matrix delta, Matrix deltaInput, Scratch scratch) {
        checkBatch("x", x, "delta", delta);
        if (deltaInput != null) {
            x.requireSameShape("deltaInput", deltaInput);
        }
        addBiasGradient(delta);
        ((ConvScratch) scratch).backward(x, delta, deltaInput);
    }

    /** ∂E/∂b[f] += Σ over images and pixels of δ[n][f][o]. */
    private void addBiasGradient(Matrix delta) {
        float[] d = delta.data();
        float[] db = bias.gradient().data();
        for (int n = 0; n < delta.rows(); n++) {
            for (int f = 0; f < output.channels(); f++) {
                int plane = n * output.size() + f * output.plane();
                float sum = 0f;
                for (int i = plane; i < plane + output.plane(); i++) {
                    sum += d[i];
                }
                db[f] += sum;
            }
        }
    }

    private void checkBatch(String inName, Matrix in, String outName, Matrix out) {
        ImageShape.requireBatches(input, inName, in, output, outName, out);
    }

    @Override
    public int inputs() {
        return input.size();
    }

    @Override
    public int outputs() {
        return output.size();
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(weights, bias);
    }

    public ImageShape inputShape() {
        return input;
    }

    public ImageShape outputShape() {
        return output;
    }

    public int kernel() {
        return kernel;
    }

    public Padding padding() {
        return padding;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    /** Weights, K × F: row (c·k + ky)·k + kx, column f is tap (c, ky, kx) of filter f. Updated in place by training. */
    public Parameter weights() {
        return weights;
    }

    public Parameter bias() {
        return bias;
    }

    /** Filter {@code f} as C planes of k×k, a new 1 × (C·k·k) matrix in image order (show it with the image tiles). */
    public Matrix filterCopy(int f) {
        if (f < 0 || f >= output.channels()) {
            throw new IllegalArgumentException("filter must be in 0.." + (output.channels() - 1) + ", got " + f);
        }
        Matrix out = Matrix.zeros(1, weights.value().rows());
        for (int t = 0; t < weights.value().rows(); t++) {
            out.data()[t] = weights.value().get(t, f);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Conv2D(" + input + " → " + output + ", " + kernel + "×" + kernel + " " + padding + ", " + activation + ")";
    }
}
