package org.aelab.train;

import static org.aelab.train.TrainerTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.aelab.nn.LayerStack;
import org.aelab.nn.Loss;
import org.aelab.nn.Objective;
import org.aelab.nn.Penalty;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** What a trainer does with its settings: shuffling, metrics, listeners, early stopping, interrupts, checks. */
class TrainerBehaviourTest {
    private static final Matrix DATA = Datasets.randomImages(50, 4, 4, 11);

    private static Autoencoder plain(long seed) {
        return Autoencoder.builder().input(16).hidden(6, Activation.SIGMOID).output(Activation.SIGMOID)
                .loss(Loss.BCE).seed(seed).build();
    }

    private static Trainer.Builder sgd() {
        return Trainer.builder().optimizer(Optimizer.sgd(0.5)).epochs(3);
    }

    private static float[] firstWeights(Autoencoder ae) {
        return ae.encoder().get(0).weightsCopy().data();
    }

    @Test
    void minibatchesAreShuffledByTheSeedUnlessShufflingIsOff() {
        // no corruption: the trainer's random stream only orders the minibatches
        Autoencoder a = plain(1);
        Autoencoder b = plain(1);
        a.fit(sgd().batchSize(8).seed(1).build(), DATA);
        b.fit(sgd().batchSize(8).seed(2).build(), DATA);
        assertFalse(java.util.Arrays.equals(firstWeights(a), firstWeights(b)), "another seed, another order");

        Autoencoder c = plain(1);
        Autoencoder d = plain(1);
        c.fit(sgd().batchSize(8).shuffle(false).seed(1).build(), DATA);
        d.fit(sgd().batchSize(8).shuffle(false).seed(2).build(), DATA);
        assertArrayEquals(firstWeights(c), firstWeights(d), "without shuffling the seed does not matter");
        assertFalse(java.util.Arrays.equals(firstWeights(a), firstWeights(c)), "shuffled differs from in order");
    }

    @Test
    void aFullBatchIsNotReordered() {
        // reordering the rows of a full batch would change only the rounding of its sums: the seed must not matter
        Autoencoder a = plain(1);
        Autoencoder b = plain(1);
        a.fit(sgd().fullBatch().seed(1).build(), DATA);
        b.fit(sgd().fullBatch().seed(2).build(), DATA);
        assertArrayEquals(firstWeights(a), firstWeights(b));
    }

    @Test
    void everyMetricGetsItsOwnColumnAndADerivedTrainerKeepsThem() {
        Trainer trainer = sgd().metric("seven", () -> 7).metric("eight", () -> 8).build();
        History history = plain(1).fit(trainer.toBuilder().epochs(2).build(), DATA);
        assertArrayEquals(new double[] {7, 7}, history.column("seven"));
        assertArrayEquals(new double[] {8, 8}, history.column("eight"));
        assertEquals(List.of("epoch", "loss", "reconstruction", "penalty", "validation", "seconds", "seven", "eight"),
                history.table().columnNames());
        assertFalse(history.stoppedEarly(), "all epochs ran");
        assertEquals(2, history.epochs());
    }

    @Test
    void listenersHearTheNumberOfEpochsAndConsistentTimes() {
        List<String> heard = new ArrayList<>();
        List<EpochStats> stats = new ArrayList<>();
        Trainer trainer = sgd().epochs(4).listener(new TrainingListener() {
            @Override
            public void started(int totalEpochs) {
                heard.add("started " + totalEpochs);
            }

            @Override
            public void epochEnded(EpochStats s) {
                stats.add(s);
            }
        }).build();
        long before = System.nanoTime();
        History history = plain(1).fit(trainer, DATA, DATA);
        double wall = (System.nanoTime() - before) / 1e9;
        assertEquals(List.of("started 4"), heard);
        assertEquals(4, stats.size());
        double previousElapsed = 0;
        for (EpochStats s : stats) {
            assertEquals(4, s.totalEpochs());
            assertTrue(s.seconds() >= 0 && s.seconds() <= s.elapsedSeconds(), "epoch " + s.epoch() + " took " + s.seconds()
                    + " s of " + s.elapsedSeconds() + " s so far");
            assertTrue(s.elapsedSeconds() >= previousElapsed && s.elapsedSeconds() <= wall,
                    "elapsed " + s.elapsedSeconds() + " s after " + previousElapsed + " s, in a fit of " + wall + " s");
            previousElapsed = s.elapsedSeconds();
            assertEquals(s.loss(), s.reconstructionLoss() + s.penalty(), 1e-12);
        }
        double[] seconds = history.column("seconds");
        for (int i = 0; i < 4; i++) {
            assertEquals(stats.get(i).seconds(), seconds[i]);
            assertEquals(stats.get(i).validationLoss(), history.column("validation")[i]);
        }
        assertEquals((seconds[0] + seconds[1] + seconds[2] + seconds[3]) / 4, history.secondsPerEpoch(), 1e-15);
    }

    @Test
    void secondsLeftExtrapolatesTheEpochsSoFar() {
        assertEquals(30.0, new EpochStats(2, 8, 1, 1, 0, Double.NaN, 5, 10).secondsLeft(), 1e-12);
        assertTrue(Double.isNaN(new EpochStats(0, 8, 1, 1, 0, Double.NaN, 0, 0).secondsLeft()));
    }

    @Test
    void earlyStoppingNeedsMoreThanTheMinimumImprovement() {
        // the loss falls every epoch, but by far less than 1e6: the first epoch sets the best, two more stop it
        Trainer trainer = sgd().epochs(50).fullBatch().earlyStopping(2, 1e6).build();
        History history = plain(1).fit(trainer, DATA);
        double[] loss = history.column("loss");
        assertTrue(loss[2] < loss[1] && loss[1] < loss[0], "the loss fell: " + java.util.Arrays.toString(loss));
        assertEquals(3, history.epochs());
        assertTrue(history.stoppedEarly());
        History without = plain(1).fit(sgd().epochs(5).fullBatch().earlyStopping(2, 0).build(), DATA);
        assertEquals(5, without.epochs(), "any improvement counts when the minimum is 0");
        assertFalse(without.stoppedEarly());
    }

    @Test
    void anInterruptInTheMiddleOfAnEpochNamesTheBatch() {
        // a corruption that interrupts the training thread on its 10th batch: epoch 2 (7 batches of 8 rows), batch 3
        int[] calls = {0};
        Corruption interrupting = (clean, out, rng) -> {
            out.copyFrom(clean);
            if (++calls[0] == 10) {
                Thread.currentThread().interrupt();
            }
        };
        Autoencoder ae = Autoencoder.builder().input(16).hidden(6, Activation.SIGMOID).output(Activation.SIGMOID)
                .corruption(interrupting).seed(1).build();
        TrainingInterruptedException e = assertThrows(TrainingInterruptedException.class,
                () -> ae.fit(sgd().epochs(5).batchSize(8).build(), DATA));
        assertEquals("training interrupted in epoch 2 after 3 of its 7 batches of 5: the network keeps the weights of its"
                + " last step, and the exception's history() holds the 1 completed epoch", e.getMessage());
        assertEquals(1, e.history().epochs());
        assertEquals(2, e.history().interruptedAt());
    }

    @Test
    void aTrainableWhosePenaltyIsNotOnAHiddenLayerIsRefused() {
        LayerStack stack = LayerStack.of(Dense.of(4, 2, Activation.SIGMOID, "a"), Dense.of(2, 4, Activation.SIGMOID, "b"));
        Objective onTheOutput = Objective.of(Loss.BCE).withPenalty(Penalty.l1(0.1), 1);
        Trainable model = new Trainable() {
            @Override
            public LayerStack layers() {
                return stack;
            }

            @Override
            public Objective objective() {
                return onTheOutput;
            }

            @Override
            public Corruption corruption() {
                return null;
            }
        };
        Matrix x = Datasets.randomImages(5, 2, 2, 1);
        assertMessage(() -> sgd().build().fit(model, x, x), "the penalty must be on a hidden layer 0..0 of ");
        assertMessage(() -> Trainable.of(stack, onTheOutput), "got layer 1");
        assertMessage(() -> Trainable.of(null, Objective.of(Loss.BCE)), "a trainable needs layers and an objective, got null and");
        assertMessage(() -> Trainable.of(stack, null), "a trainable needs layers and an objective");

        Trainable denoiser = Trainable.of(stack, Objective.of(Loss.BCE).withPenalty(Penalty.l1(0.1), 0), Corruption.masking(0.2));
        assertEquals(stack, denoiser.layers());
        assertEquals(Corruption.masking(0.2), denoiser.corruption());
        assertEquals("loss=BCE(sum/batch) penalty=L1(λ=0.1) on layer 0", denoiser.objective().toString());
        assertEquals(stack + " loss=BCE(sum/batch) penalty=L1(λ=0.1) on layer 0 corruption=masking(ν=0.2)", denoiser.toString());
        assertEquals(stack + " loss=BCE(sum/batch)", Trainable.of(stack, Objective.of(Loss.BCE)).toString());
        assertEquals(3, sgd().build().fit(Trainable.of(stack, Objective.of(Loss.BCE)), x, x).epochs());
    }

    @Test
    void targetsAndValidationTargetsAreChecked() {
        Autoencoder ae = plain(1);
        Trainer trainer = sgd().build();
        Matrix withNaN = DATA.copy();
        withNaN.set(4, 1, Float.NaN);
        assertMessage(() -> trainer.fit(ae, DATA, withNaN), "targets must be finite, got NaN at (4, 1)");
        assertMessage(() -> trainer.fit(ae, DATA, null), "targets must not be null");
        assertMessage(() -> trainer.fit(ae, DATA, DATA, DATA, Matrix.zeros(50, 15)),
                "validationTargets must be 50x16 (one row per input, one column per network output), got 50x15");
        assertMessage(() -> trainer.fit(ae, DATA, DATA, DATA, null), "give both validationInputs and validationTargets, or neither");
        assertMessage(() -> trainer.fit(ae, DATA, DATA, null, DATA), "give both validationInputs and validationTargets, or neither");
    }

    @Test
    void settingsAtTheirLimits() {
        assertEquals(1, Trainer.builder().optimizer(Optimizer.sgd(0.1)).epochs(1).build().epochs());
        assertEquals(1, Trainer.builder().optimizer(Optimizer.sgd(0.1)).batchSize(1).build().batchSize());
        assertMessage(() -> Trainer.builder().epochs(0), "epochs must be positive, got 0");
        assertMessage(() -> Trainer.builder().earlyStopping(0, 0.1), "early stopping patience must be positive, got 0");
        assertMessage(() -> Trainer.builder().earlyStopping(1, -1e-9), "early stopping minImprovement must be >= 0, got -1.0E-9");
        assertMessage(() -> Trainer.builder().earlyStopping(1, Double.NaN), "minImprovement must be >= 0, got NaN");
        assertMessage(() -> Trainer.builder().optimizer(null), "optimizer must not be null");
        assertMessage(() -> Trainer.builder().listener(null), "listener must not be null");
        assertMessage(() -> Trainer.builder().metric(" ", () -> 1), "metric needs a name and a supplier, got name ' '");
        assertMessage(() -> Trainer.builder().metric("m", null), "metric needs a name and a supplier, got name 'm'");
        assertMessage(() -> Trainer.builder().metric(null, () -> 1), "got name 'null'");
        Trainer trainer = Trainer.builder().optimizer(Optimizer.adam(0.01)).seed(7).build();
        assertEquals(7, trainer.seed());
        assertEquals(Optimizer.adam(0.01), trainer.optimizer());
        assertEquals(Trainer.FULL_BATCH, trainer.batchSize());
        assertEquals(10, trainer.epochs());
    }

    @Test
    void itsNameTellsItsSettings() {
        assertEquals("Trainer[SGD(lr=0.5), epochs=3, batch=full, shuffled, seed=0]", sgd().build().toString());
        assertEquals("Trainer[Adam(lr=0.01), epochs=10, batch=32, seed=4, early stopping after 5 epochs without improvement]",
                Trainer.builder().optimizer(Optimizer.adam(0.01)).batchSize(32).shuffle(false).seed(4)
                        .earlyStopping(5, 0).build().toString());
        assertEquals("Trainer[SGD(lr=0.5), epochs=3, batch=1, shuffled, seed=0, early stopping after 1 epochs without improvement]",
                sgd().batchSize(1).earlyStopping(1, 0).build().toString());
    }

    @Test
    void theRandomStreamOfCorruptionComesFromTheSeed() {
        // the same seed gives the same masks: two denoisers trained alike end alike, another seed differs
        Corruption masking = Corruption.masking(0.3);
        float[][] ends = new float[3][];
        long[] seeds = {5, 5, 6};
        for (int i = 0; i < 3; i++) {
            Autoencoder ae = Autoencoder.builder().input(16).hidden(6, Activation.SIGMOID).output(Activation.SIGMOID)
                    .corruption(masking).seed(1).build();
            ae.fit(sgd().fullBatch().seed(seeds[i]).build(), DATA);
            ends[i] = firstWeights(ae);
        }
        assertArrayEquals(ends[0], ends[1]);
        assertFalse(java.util.Arrays.equals(ends[0], ends[2]));
    }
}
