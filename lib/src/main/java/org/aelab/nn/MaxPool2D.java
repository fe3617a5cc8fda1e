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
 * The backward pass finds each maximum again from the input, so the layer keeps no per-batch state.
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

    /** {@code out} = the maximum of each window of each image of {@code x}. */
    @Override
    public void forward(Matrix x, Matrix out, Scratch scratch) {
        checkBatch("x", x, "out", out);
        float[] in = x.data();
        float[] o = out.data();
        int planes = x.rows() * input.channels();
        for (int p = 0; p < planes; p++) {
            int inPlane = p * input.plane();
            int outPlane = p * output.plane();
            for (int oy = 0; oy < output.height(); oy++) {
                for (int ox = 0; ox < output.width(); ox++) {
                    o[outPlane + oy * output.width() + ox] = in[argmax(in, inPlane, oy, ox)];
                }
            }
        }
    }

    /** {@code deltaInput} = ∂E/∂x: each δ routed to the position its window's maximum came from. */
    @Override
    public void backward(Matrix x, Matrix out, Matrix delta, Matrix deltaInput, Scratch scratch) {
        if (deltaInput == null) {
            return; // no parameters: only ∂E/∂x to compute
        }
        checkBatch("x", x, "delta", delta);
        x.requireSameShape("deltaInput", deltaInput);
        float[] in = x.data();
        float[] d = delta.data();
        float[] dx = deltaInput.data();
        Arrays.fill(dx, 0, x.rows() * input.size(), 0f);
        int planes = x.rows() * input.channels();
        for (int p = 0; p < planes; p++) {
            int inPlane = p * input.plane();
            int outPlane = p * output.plane();
            for (int oy = 0; oy < output.height(); oy++) {
                for (int ox = 0; ox < output.width(); ox++) {
                    dx[argmax(in, inPlane, oy, ox)] += d[outPlane + oy * output.width() + ox];
                }
            }
        }
    }

    /** Index in {@code in} of the first maximum of window (oy, ox) of the plane starting at {@code plane}. */
    private int argmax(float[] in, int plane, int oy, int ox) {
        int yEnd = Math.min(oy * size + size, input.height());
        int xEnd = Math.min(ox * size + size, input.width());
        int best = plane + oy * size * input.width() + ox * size;
        for (int y = oy * size; y < yEnd; y++) {
            int row = plane + y * input.width();
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
