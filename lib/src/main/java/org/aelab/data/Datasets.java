package org.aelab.data;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;

/** The small data sets of the exercises, each a new matrix with one pattern per row. */
public final class Datasets {
    private Datasets() {
    }

    /** The n one-hot vectors of length n: the rows of the n×n identity (000_fa578f4f1251678e.txt). */
    public static Matrix oneHot(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("one-hot size n must be positive, got " + n);
        }
        Matrix m = Matrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            m.set(i, i, 1f);
        }
        return m;
    }

    /**
     * The five 3×3 binary patterns x1..x5 of 003_06d01c1066b95d79.txt (Q1), each flattened row by row
     * into 9 values: a top bar, a left bar, the anti-diagonal, the diagonal, and an L.
     */
    public static Matrix binaryPatterns3x3() {
        return Matrix.of(new float[][] {
            {1, 1, 1, 0, 0, 0, 0, 0, 0},
            {1, 0, 0, 1, 0, 0, 1, 0, 0},
            {0, 0, 1, 0, 1, 0, 1, 0, 0},
            {1, 0, 0, 0, 1, 0, 0, 0, 1},
            {1, 0, 0, 1, 0, 0, 1, 1, 1},
        });
    }

    /** {@code count} images of height×width pixels, each pixel uniform in [0, 1), flattened row by row (003, Q2). */
    public static Matrix randomImages(int count, int height, int width, long seed) {
        if (count <= 0) {
            throw new IllegalArgumentException("image count must be positive, got " + count);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image height and width must be positive, got " + height + "x" + width);
        }
        Rng rng = new Rng(seed);
        Matrix m = Matrix.zeros(count, height * width);
        float[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rng.nextFloat();
        }
        return m;
    }

    /** Labels 0..classes-1 as one-hot rows. */
    public static Matrix oneHotLabels(int[] labels, int classes) {
        if (classes <= 0) {
            throw new IllegalArgumentException("classes must be positive, got " + classes);
        }
        Matrix m = Matrix.zeros(labels.length, classes);
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0.." + (classes - 1));
            }
            m.set(i, labels[i], 1f);
        }
        return m;
    }
}
