package org.aelab.model;

import java.util.ArrayList;
import java.util.List;
import org.aelab.nn.Activation;
import org.aelab.nn.Dense;
import org.aelab.nn.GaussianKl;
import org.aelab.nn.Init;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Loss;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.EpochStats;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.TrainingInterruptedException;
import org.aelab.train.TrainingListener;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A variational autoencoder (Kingma and Welling 2014) with one hidden layer on each side: a stochastic encoder
 * q(z|x) = N(μ(x), σ²(x)) whose mean and log-variance are two linear heads on the hidden layer, a code sampled as
 * z = μ + σ·ε with ε ~ N(0, I), and a decoder whose sigmoid outputs are the means of independent Bernoulli pixels
 * p(x|z). Training minimises, per image averaged over the batch,
 *
 * <pre>
 *   J = BCE(decoder(z), x) + β·KL(N(μ, σ²) ‖ N(0, I)),   KL = −½ Σ_j (1 + log σ²_j − μ_j² − σ²_j)
 * </pre>
 *
 * which for β = 1 is the negative evidence lower bound (ELBO). The forward and backward passes, with the δ's of μ
 * and log σ², are in {@code VaeBatch}; the training loop ({@link #fit}) is this class's own, because the noise ε
 * is drawn between the encoder and the decoder, which a {@link org.aelab.train.Trainer}'s single layer stack has no
 * place for.
 *
 * <pre>
 * VariationalAutoencoder vae = VariationalAutoencoder.builder().input(784).hidden(400).latent(2).beta(1).seed(1).build();
 * History history = vae.fit(VariationalAutoencoder.Training.of(Optimizer.adam(1e-3), 20, 100, 1), train, test);
 * Matrix codes = vae.encode(test);                       // μ, N × 2
 * </pre>
 */
public final class VariationalAutoencoder {
    private final Dense encoderHidden;
    private final Dense meanLayer;
    private final Dense logVarianceLayer;
    private final Dense decoderHidden;
    private final Dense decoderOutput;
    private final double beta;
    private final Init init;
    private final long seed;
    private final List<Parameter> parameters;

    private VariationalAutoencoder(Builder b) {
        Activation g = b.hiddenActivation;
        encoderHidden = Dense.of(b.inputs, b.hidden, g, "encoder");
        meanLayer = Dense.of(b.hidden, b.latent, Activation.IDENTITY, "mean");
        logVarianceLayer = Dense.of(b.hidden, b.latent, Activation.IDENTITY, "logVariance");
        decoderHidden = Dense.of(b.latent, b.hidden, g, "decoder");
        decoderOutput = Dense.of(b.hidden, b.inputs, Activation.SIGMOID, "output");
        beta = b.beta;
        init = b.init;
        seed = b.seed;
        List<Parameter> all = new ArrayList<>();
        Rng rng = new Rng(seed);
        for (Dense layer : List.of(encoderHidden, meanLayer, logVarianceLayer, decoderHidden, decoderOutput)) {
            init.fill(layer.weights().value(), rng);
            all.addAll(layer.parameters());
        }
        parameters = List.copyOf(all);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Per-image terms of the objective: the reconstruction's BCE (summed over pixels) and the KL divergence. */
    public record Terms(double reconstruction, double kl) {
        /** reconstruction + β·KL; for β = 1 the negative ELBO. */
        public double total(double beta) {
            return reconstruction + beta * kl;
        }

        @Override
        public String toString() {
            return String.format("Terms[reconstruction (BCE) %.4f, KL %.4f]", reconstruction, kl);
        }
    }

    // ---- using a model -------------------------------------------------------------------------------------------

    /** The mean μ(x) of q(z|x) for every row of {@code x}: the deterministic code, N × latent. */
    public Matrix encode(Matrix x) {
        LayerStack meanPath = LayerStack.of(encoderHidden, meanLayer);
        meanPath.checkInputs("x", x);
        return meanPath.predict(x);
    }

    /** The log-variance log σ²(x) of q(z|x) for every row of {@code x}, N × latent. */
    public Matrix logVariance(Matrix x) {
        LayerStack logVariancePath = LayerStack.of(encoderHidden, logVarianceLayer);
        logVariancePath.checkInputs("x", x);
        return logVariancePath.predict(x);
    }

    /** The decoder's output (Bernoulli means, in (0, 1)) for every row of codes {@code z}, N × inputs. */
    public Matrix decode(Matrix z) {
        if (z == null) {
            throw new IllegalArgumentException("z must not be null");
        }
        if (z.cols() != latentSize()) {
            throw new IllegalArgumentException("z must have " + latentSize() + " columns (the latent size), got " + z.shape());
        }
        z.requireFinite("z");
        return LayerStack.of(decoderHidden, decoderOutput).predict(z);
    }

    /** decode(encode(x)): each row reconstructed from its mean code μ, without sampling. */
    public Matrix reconstruct(Matrix x) {
        return decode(encode(x));
    }

    /** Images decoded from {@code n} codes drawn from the prior N(0, I) with {@code rng}. */
    public Matrix sample(int n, Rng rng) {
        if (n <= 0) {
            throw new IllegalArgumentException("number of samples n must be positive, got " + n);
        }
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null, e.g. new Rng(1)");
        }
        return decode(gaussian(n, latentSize(), rng));
    }

    /** The BCE per image (summed over pixels, averaged over rows) of {@link #reconstruct}: no sampling. */
    public double reconstructionLoss(Matrix x) {
        checkImages("x", x);
        return Loss.BCE.value(reconstruct(x), x);
    }

    /**
     * The objective's terms per image on {@code x}, each image's code sampled once with noise drawn from
     * {@code new Rng(noiseSeed)}: the same seed gives the same numbers.
     */
    public Terms evaluate(Matrix x, long noiseSeed) {
        checkImages("x", x);
        return evaluate(x, gaussian(x.rows(), latentSize(), new Rng(noiseSeed)));
    }

    /** The terms per image with the noise ε given, one row per image. */
    Terms evaluate(Matrix x, Matrix epsilon) {
        int chunk = Math.min(x.rows(), 1000);
        VaeBatch batch = new VaeBatch(this, chunk);
        double reconstruction = 0;
        double kl = 0;
        for (int start = 0; start < x.rows(); start += chunk) {
            int n = Math.min(chunk, x.rows() - start);
            VaeBatch part = batch.topRows(n);
            System.arraycopy(x.data(), start * x.cols(), part.input.data(), 0, n * x.cols());
            System.arraycopy(epsilon.data(), start * latentSize(), part.epsilon.data(), 0, n * latentSize());
            Terms sums = part.forward();
            reconstruction += sums.reconstruction();
            kl += sums.kl();
        }
        return new Terms(reconstruction / x.rows(), kl / x.rows());
    }

    /** The mean and spread of the codes of {@code x}, and their KL from N(0, I). */
    public LatentStatistics latentStatistics(Matrix x) {
        return LatentStatistics.of(encode(x), logVariance(x));
    }

    /**
     * Codes on a {@code side} × {@code side} grid over [−halfWidth, halfWidth]² of the plane of the first two latent
     * dimensions (any others 0, the prior's mean), one code a row, row by row from the top: z₂ falls from +halfWidth
     * down the rows, z₁ rises from −halfWidth along each row, so {@code Tiles.of(decode(grid), 28, 28).withColumns(side)}
     * draws the plane as a plot would.
     */
    public Matrix latentGrid(int side, double halfWidth) {
        if (latentSize() < 2) {
            throw new IllegalArgumentException("a latent grid needs at least 2 latent dimensions, this model has " + latentSize());
        }
        if (side < 2) {
            throw new IllegalArgumentException("grid side must be >= 2, got " + side);
        }
        if (!(halfWidth > 0) || Double.isInfinite(halfWidth)) {
            throw new IllegalArgumentException("grid halfWidth must be finite and > 0, got " + halfWidth);
        }
        Matrix grid = Matrix.zeros(side * side, latentSize());
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                grid.set(row * side + col, 0, (float) (-halfWidth + 2 * halfWidth * col / (side - 1)));
                grid.set(row * side + col, 1, (float) (halfWidth - 2 * halfWidth * row / (side - 1)));
            }
        }
        return grid;
    }

    /**
     * Images decoded at {@code steps} evenly spaced codes on the line from μ(a) to μ(b), both ends included;
     * {@code a} and {@code b} are single images (one row each).
     */
    public Matrix interpolate(Matrix a, Matrix b, int steps) {
        if (steps < 2) {
            throw new IllegalArgumentException("interpolation steps must be >= 2 (both ends), got " + steps);
        }
        for (Matrix image : new Matrix[] {a, b}) {
            if (image == null || image.rows() != 1) {
                throw new IllegalArgumentException("interpolate takes two single images (1 × " + inputs() + " each), got "
                        + (image == null ? "null" : image.shape()));
            }
        }
        Matrix ends = encode(Matrix.stackRows(a, b));
        Matrix codes = Matrix.zeros(steps, latentSize());
        for (int s = 0; s < steps; s++) {
            double t = (double) s / (steps - 1);
            for (int j = 0; j < latentSize(); j++) {
                codes.set(s, j, (float) ((1 - t) * ends.get(0, j) + t * ends.get(1, j)));
            }
        }
        return decode(codes);
    }

    // ---- training ------------------------------------------------------------------------------------------------

    /**
     * How to train a variational autoencoder: the optimizer, epochs, minibatch size and the seed of the batch order
     * and the noise ε, plus listeners (e.g. {@code Progress.auto()}). Each {@link #fit} starts from fresh optimizer
     * state and noise derived from the seed, so rerunning a cell gives the same numbers.
     */
    public record Training(Optimizer optimizer, int epochs, int batchSize, long seed, List<TrainingListener> listeners) {
        public Training {
            if (optimizer == null) {
                throw new IllegalArgumentException("optimizer must not be null, e.g. Optimizer.adam(1e-3)");
            }
            if (epochs <= 0) {
                throw new IllegalArgumentException("epochs must be positive, got " + epochs);
            }
            if (batchSize <= 0) {
                throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
            }
            if (listeners == null || listeners.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("listeners must not be null or contain null");
            }
            listeners = List.copyOf(listeners);
        }

        public static Training of(Optimizer optimizer, int epochs, int batchSize, long seed) {
            return new Training(optimizer, epochs, batchSize, seed, List.of());
        }

        /** This training with {@code listener} told about every epoch as well. */
        public Training withListener(TrainingListener listener) {
            if (listener == null) {
                throw new IllegalArgumentException("listener must not be null");
            }
            List<TrainingListener> more = new ArrayList<>(listeners);
            more.add(listener);
            return new Training(optimizer, epochs, batchSize, seed, more);
        }

        @Override
        public String toString() {
            return "Training[" + optimizer + ", epochs=" + epochs + ", batch=" + batchSize + ", shuffled, seed=" + seed + "]";
        }
    }

    /** Trains on {@code data} (images with values in [0, 1], one per row) without a validation set. */
    public History fit(Training training, Matrix data) {
        return fit(training, data, null);
    }

    /**
     * Trains on {@code data} with shuffled minibatches and the training's optimizer, and after every epoch measures
     * the objective on {@code validation} (may be null) with one noise sample per image, the same sample every
     * epoch. The history's columns, per image: {@code loss} (reconstruction + β·KL, averaged over the epoch's batches
     * as the weights change), {@code reconstruction} (BCE), {@code kl}, {@code validation},
     * {@code validation reconstruction}, {@code validation kl} (NaN without a validation set) and {@code seconds}.
     *
     * @throws IllegalStateException        when the loss becomes NaN or infinite (the message names the epoch and
     *                                      the optimizer)
     * @throws TrainingInterruptedException when the thread is interrupted (Kernel → Interrupt); it carries the
     *                                      completed epochs, and the model keeps the weights of its last step
     */
    public History fit(Training training, Matrix data, Matrix validation) {
        if (training == null) {
            throw new IllegalArgumentException("training must not be null, e.g. Training.of(Optimizer.adam(1e-3), 20, 100, 1)");
        }
        checkImages("data", data);
        if (validation != null) {
            checkImages("validation", validation);
        }
        Table.create("history");   // Tablesaw's first table scans the class path: before training, not after it
        Rng root = new Rng(training.seed());
        Rng rng = root.split();                                   // batch order and ε of the training steps
        Matrix validationNoise = validation == null ? null : gaussian(validation.rows(), latentSize(), root.split());
        int n = data.rows();
        int size = Math.min(training.batchSize(), n);
        int batches = (n + size - 1) / size;
        VaeBatch full = new VaeBatch(this, size);
        VaeBatch last = full.topRows(n - (batches - 1) * size);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Optimizer.Step step = training.optimizer().start(parameters);
        int epochs = training.epochs();
        double[][] columns = new double[COLUMNS.size()][epochs];
        int done = 0;
        training.listeners().forEach(l -> l.started(epochs));
        long start = System.nanoTime();
        try {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                long epochStart = System.nanoTime();
                if (batches > 1) {
                    rng.shuffle(order);
                }
                double reconstructionSum = 0;
                double klSum = 0;
                for (int b = 0; b < batches; b++) {
                    if (Thread.interrupted()) {
                        throw interrupted(epoch, b, batches, epochs, columns, done);
                    }
                    VaeBatch batch = b == batches - 1 ? last : full;
                    data.gatherRows(order, b * size, batch.rows(), batch.input);
                    fillGaussian(batch.epsilon, rng);
                    Terms sums = batch.forward();
                    reconstructionSum += sums.reconstruction();
                    klSum += sums.kl();
                    batch.backward(beta);
                    step.step();
                }
                Terms trainingTerms = new Terms(reconstructionSum / n, klSum / n);
                double loss = trainingTerms.total(beta);
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("training diverged in epoch " + epoch + ": the loss is " + loss + " with "
                            + training.optimizer() + "; try a smaller learning rate");
                }
                double seconds = (System.nanoTime() - epochStart) / 1e9;
                Terms validationTerms = validation == null ? new Terms(Double.NaN, Double.NaN) : evaluate(validation, validationNoise);
                double[] row = {loss, trainingTerms.reconstruction(), trainingTerms.kl(), validationTerms.total(beta),
                        validationTerms.reconstruction(), validationTerms.kl(), seconds};
                for (int k = 0; k < row.length; k++) {
                    columns[k][epoch - 1] = row[k];
                }
                done = epoch;
                EpochStats stats = new EpochStats(epoch, epochs, loss, trainingTerms.reconstruction(), beta * trainingTerms.kl(),
                        validationTerms.total(beta), seconds, (System.nanoTime() - start) / 1e9);
                training.listeners().forEach(l -> l.epochEnded(stats));
            }
        } finally {
            training.listeners().forEach(TrainingListener::finished);
        }
        return History.of(table(columns, done), 0);
    }

    private static final List<String> COLUMNS = List.of("loss", "reconstruction", "kl", "validation",
            "validation reconstruction", "validation kl", "seconds");

    private static Table table(double[][] columns, int epochs) {
        int[] epochNumbers = new int[epochs];
        for (int i = 0; i < epochs; i++) {
            epochNumbers[i] = i + 1;
        }
        Table table = Table.create("history", IntColumn.create("epoch", epochNumbers));
        for (int k = 0; k < COLUMNS.size(); k++) {
            table.addColumns(DoubleColumn.create(COLUMNS.get(k), java.util.Arrays.copyOf(columns[k], epochs)));
        }
        return table;
    }

    private static TrainingInterruptedException interrupted(int epoch, int batchesDone, int batches, int epochs,
                                                            double[][] columns, int done) {
        String where = batchesDone == 0 ? "before epoch " + epoch
                : "in epoch " + epoch + " after " + batchesDone + " of its " + batches + " batches";
        return new TrainingInterruptedException("training interrupted " + where + " of " + epochs + ": the model keeps the"
                + " weights of its last step, and the exception's history() holds the " + done + " completed epoch"
                + (done == 1 ? "" : "s"), History.of(table(columns, done), epoch));
    }

    // ---- parts and settings ---------------------------------------------------------------------------------------

    /** Every parameter, in a fixed order: encoder, mean head, log-variance head, decoder hidden, output (W, b each). */
    public List<Parameter> parameters() {
        return parameters;
    }

    public int inputs() {
        return encoderHidden.inputs();
    }

    public int hiddenSize() {
        return encoderHidden.outputs();
    }

    public int latentSize() {
        return meanLayer.outputs();
    }

    /** The KL weight β (1: the ELBO). */
    public double beta() {
        return beta;
    }

    public Activation hiddenActivation() {
        return encoderHidden.activation();
    }

    public Init init() {
        return init;
    }

    public long seed() {
        return seed;
    }

    Dense encoderHidden() {
        return encoderHidden;
    }

    Dense meanLayer() {
        return meanLayer;
    }

    Dense logVarianceLayer() {
        return logVarianceLayer;
    }

    Dense decoderHidden() {
        return decoderHidden;
    }

    Dense decoderOutput() {
        return decoderOutput;
    }

    @Override
    public String toString() {
        return "VariationalAutoencoder[" + encoderHidden + ", μ " + meanLayer + ", log σ² " + logVarianceLayer
                + ", z = μ + σ·ε, " + decoderHidden + ", " + decoderOutput + "] loss=BCE(sum/batch) + "
                + (beta == 1 ? "" : beta + "·") + "KL(N(μ, σ²) ‖ N(0, I))";
    }

    private void checkImages(String name, Matrix x) {
        if (x == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (x.cols() != inputs()) {
            throw new IllegalArgumentException(name + " must have " + inputs() + " columns (the network's inputs), got " + x.shape());
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException(name + " must have at least one row, got " + x.shape());
        }
        float[] d = x.data();
        for (int i = 0; i < x.rows() * x.cols(); i++) {
            if (!(d[i] >= 0 && d[i] <= 1)) {
                throw new IllegalArgumentException(name + " must hold values in [0, 1] (pixel intensities for the binary"
                        + " cross-entropy), got " + d[i] + " in row " + i / x.cols() + ", column " + i % x.cols());
            }
        }
    }

    private static Matrix gaussian(int rows, int cols, Rng rng) {
        Matrix m = Matrix.zeros(rows, cols);
        fillGaussian(m, rng);
        return m;
    }

    private static void fillGaussian(Matrix m, Rng rng) {
        float[] d = m.data();
        for (int i = 0; i < m.rows() * m.cols(); i++) {
            d[i] = (float) rng.gaussian();
        }
    }

    /** Configuration of a {@link VariationalAutoencoder}; each setter checks its value. */
    public static final class Builder {
        private int inputs;
        private int hidden = 400;
        private Activation hiddenActivation = Activation.RELU;
        private int latent = 2;
        private double beta = 1;
        private Init init = Init.glorot();
        private long seed;

        private Builder() {
        }

        /** Number of input units (pixels), and of output units. */
        public Builder input(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("input size must be positive, got " + size);
            }
            inputs = size;
            return this;
        }

        /** Units of the encoder's and the decoder's hidden layer (default 400, ReLU). */
        public Builder hidden(int size) {
            return hidden(size, hiddenActivation);
        }

        public Builder hidden(int size, Activation activation) {
            if (size <= 0) {
                throw new IllegalArgumentException("hidden layer size must be positive, got " + size);
            }
            if (activation == null || activation == Activation.SOFTMAX) {
                throw new IllegalArgumentException("hidden activation must be sigmoid, tanh, relu or identity, got " + activation);
            }
            hidden = size;
            hiddenActivation = activation;
            return this;
        }

        /** Dimensions of the code z (default 2). */
        public Builder latent(int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("latent size must be positive, got " + size);
            }
            latent = size;
            return this;
        }

        /** Weight β of the KL term (default 1: the ELBO; 0: no KL term). */
        public Builder beta(double value) {
            if (!(value >= 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("KL weight beta must be finite and >= 0, got " + value);
            }
            beta = value;
            return this;
        }

        /** Weight initialiser (default Glorot uniform); biases start at zero. */
        public Builder init(Init value) {
            if (value == null) {
                throw new IllegalArgumentException("init must not be null");
            }
            init = value;
            return this;
        }

        /** Seed of the weight initialisation. */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public VariationalAutoencoder build() {
            if (inputs <= 0) {
                throw new IllegalArgumentException("input size is required, e.g. .input(784)");
            }
            return new VariationalAutoencoder(this);
        }
    }
}
