package org.aelab.nn;

import java.util.Arrays;
import java.util.List;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;

/**
 * A 2-D convolution layer a = g(W ⋆ x + b): F filters of k×k×C taps, stride 1, 'same' or 'valid' padding,
 * on a batch of C×H×W images (one per row, see {@link ImageShape}). ⋆ is cross-correlation, as in Keras and
 * PyTorch:
 * <pre>
 *   z[n][f][oy][ox] = b[f] + Σ_(c, ky, kx) W[(c, ky, kx)][f] · x[n][c][oy + ky − p][ox + kx − p]
 * </pre>
 * computed as one matrix product per chunk of images, Z = Wᵀ·col, on {@link Im2Col}'s unrolled patches. W is
 * stored K × F (K = C·k·k, the fan-in, by F, the fan-out), the inputs × outputs layout of {@link Dense}, so an
 * {@link Init} fills it the same way; column f read as C planes of k×k is filter f.
 *
 * <p>The unrolled patches of a chunk of images that fits in cache live in the layer's {@link #scratch}, made once per
 * workspace, so training allocates nothing per batch.
 */
public final class Conv2D implements Layer {
    private static final Gemm GEMM = Gemm.standard();
    /** Floats of unrolled patches per chunk: 1 MB, so the unrolled chunk stays in a core's L2 cache. */
    static final int COLUMN_BUDGET = 1 << 18;

    private final ImageShape input;
    private final ImageShape output;
    private final int kernel;
    private final Padding padding;
    private final Activation activation;
    private final Im2Col unroll;
    private final Parameter weights;
    private final Parameter bias;
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
        this.unroll = new Im2Col(input, kernel, padding.border(kernel));
        this.output = new ImageShape(filters, unroll.outHeight(), unroll.outWidth());
        this.weights = new Parameter(name + ".W", Matrix.zeros(unroll.taps(), filters));
        this.bias = new Parameter(name + ".b", Parameter.Kind.BIAS, Matrix.zeros(1, filters));
        this.chunkImages = chunkImages > 0 ? chunkImages
                : Math.max(1, COLUMN_BUDGET / (unroll.taps() * unroll.positions()));
    }

    /**
     * A convolution of {@code filters} k×k filters over images of shape {@code input}, with zero weights and bias
     * (fill the weights with an {@link Init}, e.g. {@code Init.he()} before ReLU).
     */
    public static Conv2D of(ImageShape input, int filters, int kernel, Padding padding, Activation activation, String name) {
        return new Conv2D(input, filters, kernel, padding, activation, name, 0);
    }

    /** Buffers for the unrolled patches of one chunk of images (at most {@code batchSize}) and their product. */
    @Override
    public Scratch scratch(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        return new Chunk(Math.min(batchSize, chunkImages));
    }

    /** Forward pass: {@code out} = g(W ⋆ x + b), one image per row of {@code x} and {@code out}. */
    @Override
    public void forward(Matrix x, Matrix out, Scratch scratch) {
        checkBatch("x", x, "out", out);
        Chunk chunk = (Chunk) scratch;
        int positions = unroll.positions();
        float[] o = out.data();
        float[] b = bias.value().data();
        for (int first = 0; first < x.rows(); first += chunk.images) {
            int images = Math.min(chunk.images, x.rows() - first);
            Matrix col = chunk.columns(images);
            Matrix z = chunk.product(images);
            unroll.im2col(x.data(), first, images, col.data());
            GEMM.gemm(true, false, 1f, weights.value(), col, 0f, z);      // Z (F × P) = Wᵀ·col
            // z[f][(n, o)] → out[first + n][f][o], plus b[f]
            for (int f = 0; f < output.channels(); f++) {
                for (int n = 0; n < images; n++) {
                    int from = (f * images + n) * positions;
                    int to = (first + n) * output.size() + f * positions;
                    for (int i = 0; i < positions; i++) {
                        o[to + i] = z.data()[from + i] + b[f];
                    }
                }
            }
        }
        activation.apply(out);
    }

    /**
     * Backward pass, given δ = ∂E/∂z at this layer's pre-activations: ∂E/∂W += col·δᵀ, ∂E/∂b[f] += Σ_(n, o) δ[n][f][o],
     * and, when {@code deltaInput} is not null, ∂E/∂x = col2im(W·δ) (the caller multiplies by g' of the layer below).
     */
    @Override
    public void backward(Matrix x, Matrix a, Matrix delta, Matrix deltaInput, Scratch scratch) {
        checkBatch("x", x, "delta", delta);
        Chunk chunk = (Chunk) scratch;
        if (deltaInput != null) {
            x.requireSameShape("deltaInput", deltaInput);
        }
        int positions = unroll.positions();
        float[] d = delta.data();
        float[] db = bias.gradient().data();
        for (int first = 0; first < x.rows(); first += chunk.images) {
            int images = Math.min(chunk.images, x.rows() - first);
            Matrix col = chunk.columns(images);
            Matrix dz = chunk.product(images);
            float[] dzData = dz.data();
            // δ[first + n][f][o] → dz[f][(n, o)], summing ∂E/∂b on the way
            for (int f = 0; f < output.channels(); f++) {
                float sum = 0f;
                for (int n = 0; n < images; n++) {
                    int from = (first + n) * output.size() + f * positions;
                    int to = (f * images + n) * positions;
                    for (int i = 0; i < positions; i++) {
                        dzData[to + i] = d[from + i];
                        sum += d[from + i];
                    }
                }
                db[f] += sum;
            }
            unroll.im2col(x.data(), first, images, col.data());
            GEMM.gemm(false, true, 1f, col, dz, 1f, weights.gradient());   // ∂E/∂W (K × F) += col·δᵀ
            if (deltaInput != null) {
                GEMM.gemm(false, false, 1f, weights.value(), dz, 0f, col); // ∂E/∂col (K × P) = W·δ
                Arrays.fill(deltaInput.data(), first * input.size(), (first + images) * input.size(), 0f);
                unroll.col2imAdd(col.data(), first, images, deltaInput.data());
            }
        }
    }

    private void checkBatch(String inName, Matrix in, String outName, Matrix out) {
        ImageShape.requireBatches(input, inName, in, output, outName, out);
    }


    /** The unrolled patches (K × chunk·Ho·Wo, in backward also ∂E/∂col) and their product Z (F × chunk·Ho·Wo, in backward δ). */
    private final class Chunk implements Scratch {
        final int images;
        private final float[] columns;
        private final float[] product;
        private final Matrix[] columnViews;   // by images in the chunk: the last batch of an epoch may be shorter
        private final Matrix[] productViews;

        Chunk(int images) {
            this.images = images;
            this.columns = new float[Math.multiplyExact(unroll.taps(), images * unroll.positions())];
            this.product = new float[Math.multiplyExact(output.channels(), images * unroll.positions())];
            this.columnViews = new Matrix[images + 1];
            this.productViews = new Matrix[images + 1];
        }

        Matrix columns(int n) {
            if (columnViews[n] == null) {
                columnViews[n] = Matrix.wrap(unroll.taps(), n * unroll.positions(), columns);
            }
            return columnViews[n];
        }

        Matrix product(int n) {
            if (productViews[n] == null) {
                productViews[n] = Matrix.wrap(output.channels(), n * unroll.positions(), product);
            }
            return productViews[n];
        }

        @Override
        public String toString() {
            return "im2col buffers for " + images + " images of " + input;
        }
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
        Matrix out = Matrix.zeros(1, unroll.taps());
        for (int t = 0; t < unroll.taps(); t++) {
            out.data()[t] = weights.value().get(t, f);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Conv2D(" + input + " → " + output + ", " + kernel + "×" + kernel + " " + padding + ", " + activation + ")";
    }
}
