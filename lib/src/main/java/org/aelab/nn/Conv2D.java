package org.aelab.nn;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.aelab.tensor.Gemm;
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
 * <p>The sum is one matrix product per chunk of images, on the side with fewer channels unrolled by {@link Im2Col}:
 * <ul>
 *   <li>F ≥ C, unroll the input: Z = Wᵀ·im2col(x); backward ∂E/∂W = im2col(x)·δᵀ, ∂E/∂x = col2im(W·δ).</li>
 *   <li>F &lt; C (fewer output channels, as in a decoder's last layer), unroll the output: T = V·X gives every filter
 *   tap's contribution at every input pixel (V is W regrouped per filter and tap, X the input as C rows), and
 *   z = col2im(T) adds each contribution to the output pixel it belongs to; backward ∂E/∂V = im2col(δ)·Xᵀ,
 *   ∂E/∂X = Vᵀ·im2col(δ). This is a 'transposed convolution' unrolling: it has F·k·k rows instead of C·k·k.</li>
 * </ul>
 * Chunks are sized to stay in a core's cache and alternate between two {@link Lanes} (two threads), each with its own
 * buffers and gradient partial, added in lane order so the result does not depend on the machine's core count. The
 * buffers live in the layer's {@link #scratch}, made once per workspace, so training allocates nothing per batch.
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
    private final Im2Col outputUnroll;
    private final boolean unrollOutput;
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
        // the output seen as an F-channel image, unrolled with the flipped kernel: padding k − 1 − p maps it back to H×W
        this.outputUnroll = new Im2Col(output, kernel, kernel - 1 - padding.border(kernel));
        this.unrollOutput = filters < input.channels();
        int perImage = unrollOutput ? outputUnroll.taps() * outputUnroll.positions() : unroll.taps() * unroll.positions();
        this.chunkImages = chunkImages > 0 ? chunkImages : Math.max(1, COLUMN_BUDGET / perImage);
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
        return new ConvScratch(Math.min(perLane, chunkImages));
    }

    /** Forward pass: {@code out} = g(W ⋆ x + b), one image per row of {@code x} and {@code out}. */
    @Override
    public void forward(Matrix x, Matrix out, Scratch scratch) {
        checkBatch("x", x, "out", out);
        ConvScratch s = (ConvScratch) scratch;
        if (unrollOutput) {
            regroupWeights(s.regrouped);
        }
        s.x = x;
        s.out = out;
        s.run(s.forwardLane, x.rows());
        activation.apply(out);
    }

    /** Chunks lane, lane + 2, lane + 4, … of the batch: each writes its own rows of the output. */
    private void forwardLane(ConvScratch s, int lane) {
        Chunk chunk = s.lanes[lane];
        for (int first = lane * s.images; first < s.x.rows(); first += Lanes.COUNT * s.images) {
            int images = Math.min(s.images, s.x.rows() - first);
            if (unrollOutput) {
                forwardByOutputTaps(s.x, s.out, chunk, s.regrouped, first, images);
            } else {
                forwardByInputPatches(s.x, s.out, chunk, first, images);
            }
        }
    }

    private void forwardByInputPatches(Matrix x, Matrix out, Chunk chunk, int first, int images) {
        Matrix col = chunk.columns(images);
        Matrix z = chunk.planes(images);
        unroll.im2col(x.data(), first, images, col.data());
        GEMM.gemm(true, false, 1f, weights.value(), col, 0f, z);      // Z (F × P) = Wᵀ·col
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

    private void forwardByOutputTaps(Matrix x, Matrix out, Chunk chunk, Matrix regrouped, int first, int images) {
        Matrix channels = chunk.planes(images);
        Matrix taps = chunk.columns(images);
        toChannelRows(x.data(), first, images, channels.data());
        GEMM.gemm(false, false, 1f, regrouped, channels, 0f, taps); // T ((F·k·k) × P) = V·X
        float[] o = out.data();
        float[] b = bias.value().data();
        for (int n = first; n < first + images; n++) {
            for (int f = 0; f < output.channels(); f++) {
                int plane = n * output.size() + f * output.plane();
                Arrays.fill(o, plane, plane + output.plane(), b[f]);
            }
        }
        outputUnroll.col2imAdd(taps.data(), first, images, o);           // z[n][f][o] += Σ_taps T at the tap's input pixel
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
        ConvScratch s = (ConvScratch) scratch;
        addBiasGradient(delta);
        if (unrollOutput) {
            regroupWeights(s.regrouped);
        }
        s.x = x;
        s.delta = delta;
        s.deltaInput = deltaInput;
        s.run(s.backwardLane, x.rows());
        for (Chunk lane : s.lanes) {                                   // partials added in lane order
            if (unrollOutput) {
                addRegroupedGradient(lane.gradient);
            } else {
                addInPlace(weights.gradient().data(), lane.gradient.data());
            }
        }
    }

    /** Chunks lane, lane + 2, … of the batch: ∂E/∂x of its own rows, ∂E/∂W into the lane's partial. */
    private void backwardLane(ConvScratch s, int lane) {
        Chunk chunk = s.lanes[lane];
        chunk.gradient.fill(0f);
        for (int first = lane * s.images; first < s.x.rows(); first += Lanes.COUNT * s.images) {
            int images = Math.min(s.images, s.x.rows() - first);
            if (unrollOutput) {
                backwardByOutputTaps(s.x, s.delta, s.deltaInput, chunk, s.regrouped, first, images);
            } else {
                backwardByInputPatches(s.x, s.delta, s.deltaInput, chunk, first, images);
            }
        }
    }

    private static void addInPlace(float[] sum, float[] term) {
        for (int i = 0; i < term.length; i++) {
            sum[i] += term[i];
        }
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

    private void backwardByInputPatches(Matrix x, Matrix delta, Matrix deltaInput, Chunk chunk, int first, int images) {
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
            GEMM.gemm(false, false, 1f, weights.value(), dz, 0f, col); // ∂E/∂col (K × P) = W·δ
            Arrays.fill(deltaInput.data(), first * input.size(), (first + images) * input.size(), 0f);
            unroll.col2imAdd(col.data(), first, images, deltaInput.data());
        }
    }

    private void backwardByOutputTaps(Matrix x, Matrix delta, Matrix deltaInput, Chunk chunk, Matrix regrouped, int first,
                                      int images) {
        Matrix channels = chunk.planes(images);
        Matrix tapDeltas = chunk.columns(images);
        toChannelRows(x.data(), first, images, channels.data());
        outputUnroll.im2col(delta.data(), first, images, tapDeltas.data());     // ∂E/∂T = im2col(δ)
        GEMM.gemm(false, true, 1f, tapDeltas, channels, 1f, chunk.gradient);  // ∂E/∂V += ∂E/∂T·Xᵀ
        if (deltaInput != null) {
            GEMM.gemm(true, false, 1f, regrouped, tapDeltas, 0f, channels);  // ∂E/∂X (C × P) = Vᵀ·∂E/∂T
            fromChannelRows(channels.data(), first, images, deltaInput.data());
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

    private void checkBatch(String inName, Matrix in, String outName, Matrix out) {
        ImageShape.requireBatches(input, inName, in, output, outName, out);
    }


    /** The buffers of one forward or backward pass: a chunk per lane, V, and the batch being worked on. */
    private final class ConvScratch implements Scratch {
        final int images;
        final Chunk[] lanes = new Chunk[Lanes.COUNT];
        final Matrix regrouped;
        final IntConsumer forwardLane = lane -> forwardLane(this, lane);
        final IntConsumer backwardLane = lane -> backwardLane(this, lane);
        Matrix x;
        Matrix out;
        Matrix delta;
        Matrix deltaInput;

        ConvScratch(int images) {
            this.images = images;
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] = new Chunk(images);
            }
            this.regrouped = unrollOutput ? Matrix.zeros(outputUnroll.taps(), input.channels()) : null;
        }

        /** Runs the lanes, on two threads when there is work for both. */
        void run(IntConsumer task, int rows) {
            if (rows <= images) {
                lanes[1].gradient.fill(0f);
                task.accept(0);
            } else {
                Lanes.run(task);
            }
        }

        @Override
        public String toString() {
            return "unrolling buffers for " + Lanes.COUNT + " × " + images + " images of " + input;
        }
    }

    /**
     * One lane's buffers. Unrolling the input: {@code columns} is im2col(x) (K × P), in backward also ∂E/∂col,
     * {@code planes} is Z (F × P), in backward δ, and {@code gradient} the lane's part of ∂E/∂W. Unrolling the output:
     * {@code columns} is T ((F·k·k) × P), in backward ∂E/∂T, {@code planes} is X (C × P), in backward ∂E/∂X, and
     * {@code gradient} the lane's part of ∂E/∂V.
     */
    private final class Chunk {
        private final float[] columns;
        private final float[] planes;
        private final Matrix[] columnViews;   // by images in the chunk: the last batch of an epoch may be shorter
        private final Matrix[] planeViews;
        final Matrix gradient;

        Chunk(int images) {
            Im2Col side = unrollOutput ? outputUnroll : unroll;
            int planeRows = unrollOutput ? input.channels() : output.channels();
            this.columns = new float[Math.multiplyExact(side.taps(), images * side.positions())];
            this.planes = new float[Math.multiplyExact(planeRows, images * side.positions())];
            this.columnViews = new Matrix[images + 1];
            this.planeViews = new Matrix[images + 1];
            this.gradient = unrollOutput ? Matrix.zeros(outputUnroll.taps(), input.channels())
                    : Matrix.zeros(unroll.taps(), output.channels());
        }

        Matrix columns(int n) {
            if (columnViews[n] == null) {
                Im2Col side = unrollOutput ? outputUnroll : unroll;
                columnViews[n] = Matrix.wrap(side.taps(), n * side.positions(), columns);
            }
            return columnViews[n];
        }

        Matrix planes(int n) {
            if (planeViews[n] == null) {
                int rows = unrollOutput ? input.channels() : output.channels();
                int positions = unrollOutput ? input.plane() : output.plane();
                planeViews[n] = Matrix.wrap(rows, n * positions, planes);
            }
            return planeViews[n];
        }
    }

    /**
     * V[(f, ky', kx')][c] = W[(c, k − 1 − ky', k − 1 − kx')][f]: the rows in the order im2col of the output reads
     * them, whose kernel is flipped.
     */
    private void regroupWeights(Matrix regrouped) {
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
    }

    /** ∂E/∂W[(c, ky, kx)][f] += ∂E/∂V at V's entry for the same weight. */
    private void addRegroupedGradient(Matrix regroupedGradient) {
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
