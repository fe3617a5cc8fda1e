package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Convolution, max-pooling and up-sampling on cases worked by hand, and the convolution against a direct loop. */
class ConvolutionTest {
    private static final Layer.Scratch NONE = Layer.Scratch.NONE;
    private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    private static Conv2D conv(ImageShape in, int filters, Padding padding, float[] weights) {
        Conv2D c = Conv2D.of(in, filters, 3, padding, Activation.IDENTITY, "c");
        System.arraycopy(weights, 0, c.weights().value().data(), 0, weights.length);
        return c;
    }

    private static float[] forward(Conv2D c, float[] image) {
        Matrix out = Matrix.zeros(1, c.outputShape().size());
        c.forward(Matrix.wrap(1, image.length, image.clone()), out, c.scratch(8));
        return out.data();
    }

    @Test
    void allOnesKernelSumsEachNeighbourhoodOfA3x3Image() {
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        // out[y][x] = Σ of the 3×3 neighbourhood, zeros outside: corner 1+2+4+5 = 12, edge 1+2+3+4+5+6 = 21, centre 45
        assertArrayEquals(new float[] {12, 21, 16, 27, 45, 33, 24, 39, 28},
                forward(conv(new ImageShape(1, 3, 3), 1, Padding.SAME, ones), ONE_TO_NINE));
    }

    @Test
    void kernelIsCorrelatedNotFlipped() {
        // only tap (ky, kx) = (0, 0) is 1: out[y][x] = in[y − 1][x − 1], the image moved down-right
        float[] topLeft = new float[9];
        topLeft[0] = 1f;
        assertArrayEquals(new float[] {0, 0, 0, 0, 1, 2, 0, 4, 5},
                forward(conv(new ImageShape(1, 3, 3), 1, Padding.SAME, topLeft), ONE_TO_NINE));
    }

    @Test
    void biasIsAddedToEveryPixelOfItsFilterAndTheActivationApplied() {
        Conv2D c = Conv2D.of(new ImageShape(1, 3, 3), 2, 3, Padding.SAME, Activation.RELU, "c");
        c.weights().value().set(4, 0, 1f);   // filter 0: the centre tap, identity
        c.weights().value().set(4, 1, -1f);  // filter 1: minus the image
        c.bias().value().set(0, 0, 0.5f);
        c.bias().value().set(0, 1, 3.5f);
        float[] out = forward(c, ONE_TO_NINE);
        assertArrayEquals(new float[] {1.5f, 2.5f, 3.5f, 4.5f, 5.5f, 6.5f, 7.5f, 8.5f, 9.5f}, java.util.Arrays.copyOfRange(out, 0, 9));
        assertArrayEquals(new float[] {2.5f, 1.5f, 0.5f, 0, 0, 0, 0, 0, 0}, java.util.Arrays.copyOfRange(out, 9, 18));
    }

    @Test
    void validPaddingShrinks16x16To14x14AndSumsInteriorPatches() {
        Conv2D c = Conv2D.of(new ImageShape(2, 16, 16), 8, 3, Padding.VALID, Activation.IDENTITY, "c");
        assertEquals(new ImageShape(8, 14, 14), c.outputShape());
        float[] ones = new float[9];
        java.util.Arrays.fill(ones, 1f);
        Conv2D small = conv(new ImageShape(1, 4, 4), 1, Padding.VALID, ones);
        float[] image = new float[16];
        for (int i = 0; i < 16; i++) {
            image[i] = i;
        }
        // 3×3 patch sums of 0..15 laid out 4×4: top-left 0+1+2+4+5+6+8+9+10 = 45, each step right +9, down +36
        assertArrayEquals(new float[] {45, 54, 81, 90}, forward(small, image));
    }

    /** 4 filters on 3 channels unroll the input, 2 or 1 filters the output (see {@link Conv2D}): both must agree. */
    @ParameterizedTest(name = "{0} padding, {1} images in chunks of {2}, {3} filters")
    @CsvSource({"SAME, 5, 2, 4", "SAME, 3, 0, 4", "VALID, 5, 3, 4", "VALID, 1, 0, 4",
                "SAME, 5, 2, 2", "SAME, 3, 0, 1", "VALID, 5, 3, 2", "VALID, 1, 0, 1"})
    void unrolledProductEqualsADirectConvolution(Padding padding, int images, int chunk, int filters) {
        Rng rng = new Rng(3);
        ImageShape in = new ImageShape(3, 6, 5);
        Conv2D c = new Conv2D(in, filters, 3, padding, Activation.IDENTITY, "c", chunk);
        Init.uniform(1).fill(c.weights().value(), rng);
        Init.uniform(1).fill(c.bias().value(), rng);
        Matrix x = random(images, in.size(), rng);
        Matrix out = Matrix.zeros(images, c.outputShape().size());
        c.forward(x, out, c.scratch(8));
        Matrix expected = directConvolution(c, x);
        for (int i = 0; i < out.data().length; i++) {
            assertEquals(expected.data()[i], out.data()[i], 1e-4, "output value " + i);
        }
    }

    /** The defining sum of {@link Conv2D}'s Javadoc, in plain loops. */
    private static Matrix directConvolution(Conv2D c, Matrix x) {
        ImageShape in = c.inputShape();
        ImageShape out = c.outputShape();
        int p = c.padding().border(3);
        Matrix result = Matrix.zeros(x.rows(), out.size());
        for (int n = 0; n < x.rows(); n++) {
            for (int f = 0; f < out.channels(); f++) {
                for (int oy = 0; oy < out.height(); oy++) {
                    for (int ox = 0; ox < out.width(); ox++) {
                        double sum = c.bias().value().get(0, f);
                        for (int ch = 0; ch < in.channels(); ch++) {
                            for (int ky = 0; ky < 3; ky++) {
                                for (int kx = 0; kx < 3; kx++) {
                                    int iy = oy + ky - p;
                                    int ix = ox + kx - p;
                                    if (iy >= 0 && iy < in.height() && ix >= 0 && ix < in.width()) {
                                        sum += c.weights().value().get((ch * 3 + ky) * 3 + kx, f)
                                                * x.get(n, ch * in.plane() + iy * in.width() + ix);
                                    }
                                }
                            }
                        }
                        result.set(n, f * out.plane() + oy * out.width() + ox, (float) sum);
                    }
                }
            }
        }
        return result;
    }

    @Test
    void maxPoolingTakes7x7To4x4WithTheLastWindowCutByTheBorder() {
        MaxPool2D pool = MaxPool2D.of(new ImageShape(1, 7, 7), 2);
        assertEquals(new ImageShape(1, 4, 4), pool.outputShape());
        float[] image = new float[49];
        for (int i = 0; i < 49; i++) {
            image[i] = i; // in[y][x] = 7y + x: each window's maximum is its bottom-right pixel
        }
        Matrix out = Matrix.zeros(1, 16);
        pool.forward(Matrix.wrap(1, 49, image), out, NONE);
        assertArrayEquals(new float[] {8, 10, 12, 13, 22, 24, 26, 27, 36, 38, 40, 41, 43, 45, 47, 48}, out.data());
        // backward: each δ goes to its window's maximum; the 1-pixel windows of the last row/column route theirs too
        Matrix delta = Matrix.zeros(1, 16);
        for (int i = 0; i < 16; i++) {
            delta.data()[i] = i + 1;
        }
        Matrix dx = Matrix.zeros(1, 49);
        dx.fill(7f); // stale values must be overwritten
        pool.backward(Matrix.wrap(1, 49, image), null, delta, dx, NONE);
        float sum = 0;
        int nonzero = 0;
        for (float v : dx.data()) {
            sum += v;
            nonzero += v != 0 ? 1 : 0;
        }
        assertEquals(136f, sum, "Σ δ = 1 + … + 16");
        assertEquals(16, nonzero);
        assertEquals(1f, dx.get(0, 8));
        assertEquals(4f, dx.get(0, 13));
        assertEquals(16f, dx.get(0, 48));
    }

    @Test
    void maxPoolingPoolsEachChannelAndImageSeparatelyAndTiesGoToTheFirst() {
        MaxPool2D pool = MaxPool2D.of(new ImageShape(2, 2, 2), 2);
        Matrix x = Matrix.of(new float[][] {{1, 5, 5, 2, -4, -3, -2, -1}, {0, 0, 0, 0, 9, 1, 1, 1}});
        Matrix out = Matrix.zeros(2, 2);
        pool.forward(x, out, NONE);
        assertArrayEquals(new float[] {5, -1, 0, 9}, out.data());
        Matrix dx = Matrix.zeros(2, 8);
        pool.backward(x, null, Matrix.of(new float[][] {{1, 2}, {3, 4}}), dx, NONE);
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0, 0, 2, 3, 0, 0, 0, 4, 0, 0, 0}, dx.data());
    }

    @Test
    void upSamplingRepeatsPixelsIntoBlocksAndSumsTheBlocksBack() {
        UpSample2D up = UpSample2D.of(new ImageShape(1, 2, 2), 2);
        assertEquals(new ImageShape(1, 4, 4), up.outputShape());
        Matrix out = Matrix.zeros(1, 16);
        up.forward(Matrix.of(new float[][] {{1, 2, 3, 4}}), out, NONE);
        assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, out.data());
        Matrix delta = Matrix.zeros(1, 16);
        for (int i = 0; i < 16; i++) {
            delta.data()[i] = i;
        }
        Matrix dx = Matrix.zeros(1, 4);
        up.backward(Matrix.zeros(1, 4), null, delta, dx, NONE);
        // block sums of 0..15 laid out 4×4: 0+1+4+5, 2+3+6+7, 8+9+12+13, 10+11+14+15
        assertArrayEquals(new float[] {10, 18, 42, 50}, dx.data());
    }

    /**
     * A batch large enough to be pooled and up-sampled in two halves on two threads gives, image by image, what each
     * image gives alone (one pass, no hand-over) and what a plain reference loop gives: the first maximum in row-major
     * order (values from five levels, so windows hold ties), δ routed to it, and block sums added in the same order.
     */
    @ParameterizedTest
    @CsvSource({"3, 28, 28, 2", "2, 7, 7, 2", "2, 9, 9, 3", "1, 6, 5, 2"})
    void poolingAndUpSamplingOfABigBatchEqualEachImageAloneAndAReferenceLoop(int channels, int height, int width,
                                                                                  int size) {
        ImageShape shape = new ImageShape(channels, height, width);
        MaxPool2D pool = MaxPool2D.of(shape, size);
        UpSample2D up = UpSample2D.of(pool.outputShape(), size);
        int images = Lanes.HALVES_FROM / shape.size() + 3;
        Rng rng = new Rng(8);
        Matrix x = Matrix.zeros(images, shape.size());
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = rng.nextInt(5) - 2;
        }
        Matrix delta = Matrix.zeros(images, pool.outputs());
        for (int i = 0; i < delta.data().length; i++) {
            delta.data()[i] = rng.nextFloat() - 0.5f;
        }
        Matrix pooled = Matrix.zeros(images, pool.outputs());
        Matrix routed = Matrix.zeros(images, pool.inputs());
        pool.forward(x, pooled, pool.scratch(images));
        pool.backward(x, pooled, delta, routed, pool.scratch(images));
        Matrix upsampled = Matrix.zeros(images, up.outputs());
        Matrix summed = Matrix.zeros(images, up.inputs());
        up.forward(pooled, upsampled, up.scratch(images));
        up.backward(pooled, upsampled, upsampled, summed, up.scratch(images));

        int oh = pool.outputShape().height();
        int ow = pool.outputShape().width();
        for (int n = 0; n < images; n++) {
            Matrix alone = Matrix.zeros(1, pool.outputs());
            pool.forward(Matrix.wrap(1, shape.size(), java.util.Arrays.copyOfRange(x.data(), n * shape.size(),
                    (n + 1) * shape.size())), alone, Layer.Scratch.NONE);
            for (int c = 0; c < channels; c++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int best = -1;
                        float max = 0;
                        for (int y = oy * size; y < Math.min(oy * size + size, height); y++) {
                            for (int xx = ox * size; xx < Math.min(ox * size + size, width); xx++) {
                                float v = x.get(n, c * height * width + y * width + xx);
                                if (best < 0 || v > max) {
                                    best = c * height * width + y * width + xx;
                                    max = v;
                                }
                            }
                        }
                        int at = c * oh * ow + oy * ow + ox;
                        assertEquals(max, pooled.get(n, at), "image " + n + " window " + at);
                        assertEquals(max, alone.get(0, at), "image " + n + " alone, window " + at);
                        assertEquals(delta.get(n, at), routed.get(n, best), "image " + n + " δ of window " + at);
                        float blockSum = 0;
                        for (int i = 0; i < size; i++) {
                            for (int j = 0; j < size; j++) {
                                blockSum += upsampled.get(n, c * oh * size * ow * size + (oy * size + i) * ow * size
                                        + ox * size + j);
                            }
                        }
                        assertEquals(blockSum, summed.get(n, at), "image " + n + " block sum " + at);
                    }
                }
            }
        }
    }

    @Test
    void theTableOfTheConvolutionalAutoencoderHasTheSourcesShapes() {
        ImageShape s = new ImageShape(1, 28, 28);
        Conv2D c1 = Conv2D.of(s, 16, 3, Padding.SAME, Activation.RELU, "c1");
        MaxPool2D p1 = MaxPool2D.of(c1.outputShape(), 2);
        Conv2D c2 = Conv2D.of(p1.outputShape(), 8, 3, Padding.SAME, Activation.RELU, "c2");
        MaxPool2D p2 = MaxPool2D.of(c2.outputShape(), 2);
        Conv2D c3 = Conv2D.of(p2.outputShape(), 8, 3, Padding.SAME, Activation.RELU, "c3");
        MaxPool2D p3 = MaxPool2D.of(c3.outputShape(), 2);
        assertEquals(new ImageShape(8, 4, 4), p3.outputShape(), "the code");
        UpSample2D u2 = UpSample2D.of(new ImageShape(8, 8, 8), 2);
        Conv2D d3 = Conv2D.of(u2.outputShape(), 16, 3, Padding.VALID, Activation.RELU, "d3");
        assertEquals(new ImageShape(16, 14, 14), d3.outputShape());
        assertEquals(new ImageShape(16, 28, 28), UpSample2D.of(d3.outputShape(), 2).outputShape());
        assertEquals("Conv2D(1×28×28 → 16×28×28, 3×3 same, relu)", c1.toString());
        assertEquals("MaxPool2D(8×7×7 → 8×4×4, 2×2)", p3.toString());
        assertEquals("UpSample2D(8×4×4 → 8×8×8, ×2)", UpSample2D.of(p3.outputShape(), 2).toString());
    }

    @Test
    void filterCopyReadsOneColumnOfTheWeights() {
        Conv2D c = Conv2D.of(new ImageShape(1, 5, 5), 2, 3, Padding.SAME, Activation.RELU, "c");
        for (int t = 0; t < 9; t++) {
            c.weights().value().set(t, 1, t);
        }
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, c.filterCopy(1).data());
        assertThrows(IllegalArgumentException.class, () -> c.filterCopy(2));
    }

    @Test
    void badShapesAndArgumentsAreNamed() {
        assertMessage("image channels must be positive, got 0", () -> new ImageShape(0, 28, 28));
        assertMessage("image height must be positive, got -1", () -> new ImageShape(1, -1, 28));
        assertMessage("image width must be positive, got 0", () -> new ImageShape(1, 28, 0));
        ImageShape s = new ImageShape(1, 28, 28);
        assertMessage("layer c1 filters must be positive, got 0", () -> Conv2D.of(s, 0, 3, Padding.SAME, Activation.RELU, "c1"));
        assertMessage("layer c1 kernel size must be odd and positive (3 for 3×3), got 2",
                () -> Conv2D.of(s, 8, 2, Padding.SAME, Activation.RELU, "c1"));
        assertMessage("layer c1 with 'valid' padding needs images of at least 3×3 for a 3×3 kernel, got 2×5",
                () -> Conv2D.of(new ImageShape(1, 2, 5), 8, 3, Padding.VALID, Activation.RELU, "c1"));
        assertMessage("layer c1: input shape, padding and activation must not be null, got 1×28×28, null, relu",
                () -> Conv2D.of(s, 8, 3, null, Activation.RELU, "c1"));
        assertMessage("max-pooling window size must be positive (2 for 2×2), got 0", () -> MaxPool2D.of(s, 0));
        assertMessage("up-sampling factor must be positive (2 doubles height and width), got -2", () -> UpSample2D.of(s, -2));
        Conv2D c = Conv2D.of(s, 4, 3, Padding.SAME, Activation.RELU, "c1");
        assertMessage("x must have 784 columns (one 1×28×28 image per row), got 2x785",
                () -> c.forward(Matrix.zeros(2, 785), Matrix.zeros(2, 4 * 784), c.scratch(2)));
        assertMessage("out must have 3136 columns (one 4×28×28 image per row), got 2x784",
                () -> c.forward(Matrix.zeros(2, 784), Matrix.zeros(2, 784), c.scratch(2)));
        assertMessage("out must have one row per image of x (2), got 3x3136",
                () -> c.forward(Matrix.zeros(2, 784), Matrix.zeros(3, 4 * 784), c.scratch(2)));
        assertMessage("deltaInput must be 2x784, got 1x784",
                () -> c.backward(Matrix.zeros(2, 784), null, Matrix.zeros(2, 4 * 784), Matrix.zeros(1, 784), c.scratch(2)));
        MaxPool2D pool = MaxPool2D.of(new ImageShape(2, 7, 7), 2);
        assertMessage("delta must have 32 columns (one 2×4×4 image per row), got 1x98",
                () -> pool.backward(Matrix.zeros(1, 98), null, Matrix.zeros(1, 98), Matrix.zeros(1, 98), NONE));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(expected, e.getMessage());
    }

    static Matrix random(int rows, int cols, Rng rng) {
        Matrix m = Matrix.zeros(rows, cols);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = (float) rng.uniform(-1, 1);
        }
        assertTrue(m.data().length > 0);
        return m;
    }
}
