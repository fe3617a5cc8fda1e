package org.aelab.model;

import java.util.ArrayList;
import java.util.List;
import org.aelab.nn.Activation;
import org.aelab.nn.Conv2D;
import org.aelab.nn.Corruption;
import org.aelab.nn.ImageShape;
import org.aelab.nn.Layer;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Loss;
import org.aelab.nn.MaxPool2D;
import org.aelab.nn.Objective;
import org.aelab.nn.Padding;
import org.aelab.nn.Reduction;
import org.aelab.nn.UpSample2D;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.Trainable;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A convolutional autoencoder: convolutions, max-pooling and up-sampling on one C×H×W image a row, trained to give
 * back the clean image from a (corrupted) input, with BCE averaged over pixels and images (Keras's
 * {@code binary_crossentropy}). {@link #kerasDenoiser} builds the network of 002_30a0b8d3c8338d16.txt's
 * "Convolutional AE" slide.
 */
public final class ConvAutoencoder implements Trainable {

    /** How the convolutions' weights and biases start. */
    public enum WeightStart {
        /** Keras's Conv2D default: Glorot uniform, a = √(6 / (C·k·k + F·k·k)), biases 0. */
        KERAS("Keras (Glorot uniform, biases 0)"),
        /** PyTorch's Conv2d default: weights and biases uniform in ±1/√(C·k·k). */
        PYTORCH("PyTorch (uniform ±1/√fan-in, weights and biases)");

        private final String label;

        WeightStart(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final LayerStack layers;
    private final int codeLayer;
    private final Objective objective;
    private final Corruption corruption;
    private final WeightStart start;
    private final long seed;

    private ConvAutoencoder(LayerStack layers, int codeLayer, Corruption corruption, WeightStart start, long seed) {
        this.layers = layers;
        this.codeLayer = codeLayer;
        this.objective = Objective.of(Loss.bce(Reduction.MEAN));
        this.corruption = corruption;
        this.start = start;
        this.seed = seed;
        fillWeights(layers, start, seed);
    }

    /**
     * The layer table of 002_30a0b8d3c8338d16.txt's "Convolutional AE" slide, for 28×28 grey images: encoder conv 16 →
     * pool → conv 8 → pool → conv 8 → pool (the 4×4×8 code; 7×7 pools to 4×4, Keras's 'same' pooling); decoder
     * conv 8 → up → conv 8 → up → conv 16 'valid' (16×16 → 14×14) → up → conv 1. Every convolution is 3×3, ReLU but
     * the last, which is sigmoid.
     *
     * @param noise the corruption of the training inputs (002's "noise factor 0.5": {@code Corruption.clippedGaussian(0.5)}),
     *              or null for a plain autoencoder
     */
    public static ConvAutoencoder kerasDenoiser(Corruption noise, WeightStart start, long seed) {
        if (start == null) {
            throw new IllegalArgumentException("weight start must be WeightStart.KERAS or WeightStart.PYTORCH, got null");
        }
        Activation relu = Activation.RELU;
        Conv2D e1 = Conv2D.of(new ImageShape(1, 28, 28), 16, 3, Padding.SAME, relu, "e1");
        MaxPool2D p1 = MaxPool2D.of(e1.outputShape(), 2);                                   // 16×14×14
        Conv2D e2 = Conv2D.of(p1.outputShape(), 8, 3, Padding.SAME, relu, "e2");
        MaxPool2D p2 = MaxPool2D.of(e2.outputShape(), 2);                                   // 8×7×7
        Conv2D e3 = Conv2D.of(p2.outputShape(), 8, 3, Padding.SAME, relu, "e3");
        MaxPool2D code = MaxPool2D.of(e3.outputShape(), 2);                                 // 8×4×4
        Conv2D d1 = Conv2D.of(code.outputShape(), 8, 3, Padding.SAME, relu, "d1");
        UpSample2D u1 = UpSample2D.of(d1.outputShape(), 2);                                 // 8×8×8
        Conv2D d2 = Conv2D.of(u1.outputShape(), 8, 3, Padding.SAME, relu, "d2");
        UpSample2D u2 = UpSample2D.of(d2.outputShape(), 2);                                 // 8×16×16
        Conv2D d3 = Conv2D.of(u2.outputShape(), 16, 3, Padding.VALID, relu, "d3");           // 16×14×14
        UpSample2D u3 = UpSample2D.of(d3.outputShape(), 2);                                 // 16×28×28
        Conv2D d4 = Conv2D.of(u3.outputShape(), 1, 3, Padding.SAME, Activation.SIGMOID, "d4");
        LayerStack stack = new LayerStack(List.of(e1, p1, e2, p2, e3, code, d1, u1, d2, u2, d3, u3, d4));
        return new ConvAutoencoder(stack, 5, noise, start, seed);
    }

    /**
     * Fills every convolution from one random stream seeded with {@code seed}, layer by layer, weights then bias.
     * Keras's Glorot bound counts the receptive field on both sides: fan-in C·k·k (the weight matrix's rows) and
     * fan-out F·k·k.
     */
    private static void fillWeights(LayerStack stack, WeightStart start, long seed) {
        Rng rng = new Rng(seed);
        for (Layer layer : stack.layers()) {
            if (layer instanceof Conv2D conv) {
                Matrix w = conv.weights().value();
                Matrix b = conv.bias().value();
                int fanIn = w.rows();
                int taps = conv.kernel() * conv.kernel();
                if (start == WeightStart.KERAS) {
                    fillUniform(w, rng, Math.sqrt(6.0 / (fanIn + (double) w.cols() * taps)));
                    b.fill(0f);
                } else {
                    double bound = 1 / Math.sqrt(fanIn);
                    fillUniform(w, rng, bound);
                    fillUniform(b, rng, bound);
                }
            }
        }
    }

    private static void fillUniform(Matrix m, Rng rng, double a) {
        float[] d = m.data();
        for (int i = 0; i < m.rows() * m.cols(); i++) {
            d[i] = (float) rng.uniform(-a, a);
        }
    }

    @Override
    public LayerStack layers() {
        return layers;
    }

    /** BCE per pixel, averaged over the pixels and images of a batch. */
    @Override
    public Objective objective() {
        return objective;
    }

    /** The noise of the training inputs, or null. */
    @Override
    public Corruption corruption() {
        return corruption;
    }

    public WeightStart weightStart() {
        return start;
    }

    public long seed() {
        return seed;
    }

    /** The network's output for every row of {@code x} (no corruption added). */
    public Matrix reconstruct(Matrix x) {
        return layers.predict(x);
    }

    /** The code (the last pooling layer's output, C×H×W a row) of every row of {@code x}. */
    public Matrix encode(Matrix x) {
        return layers.activations(x, codeLayer);
    }

    public ImageShape codeShape() {
        return ((MaxPool2D) layers.layer(codeLayer)).outputShape();
    }

    /**
     * BCE per pixel of the reconstructions of {@code inputs} against {@code targets} (e.g. noisy test images against
     * the clean ones), averaged over pixels and images.
     */
    public double reconstructionLoss(Matrix inputs, Matrix targets) {
        return objective.evaluateLoss(layers, inputs, targets);
    }

    /** The convolutions, input side first. */
    public List<Conv2D> convolutions() {
        List<Conv2D> out = new ArrayList<>();
        for (Layer layer : layers.layers()) {
            if (layer instanceof Conv2D conv) {
                out.add(conv);
            }
        }
        return out;
    }

    /**
     * The first convolution's filters, one a row (k·k weights in image order for a one-channel input): 16 × 9 for
     * {@link #kerasDenoiser}, to show as 3×3 tiles.
     */
    public Matrix firstLayerFilters() {
        Conv2D first = convolutions().get(0);
        int filters = first.outputShape().channels();
        Matrix out = Matrix.zeros(filters, first.weights().value().rows());
        for (int f = 0; f < filters; f++) {
            System.arraycopy(first.filterCopy(f).data(), 0, out.data(), f * out.cols(), out.cols());
        }
        return out;
    }

    /** One row per layer: its kind, output shape (H, W, C as in Keras's summary), kernel, padding, activation, parameters. */
    public Table layerTable() {
        StringColumn name = StringColumn.create("layer");
        StringColumn shape = StringColumn.create("output (H, W, C)");
        StringColumn detail = StringColumn.create("kernel / size");
        IntColumn parameters = IntColumn.create("parameters");
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.layer(i);
            ImageShape out;
            String what;
            String kind;
            if (layer instanceof Conv2D conv) {
                out = conv.outputShape();
                kind = "conv";
                what = conv.kernel() + "×" + conv.kernel() + " " + conv.padding() + ", " + conv.activation();
            } else if (layer instanceof MaxPool2D pool) {
                out = pool.outputShape();
                kind = i == codeLayer ? "max-pool (code)" : "max-pool";
                what = "2×2";
            } else if (layer instanceof UpSample2D up) {
                out = up.outputShape();
                kind = "up-sample";
                what = "×2";
            } else {
                throw new IllegalStateException("unexpected layer " + layer);
            }
            name.append(kind);
            shape.append("(" + out.height() + ", " + out.width() + ", " + out.channels() + ")");
            detail.append(what);
            int count = 0;
            for (var p : layer.parameters()) {
                count += p.value().rows() * p.value().cols();
            }
            parameters.append(count);
        }
        return Table.create("convolutional autoencoder, " + parameterCount() + " parameters", name, shape, detail, parameters);
    }

    /** The number of weights and biases. */
    public int parameterCount() {
        int count = 0;
        for (var p : layers.parameters()) {
            count += p.value().rows() * p.value().cols();
        }
        return count;
    }

    @Override
    public String toString() {
        return "ConvAutoencoder" + layers.layers() + " " + objective + (corruption == null ? "" : " corruption=" + corruption)
                + ", start " + start + ", seed " + seed;
    }
}
