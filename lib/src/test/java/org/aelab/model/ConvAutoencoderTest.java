package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aelab.model.ConvAutoencoder.WeightStart;
import org.aelab.nn.Conv2D;
import org.aelab.nn.Corruption;
import org.aelab.nn.ImageShape;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainer;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class ConvAutoencoderTest {

    /** Bright squares at random places on a black 28×28 background: something a small run can learn. */
    private static Matrix squares(int count, long seed) {
        Matrix m = Matrix.zeros(count, 784);
        Rng rng = new Rng(seed);
        for (int n = 0; n < count; n++) {
            int top = (int) rng.uniform(2, 18);
            int left = (int) rng.uniform(2, 18);
            for (int y = top; y < top + 8; y++) {
                for (int x = left; x < left + 8; x++) {
                    m.set(n, y * 28 + x, 0.9f);
                }
            }
        }
        return m;
    }

    @Test
    void kerasDenoiserHasTheSlidesLayerTableAndKerasParameterCount() {
        ConvAutoencoder ae = ConvAutoencoder.kerasDenoiser(Corruption.clippedGaussian(0.5), WeightStart.KERAS, 1);
        Table table = ae.layerTable();
        // 002's "Convolutional AE" slide, as (H, W, C) after every layer
        assertEquals(List.of("(28, 28, 16)", "(14, 14, 16)", "(14, 14, 8)", "(7, 7, 8)", "(7, 7, 8)", "(4, 4, 8)",
                "(4, 4, 8)", "(8, 8, 8)", "(8, 8, 8)", "(16, 16, 8)", "(14, 14, 16)", "(28, 28, 16)", "(28, 28, 1)"),
                table.stringColumn("output (H, W, C)").asList());
        // conv weights + biases: 160 + 1160 + 584 + 584 + 584 + 1168 + 145 (Keras's summary of this model: 4,385)
        assertEquals(4385, ae.parameterCount());
        assertEquals(4385, (int) table.intColumn("parameters").sum());
        assertEquals(new ImageShape(8, 4, 4), ae.codeShape());
        assertEquals(784, ae.layers().inputs());
        assertEquals(784, ae.layers().outputs());
        assertEquals("max-pool (code)", table.stringColumn("layer").get(5));
        assertEquals(7, ae.convolutions().size());
        assertEquals("valid", ae.convolutions().get(5).padding().toString());
        assertTrue(ae.toString().contains("corruption="), ae.toString());
    }

    @Test
    void encodeGivesTheCodeAndReconstructGivesPixelsInTheUnitInterval() {
        ConvAutoencoder ae = ConvAutoencoder.kerasDenoiser(null, WeightStart.PYTORCH, 3);
        Matrix x = squares(5, 2);
        assertEquals(5, ae.encode(x).rows());
        assertEquals(128, ae.encode(x).cols());
        Matrix y = ae.reconstruct(x);
        assertEquals(5 * 784, y.rows() * y.cols());
        assertTrue(y.countBelow(0) == 0 && y.countAbove(1) == 0);
        assertNull(ae.corruption());
    }

    @Test
    void kerasStartIsGlorotWithTheReceptiveFieldAndZeroBiases() {
        ConvAutoencoder ae = ConvAutoencoder.kerasDenoiser(null, WeightStart.KERAS, 5);
        for (Conv2D conv : ae.convolutions()) {
            Matrix w = conv.weights().value();
            double bound = Math.sqrt(6.0 / (w.rows() + w.cols() * 9));
            double max = 0;
            for (float v : w.data()) {
                max = Math.max(max, Math.abs(v));
            }
            assertTrue(max <= bound, conv + ": " + max + " > " + bound);
            assertTrue(max > 0.8 * bound, conv + ": largest weight " + max + " far below the bound " + bound);
            assertEquals(0, conv.bias().value().countAbove(0) + conv.bias().value().countBelow(0), conv + " bias");
        }
    }

    @Test
    void pytorchStartIsUniformInOneOverRootFanInForWeightsAndBiasesFromOneStream() {
        ConvAutoencoder ae = ConvAutoencoder.kerasDenoiser(null, WeightStart.PYTORCH, 9);
        Rng rng = new Rng(9);
        for (Conv2D conv : ae.convolutions()) {
            double bound = 1 / Math.sqrt(conv.weights().value().rows());
            for (float v : conv.weights().value().data()) {
                assertEquals((float) rng.uniform(-bound, bound), v);
            }
            for (float v : conv.bias().value().data()) {
                assertEquals((float) rng.uniform(-bound, bound), v);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        Matrix a = ConvAutoencoder.kerasDenoiser(null, WeightStart.KERAS, 4).firstLayerFilters();
        Matrix b = ConvAutoencoder.kerasDenoiser(null, WeightStart.KERAS, 4).firstLayerFilters();
        Matrix c = ConvAutoencoder.kerasDenoiser(null, WeightStart.KERAS, 5).firstLayerFilters();
        assertTrue(a.sameValues(b));
        assertFalse(a.sameValues(c));
    }

    @Test
    void firstLayerFiltersAreTheFirstConvolutionsFiltersOneARow() {
        ConvAutoencoder ae = ConvAutoencoder.kerasDenoiser(null, WeightStart.PYTORCH, 1);
        Matrix filters = ae.firstLayerFilters();
        assertEquals(16, filters.rows());
        assertEquals(9, filters.cols());
        for (int f = 0; f < 16; f++) {
            assertArrayEquals(ae.convolutions().get(0).filterCopy(f).data(), filters.rowCopy(f));
        }
    }

    @Test
    void aShortDenoisingRunLowersTheLossOnNoisyInputs() {
        Corruption noise = Corruption.clippedGaussian(0.5);
        ConvAutoencoder ae = ConvAutoencoder.kerasDenoiser(noise, WeightStart.KERAS, 1);
        Matrix clean = squares(64, 11);
        Matrix noisy = Matrix.zeros(64, 784);
        noise.corrupt(clean, noisy, new Rng(12));
        double before = ae.reconstructionLoss(noisy, clean);
        History history = Trainer.builder().optimizer(Optimizer.adam(1e-2)).batchSize(16).epochs(8).seed(1).build()
                .fit(ae, clean, clean, noisy, clean);
        double after = ae.reconstructionLoss(noisy, clean);
        assertEquals(after, history.last("validation"), 1e-9);
        assertTrue(after < 0.8 * before, "BCE per pixel " + before + " -> " + after);
    }

    @Test
    void aMissingWeightStartIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConvAutoencoder.kerasDenoiser(null, null, 1));
        assertTrue(e.getMessage().contains("WeightStart.KERAS"), e.getMessage());
    }
}
