package org.aelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aelab.data.Datasets;
import org.aelab.model.Autoencoder;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Dense;
import org.aelab.nn.Init;
import org.aelab.nn.Loss;
import org.aelab.nn.Parameter;
import org.aelab.nn.Reduction;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Matrix DATA = Datasets.randomImages(50, 4, 4, 11);

    private static Autoencoder denoiser(long seed) {
        return Autoencoder.builder().input(16).hidden(6, Activation.SIGMOID).output(Activation.SIGMOID)
                .loss(Loss.BCE).sparsity(0.1, 0.2).corruption(Corruption.masking(0.2)).seed(seed).build();
    }

    private static Trainer trainer(long seed) {
        return Trainer.builder().optimizer(Optimizer.sgd(0.1)).epochs(5).batchSize(8).seed(seed).build();
    }

    private static List<Matrix> weights(Autoencoder ae) {
        List<Matrix> out = new ArrayList<>();
        for (Dense layer : ae.encoder()) {
            out.add(layer.weightsCopy());
            out.add(layer.biasCopy());
        }
        for (Dense layer : ae.decoder()) {
            out.add(layer.weightsCopy());
            out.add(layer.biasCopy());
        }
        return out;
    }

    @Test
    void sameSeedGivesBitIdenticalWeights() {
        Autoencoder a = denoiser(1);
        Autoencoder b = denoiser(1);
        History ha = a.fit(trainer(5), DATA);
        History hb = b.fit(trainer(5), DATA);
        List<Matrix> wa = weights(a);
        List<Matrix> wb = weights(b);
        for (int i = 0; i < wa.size(); i++) {
            assertTrue(wa.get(i).sameValues(wb.get(i)), "parameter " + i + " identical");
        }
        assertEquals(ha.lastLoss(), hb.lastLoss());
    }

    @Test
    void differentSeedsGiveDifferentWeights() {
        Autoencoder a = denoiser(1);
        Autoencoder b = denoiser(1);
        a.fit(trainer(5), DATA);
        b.fit(trainer(6), DATA); // same initial weights, different shuffling and masks
        assertFalse(weights(a).get(0).sameValues(weights(b).get(0)));
        Autoencoder c = denoiser(2);
        assertFalse(weights(denoiser(1)).get(0).sameValues(weights(c).get(0)), "init seed changes the initial weights");
    }

    @Test
    void trainingLowersTheLossAndRecordsHistory() {
        Autoencoder ae = denoiser(3);
        double before = ae.reconstructionLoss(DATA);
        Trainer t = Trainer.builder().optimizer(Optimizer.adam(0.01)).epochs(30).batchSize(10).seed(1)
                .metric("clean", () -> ae.reconstructionLoss(DATA)).build();
        History h = ae.fit(t, DATA, DATA);
        assertEquals(30, h.epochs());
        assertTrue(h.last("validation") < before, "validation loss fell from " + before + " to " + h.last("validation"));
        assertEquals(h.last("validation"), h.last("clean"), 1e-9, "metric column and validation agree");
        assertTrue(h.table().columnNames().containsAll(List.of("epoch", "loss", "reconstruction", "penalty", "validation", "seconds", "clean")));
        assertEquals(h.column("loss")[0], h.column("reconstruction")[0] + h.column("penalty")[0], 1e-9);
    }

    @Test
    void earlyStoppingStopsWhenTheLossStalls() {
        Autoencoder ae = denoiser(3);
        Trainer t = Trainer.builder().optimizer(Optimizer.sgd(1e-9)).epochs(1000).batchSize(50).shuffle(false)
                .earlyStopping(3, 1e-3).build();
        History h = ae.fit(t, DATA);
        assertTrue(h.stoppedEarly());
        assertEquals(4, h.epochs(), "first epoch sets the best, three more without improvement stop it");
    }

    @Test
    void divergenceNamesTheEpochAndLearningRate() {
        Autoencoder ae = Autoencoder.builder().input(16).hidden(6, Activation.RELU).output(Activation.IDENTITY)
                .loss(Loss.MSE).seed(1).build();
        Trainer t = Trainer.builder().optimizer(Optimizer.sgd(1e6)).epochs(100).fullBatch().build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ae.fit(t, DATA));
        assertTrue(e.getMessage().matches("training diverged at epoch \\d+: (the loss is (NaN|Infinity)|a weight reached \\|w\\|)"
                + ".*learning rate.*1000000.0.*"), e.getMessage());
    }

    @Test
    void divergenceUnderClampedBceIsNoticedThroughTheWeights() {
        // BCE clamps its outputs, so its loss stays finite however far the weights run away.
        Autoencoder ae = Autoencoder.builder().input(8).hidden(3, Activation.SIGMOID).output(Activation.SIGMOID)
                .loss(Loss.bce(Reduction.MEAN)).init(Init.uniform(0.1)).seed(1).build();
        Trainer t = Trainer.builder().optimizer(Optimizer.momentum(1e6, 0.9)).fullBatch().epochs(2000).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ae.fit(t, Datasets.oneHot(8)));
        assertTrue(e.getMessage().startsWith("training diverged at epoch 1: a weight reached |w| = "), e.getMessage());
        assertTrue(e.getMessage().endsWith("with Momentum(lr=1000000.0, m=0.9); try a smaller learning rate than 1000000.0"),
                e.getMessage());
    }

    @Test
    void aLossFarAboveItsBestAndItsStartIsDivergence() {
        List<Parameter> network = Autoencoder.builder().input(4).hidden(2, Activation.SIGMOID).output(Activation.SIGMOID)
                .seed(1).build().layers().trainableParameters();
        assertEquals(null, Divergence.reason(0.9, 0.5, 0.7, 5, network), "a rise above the start, but under 10x the best");
        assertEquals(null, Divergence.reason(6.0, 0.5, 7.0, 5, network), "10x the best, but under the first epoch's loss");
        assertEquals(null, Divergence.reason(8.0, 0.5, 0.7, 1, network), "the first epoch has nothing to rise from");
        assertEquals("the loss rose to 8.0, 16 times its best 0.5 and above its first epoch's 0.7",
                Divergence.reason(8.0, 0.5, 0.7, 5, network));
        assertEquals("the loss is NaN", Divergence.reason(Double.NaN, 0.5, 0.7, 5, network));
        network.get(0).value().data()[0] = Float.NaN;
        assertTrue(Divergence.reason(0.6, 0.5, 0.7, 5, network).startsWith("a weight reached |w| = NaN"));
    }

    @Test
    void listenersHearEveryEpochAndTheEnd() {
        List<Integer> epochs = new ArrayList<>();
        boolean[] finished = {false};
        Trainer t = trainer(1).toBuilder().listener(new TrainingListener() {
            @Override
            public void epochEnded(EpochStats stats) {
                epochs.add(stats.epoch());
            }

            @Override
            public void finished() {
                finished[0] = true;
            }
        }).build();
        denoiser(1).fit(t, DATA);
        assertEquals(List.of(1, 2, 3, 4, 5), epochs);
        assertTrue(finished[0]);
    }

    @Test
    void badInputsAreNamed() {
        Autoencoder ae = denoiser(1);
        assertMessage(() -> Trainer.builder().batchSize(0), "batch size must be positive, got 0");
        assertMessage(() -> Trainer.builder().epochs(-1), "epochs must be positive, got -1");
        assertMessage(() -> Trainer.builder().build(), "optimizer is required");
        assertMessage(() -> ae.fit(trainer(1), Matrix.zeros(5, 15)), "inputs must have 16 columns (the network's inputs), got 5x15");
        Matrix withNaN = DATA.copy();
        withNaN.set(3, 2, Float.NaN);
        assertMessage(() -> ae.fit(trainer(1), withNaN), "inputs must be finite, got NaN at (3, 2)");
        Matrix withInf = DATA.copy();
        withInf.set(0, 0, Float.POSITIVE_INFINITY);
        assertMessage(() -> ae.fit(trainer(1), DATA, withInf), "validationInputs must be finite, got Infinity at (0, 0)");
        assertMessage(() -> trainer(1).fit(ae, DATA, Matrix.zeros(49, 16)), "targets must be 50x16");
        assertMessage(() -> Autoencoder.builder().input(0), "input size must be positive, got 0");
        assertMessage(() -> Autoencoder.builder().input(4).hidden(-3, Activation.SIGMOID), "hidden layer size must be positive, got -3");
        assertMessage(() -> Matrix.zeros(0, 3), "rows must be positive, got 0");
        assertMessage(() -> Matrix.zeros(2, 3).copyFrom(Matrix.zeros(3, 2)), "source must be 2x3, got 3x2");
    }

    static void assertMessage(Runnable action, String expectedPart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expectedPart), "message '" + e.getMessage() + "' should contain '" + expectedPart + "'");
    }

    /** A listener that interrupts the training thread itself once epoch {@code at} has ended. */
    private static TrainingListener interruptAfter(int at) {
        return new TrainingListener() {
            @Override
            public void epochEnded(EpochStats stats) {
                if (stats.epoch() == at) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    @Test
    void anInterruptStopsBeforeTheNextStepWithTheWeightsOfTheCompletedEpochs() {
        Autoencoder interrupted = denoiser(3);
        boolean[] finished = {false};
        Trainer stopping = trainer(9).toBuilder().epochs(1_000).listener(interruptAfter(4))
                .listener(new TrainingListener() {
                    @Override
                    public void epochEnded(EpochStats stats) {
                    }

                    @Override
                    public void finished() {
                        finished[0] = true;
                    }
                }).build();
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> interrupted.fit(stopping, DATA));
        assertFalse(Thread.currentThread().isInterrupted(), "the exception consumes the interrupt");
        assertTrue(finished[0], "listeners hear the end");
        assertTrue(e.getMessage().contains("training interrupted before epoch 5 of 1000"), e.getMessage());
        History history = e.history();
        assertEquals(4, history.epochs());
        assertEquals(5, history.interruptedAt());
        assertTrue(history.toString().contains("4 epochs") && history.toString().contains("interrupted in epoch 5"),
                history.toString());

        Autoencoder reference = denoiser(3);
        History full = reference.fit(trainer(9).toBuilder().epochs(4).build(), DATA);
        assertEquals(0, full.interruptedAt());
        List<Matrix> a = weights(interrupted);
        List<Matrix> b = weights(reference);
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).sameValues(b.get(i)), "parameter " + i + " equals the 4-epoch run's");
        }
        assertEquals(full.lastLoss(), history.lastLoss());
        // The interrupt was consumed: the same thread trains again normally.
        assertEquals(2, denoiser(3).fit(trainer(9).toBuilder().epochs(2).build(), DATA).epochs());
    }

    @Test
    void anotherThreadInterruptsALongFullBatchFit() throws Exception {
        Autoencoder ae = Autoencoder.builder().input(8).hidden(3, Activation.SIGMOID).output(Activation.SIGMOID)
                .loss(Loss.BCE).seed(1).build();
        Matrix patterns = Datasets.oneHot(8);
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        Trainer endless = Trainer.builder().optimizer(Optimizer.momentum(0.05, 0.9)).fullBatch().epochs(2_000_000)
                .seed(1).listener(new TrainingListener() {
                    @Override
                    public void epochEnded(EpochStats stats) {
                        if (stats.epoch() == 500) {
                            running.countDown();
                        }
                    }
                }).build();
        TrainingInterruptedException[] caught = {null};
        Thread training = new Thread(() -> {
            try {
                ae.fit(endless, patterns);
            } catch (TrainingInterruptedException e) {
                caught[0] = e;
            }
        });
        training.start();
        assertTrue(running.await(60, java.util.concurrent.TimeUnit.SECONDS), "training reached epoch 500");
        training.interrupt();
        training.join(60_000);
        assertFalse(training.isAlive(), "the interrupted fit returned");
        assertTrue(caught[0] != null, "fit threw TrainingInterruptedException");
        int completed = caught[0].history().epochs();
        assertTrue(completed >= 500 && completed < 2_000_000, "completed " + completed);
        assertEquals(completed + 1, caught[0].history().interruptedAt());

        Autoencoder reference = Autoencoder.builder().input(8).hidden(3, Activation.SIGMOID)
                .output(Activation.SIGMOID).loss(Loss.BCE).seed(1).build();
        reference.fit(endless.toBuilder().epochs(completed).build(), patterns);
        List<Matrix> a = weights(ae);
        List<Matrix> b = weights(reference);
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).sameValues(b.get(i)), "parameter " + i + " equals the " + completed + "-epoch run's");
        }
    }
}
