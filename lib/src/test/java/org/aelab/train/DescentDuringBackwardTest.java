package org.aelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aelab.data.Datasets;
import org.aelab.model.Autoencoder;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Dense;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Loss;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * Under plain SGD the untied dense weights take their step inside backward's matrix product. Momentum with
 * m = 0 computes W + (−η·g + 0·v) = W − η·g in two passes over a gradient buffer, so both must give the same
 * floats, on products small enough for the Java loops and large enough for the BLAS.
 */
class DescentDuringBackwardTest {

    private static Autoencoder denoiser(int inputs, int hidden, boolean tied) {
        return Autoencoder.builder().input(inputs).hidden(hidden, Activation.SIGMOID).output(Activation.SIGMOID)
                .tiedWeights(tied).loss(Loss.BCE).sparsity(0.05, 0.3).corruption(Corruption.masking(0.1)).seed(3)
                .build();
    }

    private static List<Matrix> parameters(Autoencoder ae) {
        List<Matrix> out = new ArrayList<>();
        for (Parameter p : ae.layers().parameters()) {
            out.add(p.value().copy());
        }
        return out;
    }

    private static void assertSameFloats(Autoencoder sgd, Autoencoder momentumZero) {
        List<Matrix> a = parameters(sgd);
        List<Matrix> b = parameters(momentumZero);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).sameValues(b.get(i)), "parameter " + sgd.layers().parameters().get(i) + " differs");
        }
    }

    private static void trainBoth(int inputs, int hidden, boolean tied, Matrix data, int batch) {
        Autoencoder sgd = denoiser(inputs, hidden, tied);
        Autoencoder momentumZero = denoiser(inputs, hidden, tied);
        History a = sgd.fit(Trainer.builder().optimizer(Optimizer.sgd(0.1)).batchSize(batch).epochs(3).seed(7).build(), data);
        History b = momentumZero.fit(Trainer.builder().optimizer(Optimizer.momentum(0.1, 0)).batchSize(batch).epochs(3)
                .seed(7).build(), data);
        assertSameFloats(sgd, momentumZero);
        assertEquals(a.lastLoss(), b.lastLoss());
    }

    @Test
    void javaLoopsMatchTheTwoPassUpdateBitForBit() {
        trainBoth(8, 3, false, Datasets.oneHot(8), 8);
    }


    /**
     * The BLAS rounds W − η·xᵀδ once (a fused multiply-add), the two passes twice (the product, then the step), so on
     * BLAS-sized products one step may differ in the last bit: each weight within two units in the last place of
     * the larger of its old and new value, the biases (updated by the optimizer in both) bit for bit.
     */
    @Test
    void blasSizedStepAgreesWithTheTwoPassStepToTheLastBit() {
        Matrix data = Datasets.randomImages(32, 14, 14, 12); // 196·50·32 multiply-adds: the BLAS, not the Java loops
        Autoencoder sgd = denoiser(196, 50, false);
        Autoencoder momentumZero = denoiser(196, 50, false);
        List<Matrix> before = parameters(sgd);
        sgd.fit(Trainer.builder().optimizer(Optimizer.sgd(0.5)).fullBatch().epochs(1).seed(7).build(), data);
        momentumZero.fit(Trainer.builder().optimizer(Optimizer.momentum(0.5, 0)).fullBatch().epochs(1).seed(7).build(), data);
        List<Matrix> a = parameters(sgd);
        List<Matrix> b = parameters(momentumZero);
        List<Parameter> names = sgd.layers().parameters();
        for (int k = 0; k < a.size(); k++) {
            float[] w0 = before.get(k).data();
            float[] wa = a.get(k).data();
            float[] wb = b.get(k).data();
            int moved = 0;
            for (int i = 0; i < wa.length; i++) {
                if (names.get(k).kind() == Parameter.Kind.BIAS) {
                    assertEquals(wb[i], wa[i], names.get(k) + " element " + i);
                } else {
                    float tolerance = 2 * Math.ulp(Math.max(Math.abs(w0[i]), Math.abs(wb[i])));
                    assertEquals(wb[i], wa[i], tolerance, names.get(k) + " element " + i);
                }
                moved += wa[i] != w0[i] ? 1 : 0;
            }
            assertTrue(moved > wa.length / 2, names.get(k) + ": " + moved + " of " + wa.length + " values moved");
        }
    }

    @Test
    void tiedNetworkKeepsTheGradientBufferAndStillMatches() {
        Autoencoder tied = denoiser(16, 6, true);
        assertTrue(tied.layers().descentDuringBackwardCandidates().isEmpty(), "tied weights are shared by two layers");
        trainBoth(16, 6, true, Datasets.randomImages(40, 4, 4, 11), 8);
    }

    @Test
    void candidatesAreTheUntiedTrainableWeightsOnly() {
        Autoencoder ae = denoiser(16, 6, false);
        LayerStack stack = ae.layers();
        List<Parameter> all = stack.descentDuringBackwardCandidates();
        assertEquals(List.of(((Dense) stack.layer(0)).weights(), ((Dense) stack.layer(1)).weights()), all);
        assertEquals(List.of(((Dense) stack.layer(1)).weights()), stack.withFrozenLayers(1).descentDuringBackwardCandidates());
    }

    @Test
    void theRunSwitchesItOnForSgdOnlyAndOffWhenItEnds() {
        Autoencoder ae = denoiser(16, 6, false);
        Parameter encoderWeights = ((Dense) ae.layers().layer(0)).weights();
        float[] seen = new float[2];
        Trainer sgd = Trainer.builder().optimizer(Optimizer.sgd(0.25)).batchSize(8).epochs(1).seed(1)
                .listener(stats -> seen[0] = encoderWeights.descentRate()).build();
        ae.fit(sgd, Datasets.randomImages(40, 4, 4, 11));
        assertEquals(0.25f, seen[0], "during an SGD run");
        assertEquals(0f, encoderWeights.descentRate(), "after the run");

        Trainer adam = Trainer.builder().optimizer(Optimizer.adam(0.01)).batchSize(8).epochs(1).seed(1)
                .listener(stats -> seen[1] = encoderWeights.descentRate() + 1).build();
        ae.fit(adam, Datasets.randomImages(40, 4, 4, 11));
        assertEquals(1f, seen[1], "Adam keeps the gradient buffer");
    }

    @Test
    void weightDecayKeepsTheGradientBuffer() {
        Autoencoder ae = Autoencoder.builder().input(16).hidden(6, Activation.SIGMOID).output(Activation.SIGMOID)
                .loss(Loss.BCE).weightDecay(0.01).seed(3).build();
        Parameter decoderWeights = ((Dense) ae.layers().layer(1)).weights();
        float[] seen = {-1};
        ae.fit(Trainer.builder().optimizer(Optimizer.sgd(0.1)).batchSize(8).epochs(1).seed(1)
                .listener(stats -> seen[0] = decoderWeights.descentRate()).build(), Datasets.randomImages(40, 4, 4, 11));
        assertEquals(0f, seen[0]);
    }

    @Test
    void aNegativeOrInfiniteRateIsRefusedByName() {
        Parameter p = new Parameter("enc.W", Matrix.zeros(2, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.descendDuringBackward(-0.1f));
        assertEquals("learningRate of parameter enc.W must be finite and >= 0, got -0.1", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> p.descendDuringBackward(Float.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> p.descendDuringBackward(Float.NaN));
    }
}
