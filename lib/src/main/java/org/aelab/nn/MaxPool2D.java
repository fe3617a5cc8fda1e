package org.aelab.nn;

import java.util.Arrays;
import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * Max-pooling over s×s windows with stride s, channel by channel, with ceil rounding: an H×W plane becomes
 * ⌈H/s⌉×⌈W/s⌉ and the last window of a row or column is cut off by the border (Keras's 'same' pooling,
 * PyTorch's {@code ceil_mode=True}), so 2×2 pooling takes 7×7 to 4×4.
 * <pre>
 *   out[n][c][oy][ox] = max over y in [s·oy, min(s·oy + s, H)), x in [s·ox, min(s·ox + s, W)) of in[n][c][y][x]
 *   ∂E/∂in[n][c][y][x] = δ[n][c][oy][ox] at the window's maximum (the first in row-major order), 0 elsewhere
 * </pre>
 * The backward pass finds each maximum again from the input, so the layer keeps no per-batch state beyond the
 * arguments of the call in progress.
 */
public final class MaxPool2D implements Layer {
    private final ImageShape input;
    private final ImageShape output;
    private final int size;

    private MaxPool2D(ImageShape input, int size) {
        this.input = input;
        this.size = size;
        this.output = new ImageShape(input.channels(), ceilDiv(input.height(), size), ceilDiv(input.width(), size));
    }

    /** Pooling of {@code size}×{@code size} windows (2 for 2×2) over images of shape {@code input}. */
    public static MaxPool2D of(ImageShape input, int size) {
        if (input == null) {
            throw new IllegalArgumentException("max-pooling input shape must not be null");
        }
        if (size <= 0) {
            throw new IllegalArgumentException("max-pooling window size must be positive (2 for 2×2), got " + size);
        }
        return new MaxPool2D(input, size);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** Its own {@link Work}, so that the two halves of a batch can be pooled at once without allocating. */
    @Override
    public Scratch scratch(int batchSize) {
        return new Work();
    }

    /** {@code out} = the maximum of each window of each image of {@code x}. */
    @Override
    public void forward(Matrix x, Matrix out, Scratch scratch) {
        checkBatch("x", x, "out", out);
        work(scratch).run(x, out, null, null);
    }

    /** {@code deltaInput} = ∂E/∂x: each δ routed to the position its window's maximum came from. */
    @Override
    public void backward(Matrix x, Matrix out, Matrix delta, Matrix deltaInput, Scratch scratch) {
        if (deltaInput == null) {
            return; // no parameters: only ∂E/∂x to compute
        }
        checkBatch("x", x, "delta", delta);
        x.requireSameShape("deltaInput", deltaInput);
        work(scratch).run(x, null, delta, deltaInput);
    }

    private Work work(Scratch scratch) {
        return scratch instanceof Work own ? own : new Work();
    }

    /**
     * The arguments of one forward or backward call and the work on a range of its images: each image is pooled
     * alone, so the batch is done in two halves on the two lanes ({@link Lanes#rowsInHalves}) with the same result.
     */
    private final class Work implements Scratch, Lanes.Rows {
        private float[] in;
        private float[] out;
        private float[] delta;
        private float[] deltaInput;

        void run(Matrix x, Matrix pooled, Matrix d, Matrix dx) {
            in = x.data();
            out = pooled == null ? null : pooled.data();
            delta = d == null ? null : d.data();
            deltaInput = dx == null ? null : dx.data();
            try {
                Lanes.rowsInHalves(x.rows(), input.size(), this);
            } finally {
                in = null;
                out = null;
                delta = null;
                deltaInput = null;
            }
        }

        @Override
        public void over(int from, int to) {
            int outWidth = output.width();
            if (deltaInput != null) {
                Arrays.fill(deltaInput, from * input.size(), to * input.size(), 0f);
            }
            for (int p = from * input.channels(); p < to * input.channels(); p++) {
                int inPlane = p * input.plane();
                int outPlane = p * output.plane();
                for (int oy = 0; oy < output.height(); oy++) {
                    for (int ox = 0; ox < outWidth; ox++) {
                        int at = outPlane + oy * outWidth + ox;
                        if (deltaInput == null) {
                            out[at] = in[argmax(in, inPlane, oy, ox)];
                        } else {
                            deltaInput[argmax(in, inPlane, oy, ox)] += delta[at];
                        }
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "pooling work";
        }
    }

    /**
     * Index in {@code in} of the first maximum of window (oy, ox) of the plane starting at {@code plane}: the values
     * are compared in row-major order, and only a larger one replaces the best so far. A whole 2×2 window, the
     * common case, is compared without loops.
     */
    private int argmax(float[] in, int plane, int oy, int ox) {
        int width = input.width();
        int best = plane + oy * size * width + ox * size;
        if (size == 2 && oy * 2 + 1 < input.height() && ox * 2 + 1 < width) {
            int right = best + 1;
            int below = best + width;
            if (in[right] > in[best]) {
                best = right;
            }
            if (in[below] > in[best]) {
                best = below;
            }
            if (in[below + 1] > in[best]) {
                best = below + 1;
            }
            return best;
        }
        int yEnd = Math.min(oy * size + size, input.height());
        int xEnd = Math.min(ox * size + size, width);
        for (int y = oy * size; y < yEnd; y++) {
            int row = plane + y * width;
            for (int xx = ox * size; xx < xEnd; xx++) {
                if (in[row + xx] > in[best]) {
                    best = row + xx;
                }
            }
        }
        return best;
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

    /** None: pooling and up-sampling end in no activation. */
    @Override
    public Activation activation() {
        return Activation.IDENTITY;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    public ImageShape inputShape() {
        return input;
    }

    public ImageShape outputShape() {
        return output;
    }

    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "MaxPool2D(" + input + " → " + output + ", " + size + "×" + size + ")";
    }
}
