package org.aelab.model;

import static org.aelab.model.ModelSettingsTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aelab.nn.Activation;
import org.aelab.nn.GaussianKl;
import org.aelab.nn.Init;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.EpochStats;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.TrainingInterruptedException;
import org.aelab.train.TrainingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The variational autoencoder: its gradient, its training loop's determinism, its helpers and its checks. */
class VariationalAutoencoderTest {

    private static Matrix randomImages(int rows, int cols, long seed) {
        Rng rng = new Rng(seed);
        Matrix x = Matrix.zeros(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            x.data()[i] = rng.nextFloat();
        }
        return x;
    }

    /** Twelve 6-pixel images of four prototypes with a little noise: something a 2-D code can learn. */
    private static Matrix prototypes(int rows, long seed) {
        float[][] protos = {{1, 1, 1, 0, 0, 0}, {0, 0, 0, 1, 1, 1}, {1, 0, 1, 0, 1, 0}, {0, 1, 0, 1, 0, 1}};
        Rng rng = new Rng(seed);
        Matrix x = Matrix.zeros(rows, 6);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < 6; c++) {
                x.set(r, c, Math.abs(protos[r % 4][c] - 0.1f * rng.nextFloat()));
            }
        }
        return x;
    }

    /** J = (1/N) Σ [BCE + β·KL] of the batch with its current input and ε, from a fresh forward pass. */
    private static double objective(VaeBatch batch, double beta) {
        VariationalAutoencoder.Terms sums = batch.forward();
        return (sums.reconstruction() + beta * sums.kl()) / batch.rows();
    }

    /**
     * Backpropagation of the whole objective against central finite differences, every weight and bias of a 6-5-2
     * network, ε held fixed. Float32 throughout: with h = 1e-2 truncation is ≈ 1e-4 relative and rounding of a J of
     * order 5 ≈ 1e-6 / 2h ≈ 1e-4 absolute; a tolerance of 2e-3 + 2e-2·|g| is ten times both, while a missing ½, σ,
     * ε, β or 1/N gives errors of order |g|. ReLU is checked with h = 1e-3 so that no step crosses its kink.
     */
    @ParameterizedTest(name = "{0} hidden units, beta {1}")
    @CsvSource({"TANH, 1.0", "TANH, 0.0", "SIGMOID, 2.5", "RELU, 1.0"})
    void backpropagationMatchesFiniteDifferences(Activation hidden, double beta) {
        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(6).hidden(5, hidden).latent(2).beta(beta)
                .init(Init.uniform(0.9)).seed(11).build();
        Rng rng = new Rng(3);
        for (Parameter p : vae.parameters()) {
            if (p.kind() == Parameter.Kind.BIAS) {
                Init.uniform(0.4).fill(p.value(), rng);   // non-zero biases, so their gradients are tested too
            }
        }
        VaeBatch batch = new VaeBatch(vae, 4);
        batch.input.copyFrom(randomImages(4, 6, 7));
        for (int i = 0; i < 8; i++) {
            batch.epsilon.data()[i] = (float) rng.gaussian();
        }
        objective(batch, beta);
        batch.backward(beta);
        List<Parameter> parameters = vae.parameters();
        assertEquals(10, parameters.size());
        float h = hidden == Activation.RELU ? 1e-3f : 1e-2f;
        int checked = 0;
        double largest = 0;
        for (Parameter p : parameters) {
            float[] analytic = p.gradient().data().clone();
            float[] w = p.value().data();
            for (int i = 0; i < w.length; i++) {
                float original = w[i];
                w[i] = original + h;
                double plus = objective(batch, beta);
                w[i] = original - h;
                double minus = objective(batch, beta);
                w[i] = original;
                double numeric = (plus - minus) / (2 * h);
                double tolerance = (hidden == Activation.RELU ? 2e-2 : 2e-3) + 2e-2 * Math.abs(numeric);
                assertEquals(numeric, analytic[i], tolerance, p.name() + "[" + i + "] backprop vs finite difference");
                largest = Math.max(largest, Math.abs(analytic[i]));
                checked++;
            }
        }
        // 6·5+5, 5·2+2 twice, 2·5+5, 5·6+6
        assertEquals(35 + 12 + 12 + 15 + 36, checked);
        assertTrue(largest > 0.05, "the gradients are not all tiny (largest " + largest + ")");
    }

    @Test
    void theLogVarianceHeadGetsTheKlGradientEvenWithoutReconstruction() {
        // With ε = 0 the code is μ, so log σ² reaches J only through the KL term: ∂J/∂b_v = (β/N)·Σ_p ½(σ_p² − 1).
        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(6).hidden(5, Activation.TANH).latent(2).beta(3)
                .init(Init.uniform(0.9)).seed(2).build();
        VaeBatch batch = new VaeBatch(vae, 3);
        batch.input.copyFrom(randomImages(3, 6, 1));
        batch.epsilon.fill(0f);
        batch.forward();
        batch.backward(3);
        Matrix logVar = batch.logVariance.copy();
        float[] expected = new float[2];
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 2; j++) {
                expected[j] += (float) (3.0 / 3 * 0.5 * (Math.exp(logVar.get(r, j)) - 1));
            }
        }
        assertArrayEquals(expected, vae.parameters().get(5).gradient().data(), 1e-5f);   // logVariance.b
    }

    @Test
    void evaluateAgreesWithTheBatchAndWithDecodingTheMeanWhenTheNoiseIsZero() {
        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(6).hidden(5).latent(2).seed(4).build();
        Matrix x = randomImages(2500, 6, 9);   // more than one chunk of 1 000
        VariationalAutoencoder.Terms terms = vae.evaluate(x, Matrix.zeros(2500, 2));
        assertEquals(vae.reconstructionLoss(x), terms.reconstruction(), 1e-4);
        assertEquals(GaussianKl.sum(vae.encode(x), vae.logVariance(x)) / 2500, terms.kl(), 1e-6);
        assertEquals(terms.kl(), vae.latentStatistics(x).klPerImage(), 1e-6);
        VariationalAutoencoder.Terms sampled = vae.evaluate(x, 17);
        assertEquals(sampled, vae.evaluate(x, 17), "the same noise seed gives the same terms");
        assertEquals(terms.kl(), sampled.kl(), 1e-9, "the KL term does not depend on the noise");
        assertTrue(sampled.reconstruction() != terms.reconstruction(), "sampled codes reconstruct differently from μ");
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndHistory() {
        Matrix data = prototypes(48, 1);
        VariationalAutoencoder.Training training = VariationalAutoencoder.Training.of(Optimizer.adam(0.01), 30, 10, 5);
        VariationalAutoencoder a = VariationalAutoencoder.builder().input(6).hidden(8).latent(2).seed(3).build();
        VariationalAutoencoder b = VariationalAutoencoder.builder().input(6).hidden(8).latent(2).seed(3).build();
        History ha = a.fit(training, data, prototypes(12, 2));
        History hb = b.fit(training, data, prototypes(12, 2));
        for (int k = 0; k < a.parameters().size(); k++) {
            assertTrue(a.parameters().get(k).value().sameValues(b.parameters().get(k).value()), a.parameters().get(k).name());
        }
        assertArrayEquals(ha.column("loss"), hb.column("loss"));
        assertArrayEquals(ha.column("validation"), hb.column("validation"));

        VariationalAutoencoder c = VariationalAutoencoder.builder().input(6).hidden(8).latent(2).seed(3).build();
        c.fit(VariationalAutoencoder.Training.of(Optimizer.adam(0.01), 30, 10, 6), data);
        assertFalse(a.parameters().get(0).value().sameValues(c.parameters().get(0).value()), "another noise seed, other weights");
        VariationalAutoencoder d = VariationalAutoencoder.builder().input(6).hidden(8).latent(2).seed(4).build();
        assertFalse(d.parameters().get(0).value().sameValues(
                VariationalAutoencoder.builder().input(6).hidden(8).latent(2).seed(3).build().parameters().get(0).value()));
    }

    @Test
    void trainingLowersTheObjectiveAndRecordsItsTerms() {
        Matrix data = prototypes(200, 1);
        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(6).hidden(16).latent(2).seed(1).build();
        double before = vae.evaluate(data, 1).total(1);
        History history = vae.fit(VariationalAutoencoder.Training.of(Optimizer.adam(0.01), 40, 20, 1), data, prototypes(40, 3));
        assertEquals(List.of("epoch", "loss", "reconstruction", "kl", "validation", "validation reconstruction",
                "validation kl", "seconds"), history.table().columnNames());
        assertEquals(40, history.epochs());
        double[] loss = history.column("loss");
        double[] reconstruction = history.column("reconstruction");
        double[] kl = history.column("kl");
        for (int e = 0; e < 40; e++) {
            assertEquals(reconstruction[e] + kl[e], loss[e], 1e-9);
            assertTrue(kl[e] >= 0, "KL >= 0 in epoch " + (e + 1));
        }
        double after = vae.evaluate(data, 1).total(1);
        assertTrue(after < 0.8 * before, "objective " + before + " -> " + after);
        assertTrue(history.last("validation") < history.column("validation")[0]);
        assertTrue(vae.reconstructionLoss(data) < 6 * 0.69, "beats a decoder that outputs ½ everywhere");
        // The KL term keeps the codes near the prior: their mean within a standard deviation of 0.
        LatentStatistics stats = vae.latentStatistics(data);
        assertTrue(Math.abs(stats.mean()[0]) < 1 && Math.abs(stats.mean()[1]) < 1, stats.toString());
    }

    @Test
    void listenersHearEveryEpochWithTheTermsOfTheHistory() {
        List<String> heard = new java.util.ArrayList<>();
        TrainingListener listener = new TrainingListener() {
            @Override
            public void started(int totalEpochs) {
                heard.add("started " + totalEpochs);
            }

            @Override
            public void epochEnded(EpochStats stats) {
                heard.add(String.format("epoch %d loss %.6f kl %.6f", stats.epoch(), stats.loss(), stats.penalty()));
            }

            @Override
            public void finished() {
                heard.add("finished");
            }
        };
        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(6).hidden(4).latent(2).beta(2).seed(1).build();
        History history = vae.fit(VariationalAutoencoder.Training.of(Optimizer.adam(0.01), 2, 5, 1).withListener(listener),
                prototypes(12, 1));
        assertEquals(List.of("started 2",
                String.format("epoch 1 loss %.6f kl %.6f", history.column("loss")[0], 2 * history.column("kl")[0]),
                String.format("epoch 2 loss %.6f kl %.6f", history.column("loss")[1], 2 * history.column("kl")[1]),
                "finished"), heard);
        assertTrue(Double.isNaN(history.last("validation")), "no validation set: NaN");
    }

    @Test
    void aHistoryFromATableNeedsItsColumns() {
        assertMessage(() -> History.of(tech.tablesaw.api.Table.create("h"), 0), "a history table needs a column 'epoch', got []");
        tech.tablesaw.api.Table table = tech.tablesaw.api.Table.create("h", tech.tablesaw.api.IntColumn.create("epoch", new int[] {1}),
                tech.tablesaw.api.DoubleColumn.create("loss", new double[] {2}), tech.tablesaw.api.DoubleColumn.create("seconds", new double[] {0.5}));
        assertMessage(() -> History.of(table, -1), "interruptedAt must be >= 0 (0: not interrupted), got -1");
        assertEquals("History[1 epochs, loss 2.00000 → 2.00000]", History.of(table, 0).toString());
    }

    @Test
    void anInterruptStopsTrainingWithTheCompletedEpochs() {
        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(6).hidden(4).latent(2).seed(1).build();
        Thread.currentThread().interrupt();
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> vae.fit(VariationalAutoencoder.Training.of(Optimizer.adam(0.01), 3, 4, 1), prototypes(8, 1)));
        assertTrue(e.getMessage().contains("before epoch 1 of 3"), e.getMessage());
        assertEquals(0, e.history().epochs());
        assertEquals(1, e.history().interruptedAt());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void theLatentGridRunsLikeAPlotAndInterpolationEndsAtTheCodes() {
        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(6).hidden(4).latent(2).seed(1).build();
        Matrix grid = vae.latentGrid(3, 2);
        assertArrayEquals(new float[] {-2, 2, 0, 2, 2, 2, -2, 0, 0, 0, 2, 0, -2, -2, 0, -2, 2, -2}, grid.data(), 1e-6f);
        Matrix x = prototypes(2, 1);
        Matrix line = vae.interpolate(x.rowRangeCopy(0, 1), x.rowRangeCopy(1, 2), 5);
        assertEquals(5, line.rows());
        Matrix ends = vae.reconstruct(x);
        assertArrayEquals(ends.rowCopy(0), line.rowCopy(0), 1e-6f);
        assertArrayEquals(ends.rowCopy(1), line.rowCopy(4), 1e-6f);
        assertEquals(4, vae.sample(4, new Rng(1)).rows());
    }

    @Test
    void badSettingsAndInputsAreNamed() {
        assertMessage(() -> VariationalAutoencoder.builder().input(0), "input size must be positive, got 0");
        assertMessage(() -> VariationalAutoencoder.builder().hidden(-3), "hidden layer size must be positive, got -3");
        assertMessage(() -> VariationalAutoencoder.builder().hidden(4, Activation.SOFTMAX),
                "hidden activation must be sigmoid, tanh, relu or identity, got softmax");
        assertMessage(() -> VariationalAutoencoder.builder().latent(0), "latent size must be positive, got 0");
        assertMessage(() -> VariationalAutoencoder.builder().beta(-0.5), "KL weight beta must be finite and >= 0, got -0.5");
        assertMessage(() -> VariationalAutoencoder.builder().beta(Double.NaN), "KL weight beta must be finite and >= 0, got NaN");
        assertMessage(() -> VariationalAutoencoder.builder().init(null), "init must not be null");
        assertMessage(() -> VariationalAutoencoder.builder().build(), "input size is required, e.g. .input(784)");

        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(6).hidden(4).latent(2).seed(1).build();
        assertMessage(() -> vae.encode(Matrix.zeros(3, 5)), "x must have 6 columns (the network's inputs), got 3x5");
        assertMessage(() -> vae.decode(Matrix.zeros(3, 3)), "z must have 2 columns (the latent size), got 3x3");
        Matrix bright = Matrix.zeros(2, 6);
        bright.set(1, 4, 2f);
        VariationalAutoencoder.Training training = VariationalAutoencoder.Training.of(Optimizer.adam(0.01), 1, 2, 1);
        assertMessage(() -> vae.fit(training, bright),
                "data must hold values in [0, 1] (pixel intensities for the binary cross-entropy), got 2.0 in row 1, column 4");
        assertMessage(() -> vae.fit(training, Matrix.zeros(2, 6), Matrix.zeros(2, 7)),
                "validation must have 6 columns (the network's inputs), got 2x7");
        assertMessage(() -> vae.fit(null, Matrix.zeros(2, 6)), "training must not be null");
        assertMessage(() -> VariationalAutoencoder.Training.of(Optimizer.adam(0.01), 0, 2, 1), "epochs must be positive, got 0");
        assertMessage(() -> VariationalAutoencoder.Training.of(Optimizer.adam(0.01), 1, 0, 1), "batch size must be positive, got 0");
        assertMessage(() -> VariationalAutoencoder.Training.of(null, 1, 2, 1), "optimizer must not be null");
        assertMessage(() -> vae.latentGrid(1, 2), "grid side must be >= 2, got 1");
        assertMessage(() -> vae.latentGrid(5, -1), "grid halfWidth must be finite and > 0, got -1.0");
        assertMessage(() -> VariationalAutoencoder.builder().input(6).latent(1).build().latentGrid(5, 2),
                "a latent grid needs at least 2 latent dimensions, this model has 1");
        Matrix grid3 = VariationalAutoencoder.builder().input(6).latent(3).build().latentGrid(2, 1);
        assertArrayEquals(new float[] {-1, 1, 0, 1, 1, 0, -1, -1, 0, 1, -1, 0}, grid3.data(), 1e-6f);
        assertMessage(() -> vae.interpolate(Matrix.zeros(1, 6), Matrix.zeros(1, 6), 1), "interpolation steps must be >= 2");
        assertMessage(() -> vae.interpolate(Matrix.zeros(2, 6), Matrix.zeros(1, 6), 4), "interpolate takes two single images");
        assertMessage(() -> vae.sample(0, new Rng(1)), "number of samples n must be positive, got 0");
    }

    @Test
    void aModelDescribesItself() {
        VariationalAutoencoder vae = VariationalAutoencoder.builder().input(784).hidden(400).latent(2).beta(0.5).seed(1).build();
        assertEquals("VariationalAutoencoder[Dense(784→400, relu), μ Dense(400→2, identity), log σ² Dense(400→2, identity),"
                + " z = μ + σ·ε, Dense(2→400, relu), Dense(400→784, sigmoid)] loss=BCE(sum/batch) + 0.5·KL(N(μ, σ²) ‖ N(0, I))",
                vae.toString());
        assertEquals("Training[Adam(lr=0.001), epochs=20, batch=100, shuffled, seed=1]",
                VariationalAutoencoder.Training.of(Optimizer.adam(1e-3), 20, 100, 1).toString());
    }

    @Test
    void codeStatisticsMatchHandWorkedValues() {
        // Codes (1, 2), (3, 4): mean (2, 3), covariance [[1, 1], [1, 1]] (divided by N).
        Matrix mu = Matrix.of(new double[][] {{1, 2}, {3, 4}});
        LatentStatistics codes = LatentStatistics.ofCodes(mu);
        assertArrayEquals(new double[] {2, 3}, codes.mean(), 1e-9);
        assertArrayEquals(new double[] {1, 1}, codes.covariance()[0], 1e-9);
        assertTrue(Double.isNaN(codes.klPerImage()));
        // With log σ² = (0, ln 3) in both rows the aggregate adds σ² = (1, 3) to the diagonal.
        Matrix logVar = Matrix.of(new double[][] {{0, Math.log(3)}, {0, Math.log(3)}});
        LatentStatistics gaussian = LatentStatistics.of(mu, logVar);
        assertArrayEquals(new double[] {2, 1}, gaussian.aggregateCovariance()[0], 1e-6);
        assertArrayEquals(new double[] {1, 4}, gaussian.aggregateCovariance()[1], 1e-6);
        assertEquals(GaussianKl.sum(mu, logVar) / 2, gaussian.klPerImage(), 1e-9);
        assertEquals(gaussian.klPerImage(), gaussian.klPerDimension()[0] + gaussian.klPerDimension()[1], 1e-9);
        assertEquals(List.of("VAE: μ", "VAE: all codes (μ + σ·ε)", "PCA", "N(0, I), the prior"),
                LatentStatistics.table("codes", List.of("VAE", "PCA"), List.of(gaussian, codes)).stringColumn("codes").asList());
        assertMessage(() -> LatentStatistics.ofCodes(Matrix.zeros(1, 2)), "code statistics need at least 2 codes, got 1x2");
    }
}
