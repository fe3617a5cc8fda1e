package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

class PixelMaskTest {

    private static Matrix distinct(int rows, int cols) {
        Matrix x = Matrix.zeros(rows, cols);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = 1 + i % 7;
        }
        return x;
    }

    @Test
    void randomMaskHidesPixelsAtItsRateAndKeepsTheOthers() {
        Matrix clean = distinct(200, 784);
        Matrix out = Matrix.zeros(200, 784);
        PixelMask.random(28, 28, 0.25).corrupt(clean, out, new Rng(3));
        int hidden = 0;
        for (int i = 0; i < out.data().length; i++) {
            if (Float.isNaN(out.data()[i])) {
                hidden++;
            } else {
                assertEquals(clean.data()[i], out.data()[i], "kept pixel " + i);
            }
        }
        double n = out.data().length;
        double sigma = Math.sqrt(n * 0.25 * 0.75);
        assertTrue(Math.abs(hidden - 0.25 * n) < 4 * sigma, "hidden " + hidden + " of " + n + ", expected a quarter");
        assertEquals(hidden, (long) PixelMask.missing(out).sum(), "missing() marks every ?");
    }

    @Test
    void blockMaskHidesOneQuadrantPerImageAndEveryQuadrantOccurs() {
        Matrix clean = distinct(400, 784);
        Matrix out = Matrix.zeros(400, 784);
        PixelMask.block(28, 28, 14).corrupt(clean, out, new Rng(4));
        int[] seen = new int[4];
        for (int r = 0; r < 400; r++) {
            int count = 0;
            int first = -1;
            for (int i = 0; i < 784; i++) {
                if (Float.isNaN(out.get(r, i))) {
                    count++;
                    first = first < 0 ? i : first;
                }
            }
            assertEquals(196, count, "image " + r + " misses one 14 × 14 block");
            int top = first / 28;
            int left = first % 28;
            assertTrue((top == 0 || top == 14) && (left == 0 || left == 14), "block starts at a quadrant corner, got " + top + ", " + left);
            for (int y = top; y < top + 14; y++) {
                for (int x = left; x < left + 14; x++) {
                    assertTrue(Float.isNaN(out.get(r, y * 28 + x)), "pixel (" + y + ", " + x + ") of the block is ?");
                }
            }
            seen[(top / 14) * 2 + left / 14]++;
        }
        for (int q = 0; q < 4; q++) {
            assertTrue(seen[q] > 50, "quadrant " + q + " chosen " + seen[q] + " times of 400");
        }
    }

    @Test
    void keepProbabilityIsTheExpectedFractionKept() {
        assertEquals(0.75, PixelMask.random(28, 28, 0.25).keepProbability(), 1e-12);
        assertEquals(0.75, PixelMask.block(28, 28, 14).keepProbability(), 1e-12);
        assertEquals(1 - (0.5 * 0.25 + 0.5 * 0.1), new PixelMask(28, 28, 0.1, 14, 0.5).keepProbability(), 1e-12);
        Matrix out = Matrix.zeros(2000, 784);
        PixelMask mixed = new PixelMask(28, 28, 0.1, 14, 0.5);
        mixed.corrupt(distinct(2000, 784), out, new Rng(9));
        double kept = 1 - PixelMask.missing(out).mean();
        assertEquals(mixed.keepProbability(), kept, 0.01, "measured fraction kept");
    }

    @Test
    void filledReplacesEachUnknownByItsColumnsValue() {
        Matrix masked = Matrix.of(new float[][] {{Float.NaN, 0.5f}, {0.25f, Float.NaN}});
        Matrix filled = PixelMask.filled(masked, Matrix.of(new float[][] {{7f, 9f}}));
        assertTrue(filled.sameValues(Matrix.of(new float[][] {{7f, 0.5f}, {0.25f, 9f}})), "got " + filled);
        assertTrue(Float.isNaN(masked.get(0, 0)), "the masked input is left alone");
        Matrix inpainted = PixelMask.inpainted(masked, Matrix.of(new float[][] {{1f, 2f}, {3f, 4f}}));
        assertTrue(inpainted.sameValues(Matrix.of(new float[][] {{1f, 0.5f}, {0.25f, 4f}})), "observed pixels kept, ? from the model: got " + inpainted);
    }

    @Test
    void errorOnMissingCountsOnlyTheUnknownPixels() {
        Matrix clean = Matrix.of(new float[][] {{1f, 0f, 0.5f}, {0f, 1f, 1f}});
        Matrix masked = Matrix.of(new float[][] {{Float.NaN, 0f, 0.5f}, {0f, 1f, Float.NaN}});
        Matrix reconstruction = Matrix.of(new float[][] {{0.5f, 0.9f, 0.9f}, {0.9f, 0.9f, 0f}});
        // the ? pixels: (0, 0) off by 0.5 and (1, 2) off by 1; the others' large errors do not count
        assertEquals((0.25 + 1) / 2, PixelMask.errorOnMissing(reconstruction, clean, masked), 1e-7);
        assertEquals("masked has no \"?\" pixel, so there is no error on missing pixels to measure",
                assertThrows(IllegalArgumentException.class, () -> PixelMask.errorOnMissing(clean, clean, clean)).getMessage());
    }

    @Test
    void badParametersAreNamed() {
        assertEquals("mask rate must be in [0, 1) (the fraction of pixels made \"?\"), got 1.0",
                assertThrows(IllegalArgumentException.class, () -> PixelMask.random(28, 28, 1.0)).getMessage());
        assertEquals("block side must be in 1..28 for 28 × 28 images, got 30",
                assertThrows(IllegalArgumentException.class, () -> PixelMask.block(28, 28, 30)).getMessage());
        assertEquals("block fraction must be in [0, 1] (the share of images with a missing block), got -0.5",
                assertThrows(IllegalArgumentException.class, () -> new PixelMask(28, 28, 0.1, 14, -0.5)).getMessage());
        assertEquals("image width and height must be positive, got 0 × 28",
                assertThrows(IllegalArgumentException.class, () -> PixelMask.random(0, 28, 0.1)).getMessage());
        assertEquals("images must have width × height = 784 pixels a row, got 2x10",
                assertThrows(IllegalArgumentException.class,
                        () -> PixelMask.random(28, 28, 0.1).corrupt(Matrix.zeros(2, 10), Matrix.zeros(2, 10), new Rng(1))).getMessage());
        assertEquals("fill row must be 1 × 2, got 1x3",
                assertThrows(IllegalArgumentException.class, () -> PixelMask.filled(Matrix.zeros(2, 2), Matrix.zeros(1, 3))).getMessage());
        assertEquals("keep probability p must be in (0, 1] (kept inputs are scaled by 1/p), got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new ZeroFill(4, 0)).getMessage());
        assertEquals("least-squares encoder needs dim(l) < dim(x) (Eq. 16.2's first case), got code 4 for 4 inputs",
                assertThrows(IllegalArgumentException.class, () -> new LeastSquaresTied(4, 4, 0.1, "b")).getMessage());
        assertEquals("ridge lambda must be finite and >= 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> new LeastSquaresTied(4, 2, -1, "b")).getMessage());
        assertEquals("encoder steps d must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> new IterativeTied(4, 2, 0, 0.1, "b")).getMessage());
        assertEquals("encoder step size eta must be finite and > 0, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new IterativeTied(4, 2, 3, Double.NaN, "b")).getMessage());
        assertEquals("mask flags size must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> new MaskFlags(0)).getMessage());
        assertEquals("zero fill size must be positive, got -3",
                assertThrows(IllegalArgumentException.class, () -> new ZeroFill(-3, 1)).getMessage());
    }
}
