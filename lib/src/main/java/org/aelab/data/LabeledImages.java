package org.aelab.data;

import java.util.Arrays;
import org.aelab.tensor.Matrix;

/** Images (one per row, pixels in [0, 1]) with their class labels. Immutable by convention: subsets are copies. */
public record LabeledImages(Matrix images, int[] labels, int height, int width) {

    public LabeledImages {
        if (images.rows() != labels.length) {
            throw new IllegalArgumentException("labels must have one entry per image (" + images.rows() + "), got " + labels.length);
        }
        if (height * width != images.cols()) {
            throw new IllegalArgumentException("height x width must equal the image length " + images.cols() + ", got " + height + "x" + width);
        }
    }

    public int size() {
        return labels.length;
    }

    /** The first {@code n} images and labels, as copies. */
    public LabeledImages first(int n) {
        if (n <= 0 || n > size()) {
            throw new IllegalArgumentException("subset size n must be in 1.." + size() + ", got " + n);
        }
        return new LabeledImages(images.rowRangeCopy(0, n), Arrays.copyOf(labels, n), height, width);
    }

    /** The labels as one-hot rows over {@code classes} classes. */
    public Matrix oneHotLabels(int classes) {
        return Datasets.oneHotLabels(labels, classes);
    }

    @Override
    public String toString() {
        return "LabeledImages[" + size() + " images " + height + "x" + width + "]";
    }
}
