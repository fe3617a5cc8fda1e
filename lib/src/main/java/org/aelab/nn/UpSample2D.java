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

    /** {@code out} = each pixel of {@code x} repeated into a factor×factor block. */
    @Override
    public void forward(Matrix x, Matrix out, Scratch scratch) {
        checkBatch("x", x, "out", out);
        float[] in = x.data();
        float[] o = out.data();
        int planes = x.rows() * input.channels();
        int outWidth = output.width();
        for (int p = 0; p < planes; p++) {
            int inPlane = p * input.plane();
            int outPlane = p * output.plane();
            for (int y = 0; y < output.height(); y++) {
                int inRow = inPlane + (y / factor) * input.width();
                int outRow = outPlane + y * outWidth;
                for (int xx = 0; xx < outWidth; xx++) {
                    o[outRow + xx] = in[inRow + xx / factor];
                }
            }
        }
    }

    /** {@code deltaInput} = ∂E/∂x: the sum of δ over each pixel's block. */
    @Override
    public void backward(Matrix x, Matrix out, Matrix delta, Matrix deltaInput, Scratch scratch) {
        if (deltaInput == null) {
            return; // no parameters: only ∂E/∂x to compute
        }
        checkBatch("x", x, "delta", delta);
        x.requireSameShape("deltaInput", deltaInput);
        float[] d = delta.data();
        float[] dx = deltaInput.data();
        Arrays.fill(dx, 0, x.rows() * input.size(), 0f);
        int planes = x.rows() * input.channels();
        int outWidth = output.width();
        for (int p = 0; p < planes; p++) {
            int inPlane = p * input.plane();
            int outPlane = p * output.plane();
            for (int y = 0; y < output.height(); y++) {
                int inRow = inPlane + (y / factor) * input.width();
                int outRow = outPlane + y * outWidth;
                for (int xx = 0; xx < outWidth; xx++) {
                    dx[inRow + xx / factor] += d[outRow + xx];
                }
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
