package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * The shape of one image, channels × height × width (C×H×W). A batch of N images is an N × (C·H·W)
 * {@link Matrix}, one image per row: its C channel planes one after another, each plane row-major, so pixel
 * (c, y, x) of image n is at column c·H·W + y·W + x of row n (PyTorch's N×C×H×W order).
 */
public record ImageShape(int channels, int height, int width) {

    public ImageShape {
        if (channels <= 0) {
            throw new IllegalArgumentException("image channels must be positive, got " + channels);
        }
        if (height <= 0) {
            throw new IllegalArgumentException("image height must be positive, got " + height);
        }
        if (width <= 0) {
            throw new IllegalArgumentException("image width must be positive, got " + width);
        }
        Math.multiplyExact(Math.multiplyExact(channels, height), width);
    }

    /** Values per image, C·H·W: the columns of a batch. */
    public int size() {
        return channels * height * width;
    }

    /** Pixels per channel, H·W. */
    public int plane() {
        return height * width;
    }

    /** Throws unless {@code images} has one image of this shape per row; {@code name} names it in the message. */
    public void requireImages(String name, Matrix images) {
        if (images.cols() != size()) {
            throw new IllegalArgumentException(name + " must have " + size() + " columns (one " + this
                    + " image per row), got " + images.shape());
        }
    }

    /** Throws unless {@code in} holds images of shape {@code inShape} and {@code out} as many of shape {@code outShape}. */
    static void requireBatches(ImageShape inShape, String inName, Matrix in, ImageShape outShape, String outName, Matrix out) {
        inShape.requireImages(inName, in);
        outShape.requireImages(outName, out);
        if (out.rows() != in.rows()) {
            throw new IllegalArgumentException(outName + " must have one row per image of " + inName + " (" + in.rows()
                    + "), got " + out.shape());
        }
    }

    @Override
    public String toString() {
        return channels + "×" + height + "×" + width;
    }
}
