package org.aelab.nn;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;

/**
 * Masking for a masked autoencoder (004_1238e059b100867a.txt §16.2.3): some pixels of each image become the
 * unknown symbol "?" — here {@link #UNKNOWN}, NaN — so that a layer that reads the input (see {@link ZeroFill},
 * {@link MaskFlags}, {@link LeastSquaresTied}, {@link IterativeTied}) knows which pixels are missing. The notes'
 * x′ = [x₁, ?, x₃, x₄, ?]ᵀ is exactly such a row.
 *
 * <p>Each image (a row of width × height pixels), independently, gets with probability {@code blockFraction} a
 * missing block — a side × side square at a random position on the grid of multiples of side (for side 14 on
 * 28 × 28: one of the four quadrants) — and otherwise a random pixel mask, each pixel missing with probability
 * {@code rate}.
 */
public record PixelMask(int width, int height, double rate, int side, double blockFraction) implements Corruption {
    /** The "?" of the notes: a missing pixel. */
    public static final float UNKNOWN = Float.NaN;

    public PixelMask {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image width and height must be positive, got " + width + " × " + height);
        }
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("mask rate must be in [0, 1) (the fraction of pixels made \"?\"), got " + rate);
        }
        if (side < 1 || side > width || side > height) {
            throw new IllegalArgumentException("block side must be in 1.." + Math.min(width, height) + " for "
                    + width + " × " + height + " images, got " + side);
        }
        if (!(blockFraction >= 0 && blockFraction <= 1)) {
            throw new IllegalArgumentException("block fraction must be in [0, 1] (the share of images with a missing block), got " + blockFraction);
        }
    }

    /** Every pixel missing with probability {@code rate}, independently. */
    public static PixelMask random(int width, int height, double rate) {
        return new PixelMask(width, height, rate, 1, 0);
    }

    /** A missing side × side block on the grid of multiples of side in every image. */
    public static PixelMask block(int width, int height, int side) {
        return new PixelMask(width, height, 0, side, 1);
    }

    /** The expected fraction p of pixels kept: the notes' p in "drop inputs by probability 1 − p". */
    public double keepProbability() {
        double blockShare = (double) side * side / (width * height);
        return 1 - (blockFraction * blockShare + (1 - blockFraction) * rate);
    }

    @Override
    public void corrupt(Matrix clean, Matrix out, Rng rng) {
        clean.requireSameShape("out", out);
        if (clean.cols() != width * height) {
            throw new IllegalArgumentException("images must have width × height = " + width * height + " pixels a row, got " + clean.shape());
        }
        for (int r = 0; r < clean.rows(); r++) {
            int base = r * clean.cols();
            System.arraycopy(clean.data(), base, out.data(), base, clean.cols());
            if (blockFraction > 0 && rng.nextFloat() < blockFraction) {
                hideBlock(out.data(), base, rng);
            } else {
                hideRandomPixels(out.data(), base, rng);
            }
        }
    }

    private void hideRandomPixels(float[] o, int base, Rng rng) {
        for (int i = 0; i < width * height; i++) {
            if (rng.nextFloat() < rate) {
                o[base + i] = UNKNOWN;
            }
        }
    }

    private void hideBlock(float[] o, int base, Rng rng) {
        int top = side * rng.nextInt(height / side);
        int left = side * rng.nextInt(width / side);
        for (int y = top; y < top + side; y++) {
            for (int x = left; x < left + side; x++) {
                o[base + y * width + x] = UNKNOWN;
            }
        }
    }

    /** 1 where {@code masked} holds "?", 0 elsewhere: the pixels a model must recover. */
    public static Matrix missing(Matrix masked) {
        Matrix out = Matrix.zeros(masked.rows(), masked.cols());
        float[] x = masked.data();
        for (int i = 0; i < x.length; i++) {
            out.data()[i] = Float.isNaN(x[i]) ? 1f : 0f;
        }
        return out;
    }

    /**
     * The mean squared error of {@code reconstruction} against {@code clean} on the pixels that are "?" in
     * {@code masked} only: how well a model recovers what it did not see.
     */
    public static double errorOnMissing(Matrix reconstruction, Matrix clean, Matrix masked) {
        masked.requireSameShape("clean", clean);
        Matrix missing = missing(masked);
        if (missing.sum() == 0) {
            throw new IllegalArgumentException("masked has no \"?\" pixel, so there is no error on missing pixels to measure");
        }
        return Matrix.meanSquaredError(reconstruction, clean, missing);
    }

    /** A copy of {@code masked} with every "?" replaced by the model's value there: the inpainted image. */
    public static Matrix inpainted(Matrix masked, Matrix reconstruction) {
        masked.requireSameShape("reconstruction", reconstruction);
        Matrix out = masked.copy();
        float[] o = out.data();
        for (int i = 0; i < o.length; i++) {
            if (Float.isNaN(o[i])) {
                o[i] = reconstruction.data()[i];
            }
        }
        return out;
    }

    /** A copy of {@code masked} with every "?" replaced by that column's value in {@code fillRow} (1 × cols). */
    public static Matrix filled(Matrix masked, Matrix fillRow) {
        if (fillRow.rows() != 1 || fillRow.cols() != masked.cols()) {
            throw new IllegalArgumentException("fill row must be 1 × " + masked.cols() + ", got " + fillRow.shape());
        }
        Matrix out = masked.copy();
        float[] o = out.data();
        for (int i = 0; i < o.length; i++) {
            if (Float.isNaN(o[i])) {
                o[i] = fillRow.data()[i % masked.cols()];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        if (blockFraction == 0) {
            return "pixelMask(random, rate=" + rate + ")";
        }
        if (blockFraction == 1) {
            return "pixelMask(block " + side + "×" + side + ")";
        }
        return "pixelMask(block " + side + "×" + side + " in " + blockFraction + " of images, else random rate=" + rate + ")";
    }
}
