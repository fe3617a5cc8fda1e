package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.aelab.data.Datasets;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Dense;
import org.aelab.nn.Init;
import org.aelab.nn.Layer;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models' settings, names and checks, a stack's levels and PCA's limits. */
class ModelSettingsTest {

    static void assertMessage(Runnable action, String expectedPart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expectedPart), "message '" + e.getMessage() + "' should contain '" + expectedPart + "'");
    }

    @Test
    void anAutoencoderMirrorsItsEncoderAndNamesItsParts() {
        Autoencoder ae = Autoencoder.builder().input(5).hidden(3, Activation.TANH).hidden(1, Activation.RELU)
                .output(Activation.SIGMOID).weightDecay(0.01).corruption(Corruption.masking(0.2)).init(Init.uniform(0.3))
                .seed(8).build();
        assertEquals("Autoencoder[Dense(5→3, tanh), Dense(3→1, relu), Dense(1→3, tanh), Dense(3→5, sigmoid)]"
                + " loss=BCE(sum/batch) weightDecay=0.01 corruption=masking(ν=0.2)", ae.toString());
        assertEquals(List.of("encoder0.W", "encoder0.b", "encoder1.W", "encoder1.b", "decoder0.W", "decoder0.b",
                "decoder1.W", "decoder1.b"), ae.layers().parameters().stream().map(Parameter::name).toList());
        assertEquals(Corruption.masking(0.2), ae.corruption());
        assertEquals(0.01, ae.objective().weightDecay());
        assertEquals("uniform(±0.3)", ae.init().toString());
        assertEquals(8, ae.seed());
        assertEquals(1, ae.codeSize());
        assertEquals(5, ae.inputs());
        assertNull(Autoencoder.builder().input(2).hidden(1, Activation.SIGMOID).build().corruption());
        assertEquals("Autoencoder[Dense(2→1, sigmoid), Dense(1→2, sigmoid)] loss=BCE(sum/batch)",
                Autoencoder.builder().input(2).hidden(1, Activation.SIGMOID).build().toString());
    }

    @Test
    void theBuilderChecksItsSettings() {
        assertMessage(() -> Autoencoder.builder().hidden(0, Activation.SIGMOID), "hidden layer size must be positive, got 0");
        assertEquals(1, Autoencoder.builder().input(1).hidden(1, Activation.SIGMOID).build().codeSize());
        assertMessage(() -> Autoencoder.builder().hidden(2, Activation.SIGMOID).build(), "input size is required, e.g. .input(784)");
        assertMessage(() -> Autoencoder.builder().input(3).build(), "at least one hidden layer is required");
        assertMessage(() -> Autoencoder.builder().weightDecay(-1), "weightDecay must be finite and >= 0, got -1.0");
        assertMessage(() -> Autoencoder.builder().weightDecay(Double.NaN), "got NaN");
        assertMessage(() -> Autoencoder.builder().weightDecay(Double.POSITIVE_INFINITY), "got Infinity");
        assertEquals(0.0, Autoencoder.builder().input(2).hidden(1, Activation.SIGMOID).weightDecay(0).build()
                .objective().weightDecay());
        assertMessage(() -> Autoencoder.builder().init(null), "init must not be null");
        assertMessage(() -> Autoencoder.builder().loss(null), "loss must not be null");
        assertMessage(() -> Autoencoder.builder().output(null), "output activation must not be null");
        assertMessage(() -> Autoencoder.builder().hidden(2, null), "hidden layer activation must not be null");
    }

    @Test
    void decodingNeedsAFiniteCode() {
        Autoencoder ae = Autoencoder.builder().input(4).hidden(2, Activation.SIGMOID).seed(1).build();
        Matrix code = Matrix.of(new float[][] {{0.5f, Float.NaN}});
        assertMessage(() -> ae.decode(code), "code must be finite, got NaN at (0, 1)");
    }

    @Test
    void aClassifierChecksItsShapeAndInitialisesItsHead() {
        Dense encoder = Dense.of(4, 3, Activation.SIGMOID, "e");
        assertMessage(() -> Classifier.on(List.of(encoder), 1, Init.uniform(0.1), 1), "classes must be at least 2, got 1");
        assertMessage(() -> Classifier.on(List.of(), 2, Init.uniform(0.1), 1), "encoder must have at least one layer, got none");
        assertMessage(() -> Classifier.on(null, 2, Init.uniform(0.1), 1), "encoder must have at least one layer, got none");
        assertMessage(() -> Classifier.fromScratch(4, new int[0], Activation.SIGMOID, 2, Init.glorot(), 1),
                "hiddenSizes must name at least one layer, got none");
        Classifier two = Classifier.on(List.of(encoder), 2, Init.uniform(0.1), 1);
        assertNonZero(((Dense) two.layers().layer(1)).weightsCopy(), "softmax weights drawn from the init");
        Classifier scratch = Classifier.fromScratch(4, new int[] {3, 2}, Activation.TANH, 3, Init.glorot(), 5);
        for (Layer layer : scratch.layers().layers()) {
            assertNonZero(((Dense) layer).weightsCopy(), layer + " drawn from the init");
        }
        assertEquals("Classifier[Dense(4→3, tanh), Dense(3→2, tanh), Dense(2→3, softmax)] loss=SoftmaxCE(sum/batch)",
                scratch.toString());
        Classifier tuned = scratch.withFrozenEncoder().withInputCorruption(Corruption.masking(0.1)).withWeightDecay(0.001);
        assertEquals("Classifier[Dense(4→3, tanh), Dense(3→2, tanh), Dense(2→3, softmax)] loss=SoftmaxCE(sum/batch)"
                + " weightDecay=0.001 corruption=masking(ν=0.1) frozen=2", tuned.toString());
        assertEquals(Corruption.masking(0.1), tuned.corruption());
        assertEquals(0.001, tuned.objective().weightDecay());
        assertNull(scratch.corruption());
        assertSame(scratch.layers().layer(0), tuned.layers().layer(0), "the with… copies share the weights");
        assertEquals(0, tuned.withTrainableEncoder().layers().frozenLayers());
        assertMessage(() -> Classifier.confusionCounts(new int[2], new int[3], 2), "predicted has 2 entries, labels 3");
    }

    private static void assertNonZero(Matrix m, String what) {
        for (float v : m.data()) {
            if (v != 0f) {
                return;
            }
        }
        throw new AssertionError(what + ": all zero");
    }

    @Test
    void aStackedAutoencoderChecksItsLevels() {
        StackedAutoencoder stack = StackedAutoencoder.of(
                Autoencoder.builder().input(6).hidden(4, Activation.SIGMOID).seed(1).build())
                .withLevel(Autoencoder.builder().input(4).hidden(2, Activation.SIGMOID).seed(2).build());
        assertEquals(2, stack.depth());
        assertEquals("StackedAutoencoder[6→4→2]", stack.toString());
        Matrix x = Datasets.randomImages(5, 2, 3, 1);
        assertMessage(() -> stack.encode(x, 2), "level k must be in 0..1, got 2");
        assertMessage(() -> stack.encode(x, -1), "level k must be in 0..1, got -1");
        assertMessage(() -> stack.inputSpaceFeatures(2), "level k must be in 0..1, got 2");
        assertMessage(() -> stack.pretrainLevel(2, null, x, null), "level k must be in 0..1, got 2");
        // level 1's features in input space: (W₀·W₁)ᵀ, one row per unit of level 1
        Matrix w0 = stack.levels().get(0).encoder().get(0).weightsCopy();
        Matrix w1 = stack.levels().get(1).encoder().get(0).weightsCopy();
        Matrix features = stack.inputSpaceFeatures(1);
        assertEquals("2x6", features.shape());
        for (int unit = 0; unit < 2; unit++) {
            for (int pixel = 0; pixel < 6; pixel++) {
                double sum = 0;
                for (int j = 0; j < 4; j++) {
                    sum += w0.get(pixel, j) * w1.get(j, unit);
                }
                assertEquals(sum, features.get(unit, pixel), 1e-6, "unit " + unit + ", pixel " + pixel);
            }
        }
        assertTrue(stack.inputSpaceFeatures(0).sameValues(w0.transposeCopy()));
    }

    @Test
    void pcaChecksItsInputsAndItsK() {
        Matrix data = Matrix.of(new float[][] {{1, 2, 0}, {3, 1, 1}, {0, 0, 2}, {2, 5, 1}});
        Pca pca = Pca.fit(data);
        assertMessage(() -> Pca.fit(Matrix.zeros(1, 3)), "PCA needs at least 2 rows of data, got 1x3");
        Matrix withNaN = data.copy();
        withNaN.set(2, 1, Float.NaN);
        assertMessage(() -> Pca.fit(withNaN), "data must be finite, got NaN at (2, 1)");
        assertMessage(() -> pca.components(0), "number of components k must be in 1..3, got 0");
        assertMessage(() -> pca.components(4), "number of components k must be in 1..3, got 4");
        assertMessage(() -> pca.decode(Matrix.zeros(2, 4)), "number of components k must be in 1..3, got 4");
        assertMessage(() -> pca.reconstruct(data, 4), "number of components k must be in 0..3, got 4");
        assertMessage(() -> pca.reconstruct(Matrix.zeros(2, 2), 1), "x must have 3 columns like the data PCA was fitted to, got 2x2");
        assertMessage(() -> pca.reconstruct(withNaN, 1), "x must be finite, got NaN at (2, 1)");
        assertMessage(() -> pca.discardedVariance(-1), "number of components k must be in 0..3, got -1");
        assertMessage(() -> pca.discardedVariance(4), "got 4");
        double[] v = pca.variances();
        assertEquals(v[0] + v[1] + v[2], pca.discardedVariance(0), 1e-9);
        assertEquals(0.0, pca.discardedVariance(3));
        assertEquals(String.format("Pca[3 dimensions from 4 rows, variances %s … %s, total %s]", (float) v[0], (float) v[2],
                (float) (v[0] + v[1] + v[2])), pca.toString());
        // a data set with no spread along one axis: its variance is 0, never a rounding's −1e-9
        Pca flat = Pca.fit(Matrix.of(new float[][] {{1, 0.1f, 3}, {2, 0.1f, 3}, {4, 0.1f, 3}}));
        for (double variance : flat.variances()) {
            assertTrue(variance >= 0, "variance " + variance);
        }
    }

    @Test
    void modelFileHeadersThatEndEarlyOrStartEmptyAreNamed(@TempDir Path dir) throws IOException {
        Autoencoder ae = Autoencoder.builder().input(4).hidden(2, Activation.SIGMOID).seed(1).build();
        Path noNewline = dir.resolve("no-newline.model");
        Files.writeString(noNewline, "aelab-model", StandardCharsets.UTF_8);
        IOException e = assertThrows(IOException.class, () -> ModelFile.loadInto(noNewline, ae.layers(), Map.of()));
        assertTrue(e.getMessage().endsWith("ends inside its header (truncated, or not an aelab model file)"), e.getMessage());
        Path emptyFirstLine = dir.resolve("empty-line.model");
        Files.writeString(emptyFirstLine, "\nrest\n", StandardCharsets.UTF_8);
        e = assertThrows(IOException.class, () -> ModelFile.loadInto(emptyFirstLine, ae.layers(), Map.of()));
        assertTrue(e.getMessage().endsWith("is not an aelab model file (it starts with '')"), e.getMessage());
        Path long60 = dir.resolve("sixty.model");
        String sixty = "x".repeat(60);
        Files.writeString(long60, sixty + "\n", StandardCharsets.UTF_8);
        e = assertThrows(IOException.class, () -> ModelFile.loadInto(long60, ae.layers(), Map.of()));
        assertTrue(e.getMessage().endsWith("(it starts with '" + sixty + "')"), "60 characters are shown whole: " + e.getMessage());
        Files.writeString(long60, sixty + "y\n", StandardCharsets.UTF_8);
        e = assertThrows(IOException.class, () -> ModelFile.loadInto(long60, ae.layers(), Map.of()));
        assertTrue(e.getMessage().endsWith("(it starts with '" + sixty + "…')"), "61 are cut to 60: " + e.getMessage());
    }

    @Test
    void aParameterMissingFromTheFileIsNamed(@TempDir Path dir) throws IOException {
        Autoencoder ae = Autoencoder.builder().input(4).hidden(2, Activation.SIGMOID).seed(1).build();
        Path file = dir.resolve("m.model");
        ModelFile.save(file, ae.layers(), Map.of("epochs", "3"));
        IOException e = assertThrows(IOException.class,
                () -> ModelFile.loadInto(file, ae.layers(), Map.of("epochs", "3", "lr", "0.1")));
        assertTrue(e.getMessage().endsWith("was trained with different parameters: lr saved (absent), now 0.1"), e.getMessage());
    }
}
