package org.aelab.nn;

import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;

/**
 * How {@link Conv2D} turns the convolution of a chunk of images into matrix products, unrolling the side with fewer
 * channels: the input ({@link ConvByInputPatches}, F ≥ C) or the output ({@link ConvByOutputTaps}, F &lt; C). One per
 * layer, holding only its configuration; the products work in a lane's {@link ConvChunk}, and the weights they
 * multiply by are made once per pass by {@link #multipliedWeights} (W itself, or W regrouped).
 */
abstract sealed class ConvUnrolling permits ConvByInputPatches, ConvByOutputTaps {
    static final Gemm GEMM = Gemm.standard();

    /** The unrolled side: its taps × positions per image are a chunk's columns. */
    final Im2Col unroll;
    /** Rows of a chunk's planes: F when the input is unrolled, C when the output is. */
    private final int planeRows;
    final ImageShape input;
    final ImageShape output;
    final Parameter weights;
    final Parameter bias;

    ConvUnrolling(Im2Col unroll, int planeRows, ImageShape input, ImageShape output, Parameter weights, Parameter bias) {
        this.unroll = unroll;
        this.planeRows = planeRows;
        this.input = input;
        this.output = output;
        this.weights = weights;
        this.bias = bias;
    }

    /** Floats of unrolled columns one image needs, to size the chunks. */
    int columnsPerImage() {
        return unroll.taps() * unroll.positions();
    }

    /** One lane's buffers for chunks of up to {@code images} images; the gradient partial is taps × plane rows. */
    ConvChunk chunk(int images) {
        return new ConvChunk(images, unroll.taps(), planeRows, unroll.positions());
    }

    /** A buffer for {@link #multipliedWeights}, made once per scratch; null when W is multiplied as stored. */
    abstract Matrix newWeightBuffer();

    /** The weights as the products read them, refreshed at the start of each pass (into {@code buffer} if needed). */
    abstract Matrix multipliedWeights(Matrix buffer);

    /** z[n] + b for images {@code first .. first + images − 1} of {@code x}, into the same rows of {@code out}. */
    abstract void forward(Matrix x, Matrix out, Matrix w, ConvChunk chunk, int first, int images);

    /**
     * For the same images: the lane's part of ∂E/∂W into {@code chunk.gradient} (in the unrolling's layout), and
     * ∂E/∂x into their rows of {@code deltaInput} when it is not null.
     */
    abstract void backward(Matrix x, Matrix delta, Matrix deltaInput, Matrix w, ConvChunk chunk, int first, int images);

    /** ∂E/∂W += one lane's gradient partial, read back from the unrolling's layout. */
    abstract void addWeightGradient(Matrix partial);
}
