package org.aelab.nn;

import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * The input of 004_1238e059b100867a.txt's first parameterisation of a masked autoencoder (Eq. 16.1, E(x) = A·x):
 * "we simply change the masked part of x into value 0. This approach is like adding a dropout layer before the
 * Encoder layer. So, just like dropout layer, we need to compensate … if we randomly drop inputs by probability
 * 1 − p, we need to multiply the transformation matrix A by 1/p". This parameter-free layer writes 0 for each "?"
 * ({@link PixelMask#UNKNOWN}) and x/p for each kept input, which is A·x with A multiplied by 1/p. With p = 1 it is
 * a plain zero fill, and rows without "?" pass unchanged apart from the 1/p.
 */
public final class ZeroFill implements Layer {
    private final int size;
    private final double keepProbability;

    /** {@code keepProbability} p in (0, 1]: kept inputs are multiplied by 1/p; p = 1 fills with 0 only. */
    public ZeroFill(int size, double keepProbability) {
        if (size <= 0) {
            throw new IllegalArgumentException("zero fill size must be positive, got " + size);
        }
        if (!(keepProbability > 0 && keepProbability <= 1)) {
            throw new IllegalArgumentException("keep probability p must be in (0, 1] (kept inputs are scaled by 1/p), got " + keepProbability);
        }
        this.size = size;
        this.keepProbability = keepProbability;
    }

    @Override
    public void forward(Matrix input, Matrix output, Scratch scratch) {
        float[] x = input.data();
        float[] y = output.data();
        float scale = (float) (1 / keepProbability);
        for (int i = 0; i < input.rows() * size; i++) {
            y[i] = Float.isNaN(x[i]) ? 0f : x[i] * scale;
        }
    }

    /** ∂E/∂x = δ/p at kept inputs, 0 at "?" (nothing flows to an unknown). */
    @Override
    public void backward(Matrix input, Matrix output, Matrix delta, Matrix deltaInput, Scratch scratch) {
        if (deltaInput == null) {
            return;
        }
        float[] x = input.data();
        float[] d = delta.data();
        float[] dx = deltaInput.data();
        float scale = (float) (1 / keepProbability);
        for (int i = 0; i < input.rows() * size; i++) {
            dx[i] = Float.isNaN(x[i]) ? 0f : d[i] * scale;
        }
    }

    public double keepProbability() {
        return keepProbability;
    }

    @Override
    public int inputs() {
        return size;
    }

    @Override
    public int outputs() {
        return size;
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
        return keepProbability == 1 ? "ZeroFill(" + size + ", ? → 0)" : String.format("ZeroFill(%d, ? → 0, kept × 1/p, p=%.4g)", size, keepProbability);
    }
}
