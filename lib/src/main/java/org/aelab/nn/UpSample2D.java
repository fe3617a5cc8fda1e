package org.aelab.nn;

import java.util.Arrays;
import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * Nearest-neighbour up-sampling by an integer factor s, channel by channel: every pixel becomes an s×s block,
 * so an H×W plane becomes sH×sW (Keras's UpSampling2D, PyTorch's {@code Upsample(scale_factor=s)}).
 * <pre>
 *   out[n][c][y][x] = in[n][c][⌊y/s⌋][⌊x/s⌋]
 *   ∂E/∂in[n][c][y][x] = Σ over the s×s block it was copied to of δ[n][c][s·y + i][s·x + j]
 * </pre>
 */
public final class UpSample2D implements Layer {
    private final ImageShape input;
    private final ImageShape output;
    private final int factor;

    private UpSample2D(ImageShape input, int factor) {
        this.input = input;
        this.factor = factor;
        this.output = new ImageShape(input.channels(), Math.multiplyExact(input.height(), factor),
                Math.multiplyExact(input.width(), factor));
    }

    /** Up-sampling of images of shape {@code input} by {@code factor} (2 doubles height and width). */
    public static UpSample2D of(ImageShape input, int factor) {
        if (input == null) {
            throw new IllegalArgumentException("up-sampling input shape must not be null");
        }
        if (factor <= 0) {
            throw new IllegalArgumentException("up-sampling factor must be positive (2 doubles height and width), got " + factor);
        }
        return new UpSample2D(input, factor);
    }

    /** Its own {@link Work}, so that the two halves of a batch can be done at once without allocating. */
    @Override
    public Scratch scratch(int batchSize) {
        return new Work();
    }

    /** {@code out} = each pixel of {@code x} repeated into a factor×factor block. */
    @Override
    public void forward(Matrix x, Matrix out, Scratch scratch) {
        checkBatch("x", x, "out", out);
        work(scratch).run(x.rows(), x.data(), out.data(), false);
    }

    /** {@code deltaInput} = ∂E/∂x: the sum of δ over each pixel's block. */
    @Override
    public void backward(Matrix x, Matrix out, Matrix delta, Matrix deltaInput, Scratch scratch) {
        if (deltaInput == null) {
            return; // no parameters: only ∂E/∂x to compute
        }
        checkBatch("x", x, "delta", delta);
        x.requireSameShape("deltaInput", deltaInput);
        work(scratch).run(x.rows(), deltaInput.data(), delta.data(), true);
    }

    private Work work(Scratch scratch) {
        return scratch instanceof Work own ? own : new Work();
    }

    /**
     * The arguments of one forward or backward call and the work on a range of its images: each image is done
     * alone, so the batch is done in two halves on the two lanes ({@link Lanes#rowsInHalves}) with the same result.
     * {@code small} is the input (forward) or ∂E/∂input (backward), {@code large} the output or its δ.
     */
    private final class Work implements Scratch, Lanes.Rows {
        private float[] small;
        private float[] large;
        private boolean backward;

        void run(int rows, float[] smallValues, float[] largeValues, boolean isBackward) {
            small = smallValues;
            large = largeValues;
            backward = isBackward;
            try {
                Lanes.rowsInHalves(rows, output.size(), this);
            } finally {
                small = null;
                large = null;
            }
        }

        /** Rows of out (in δ's case, of ∂E/∂x) in order, each pixel's block column by column within a row. */
        @Override
        public void over(int from, int to) {
            if (backward) {
                Arrays.fill(small, from * input.size(), to * input.size(), 0f);
            }
            int inWidth = input.width();
            int outWidth = output.width();
            for (int p = from * input.channels(); p < to * input.channels(); p++) {
                int inPlane = p * input.plane();
                int outPlane = p * output.plane();
                for (int y = 0; y < output.height(); y++) {
                    int inRow = inPlane + (y / factor) * inWidth;
                    int outRow = outPlane + y * outWidth;
                    for (int ix = 0; ix < inWidth; ix++) {
                        int block = outRow + ix * factor;
                        if (backward) {
                            for (int j = 0; j < factor; j++) {
                                small[inRow + ix] += large[block + j];
                            }
                        } else {
                            for (int j = 0; j < factor; j++) {
                                large[block + j] = small[inRow + ix];
                            }
                        }
                    }
                }
            }
        }

        @Override
        public String toString() {
            return "up-sampling work";
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

    public int factor() {
        return factor;
    }

    @Override
    public String toString() {
        return "UpSample2D(" + input + " → " + output + ", ×" + factor + ")";
    }
}
