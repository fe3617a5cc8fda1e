package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * 004_1238e059b100867a.txt §16.2.3: "Binary flags, instead of ?, can also be passed to the network to denote
 * masking." This parameter-free layer turns m inputs with "?" ({@link PixelMask#UNKNOWN}) into 2m: the inputs
 * with "?" set to 0, then one flag per input, 1 where it was "?" — the network above learns how to use them.
 */
public final class MaskFlags implements Layer {
    private final int size;

    public MaskFlags(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("mask flags size must be positive, got " + size);
        }
        this.size = size;
    }

    @Override
    public void forward(Matrix input, Matrix output, Scratch scratch) {
        float[] x = input.data();
        float[] y = output.data();
        for (int r = 0; r < input.rows(); r++) {
            for (int i = 0; i < size; i++) {
                boolean unknown = Float.isNaN(x[r * size + i]);
                y[r * 2 * size + i] = unknown ? 0f : x[r * size + i];
                y[r * 2 * size + size + i] = unknown ? 1f : 0f;
            }
        }
    }

    /** ∂E/∂x = the δ of the value half at known inputs, 0 at "?"; the flags are constants. */
    @Override
    public void backward(Matrix input, Matrix output, Matrix delta, Matrix deltaInput, Scratch scratch) {
        if (deltaInput == null) {
            return;
        }
        float[] x = input.data();
        float[] d = delta.data();
        float[] dx = deltaInput.data();
        for (int r = 0; r < input.rows(); r++) {
            for (int i = 0; i < size; i++) {
                dx[r * size + i] = Float.isNaN(x[r * size + i]) ? 0f : d[r * 2 * size + i];
            }
        }
    }

    @Override
    public int inputs() {
        return size;
    }

    @Override
    public int outputs() {
        return 2 * size;
    }

    @Override
    public Activation activation() {
        return Activation.IDENTITY;
    }

    @Override
    public List<Parameter> parameters() {
        return List.of();
    }

    @Override
    public String toString() {
        return "MaskFlags(" + size + " → " + size + " values with ? → 0 + " + size + " flags)";
    }
}
