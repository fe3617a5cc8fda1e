package org.aelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.aelab.data.Datasets;
import org.aelab.data.Mnist;
import org.aelab.model.Autoencoder;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Init;
import org.aelab.nn.Loss;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints: a run saved after some epochs and resumed reaches exactly the weights and history of the run
 * that was never stopped, on notebook 05's recipe at its quick size (the first 10 000 MNIST training images,
 * a 784-625-784 sparse denoising autoencoder, batches of 128). Other recipes and damaged files are refused.
 */
class CheckpointTest {
    private static Matrix quickImages;

    @BeforeAll
    static void loadMnist() throws IOException {
        quickImages = Mnist.load().train().first(10_000).images();
    }

    /** Notebook 05's autoencoder: BCE, KL sparsity ρ = 0.02, β = 0.4, masking noise ν = 0.1. */
    private static Autoencoder notebook05(int hidden) {
        return Autoencoder.builder().input(784).hidden(hidden, Activation.SIGMOID).output(Activation.SIGMOID)
                .loss(Loss.BCE).sparsity(0.02, 0.4).corruption(Corruption.masking(0.1)).init(Init.glorot()).seed(1).build();
    }

    private static Trainer.Builder trainer(Optimizer optimizer, int epochs) {
        return Trainer.builder().optimizer(optimizer).batchSize(128).epochs(epochs).seed(1);
    }

    private static List<float[]> weights(Autoencoder ae) {
        return ae.layers().parameters().stream().map(p -> p.value().data().clone()).toList();
    }

    private static void assertSameRun(Autoencoder expected, History expectedHistory, Autoencoder actual, History actual6) {
        List<float[]> a = weights(expected);
        List<float[]> b = weights(actual);
        assertEquals(a.size(), b.size());
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k), b.get(k), "parameter " + k + " bit-identical");
        }
        for (String column : List.of("loss", "reconstruction", "penalty")) {
            assertArrayEquals(expectedHistory.column(column), actual6.column(column), column);
        }
    }

    @Test
    void sgdRunOfThreeEpochsResumedForThreeMoreEqualsSixStraight(@TempDir Path dir) {
        Optimizer sgd = Optimizer.sgd(0.1);
        Autoencoder straight = notebook05(625);
        History sixStraight = straight.fit(trainer(sgd, 6).build(), quickImages);

        Path file = dir.resolve("05.checkpoint");
        History firstThree = notebook05(625).fit(trainer(sgd, 3).checkpoint(file, 1).build(), quickImages);
        assertEquals(0, firstThree.resumedAfter());
        Autoencoder resumed = notebook05(625);
        History six = resumed.fit(trainer(sgd, 6).checkpoint(file, 2).build(), quickImages);
        assertEquals(3, six.resumedAfter());
        assertEquals(6, six.epochs());
        assertTrue(six.toString().contains("resumed after epoch 3 from a checkpoint"), six.toString());
        assertSameRun(straight, sixStraight, resumed, six);
    }

    @Test
    void adamRunInterruptedAfterThreeEpochsResumesToTheStraightRun(@TempDir Path dir) {
        Matrix images = quickImages.topRows(2_000);
        Optimizer adam = Optimizer.adam(0.001);
        Autoencoder straight = notebook05(100);
        History sixStraight = straight.fit(trainer(adam, 6).build(), images);

        Path file = dir.resolve("adam.checkpoint");
        TrainingListener interruptAfterThree = stats -> {
            if (stats.epoch() == 3) {
                Thread.currentThread().interrupt(); // as Kernel → Interrupt would, while epoch 3 ends
            }
        };
        Trainer checkpointed = trainer(adam, 6).checkpoint(file, 1).build();
        TrainingInterruptedException stopped = assertThrows(TrainingInterruptedException.class,
                () -> notebook05(100).fit(checkpointed.toBuilder().listener(interruptAfterThree).build(), images));
        assertEquals(3, stopped.history().epochs());
        Autoencoder resumed = notebook05(100);
        History six = resumed.fit(checkpointed, images);
        assertEquals(3, six.resumedAfter());
        assertSameRun(straight, sixStraight, resumed, six);

        // A finished run's checkpoint gives its result again without training.
        Autoencoder again = notebook05(100);
        History rerun = again.fit(checkpointed, images);
        assertEquals(6, rerun.resumedAfter());
        assertSameRun(straight, sixStraight, again, rerun);
    }

    private static Autoencoder small(long seed) {
        return Autoencoder.builder().input(16).hidden(6, Activation.SIGMOID).output(Activation.SIGMOID)
                .sparsity(0.1, 0.2).corruption(Corruption.masking(0.2)).seed(seed).build();
    }

    private static final Matrix SMALL_DATA = Datasets.randomImages(40, 4, 4, 3);

    private static Path smallCheckpoint(Path dir) {
        Path file = dir.resolve("small.checkpoint");
        small(1).fit(Trainer.builder().optimizer(Optimizer.adam(0.001)).batchSize(8).epochs(2).seed(1)
                .checkpoint(file, 1).build(), SMALL_DATA);
        return file;
    }

    @Test
    void aCheckpointOfAnotherRecipeIsRefusedNamingTheDifference(@TempDir Path dir) {
        Path file = smallCheckpoint(dir);
        Autoencoder model = small(1);
        List<float[]> before = weights(model);
        Trainer same = Trainer.builder().optimizer(Optimizer.adam(0.001)).batchSize(8).epochs(4).seed(1)
                .checkpoint(file, 1).build();

        String optimizer = refusal(model, same.toBuilder().optimizer(Optimizer.sgd(0.1)), SMALL_DATA);
        assertTrue(optimizer.startsWith("checkpoint " + file + " was written for optimizer Adam(lr=0.001) but this trainer"
                + " uses SGD(lr=0.1). Delete it"), optimizer);
        String batchAndSeed = refusal(model, same.toBuilder().batchSize(10).seed(2), SMALL_DATA);
        assertTrue(batchAndSeed.contains("batch size 8 but this trainer uses 10; seed 1 but this trainer uses 2"), batchAndSeed);
        String data = refusal(model, same.toBuilder(), SMALL_DATA.topRows(39));
        assertTrue(data.contains("inputs 40x16 crc32 ") && data.contains(" but this fit gets 39x16 crc32 "), data);
        String init = refusal(small(2), same.toBuilder(), SMALL_DATA);
        assertTrue(init.contains("starting weights crc32 ") && init.contains(" but this model has crc32 "), init);
        Autoencoder wider = Autoencoder.builder().input(16).hidden(7, Activation.SIGMOID).output(Activation.SIGMOID)
                .sparsity(0.1, 0.2).corruption(Corruption.masking(0.2)).seed(1).build();
        String layers = refusal(wider, same.toBuilder(), SMALL_DATA);
        assertTrue(layers.contains("layers [Dense(16→6, sigmoid), Dense(6→16, sigmoid)] but this model has"
                + " [Dense(16→7, sigmoid), Dense(7→16, sigmoid)]"), layers);
        String shorter = refusal(model, same.toBuilder().epochs(1), SMALL_DATA);
        assertEquals("checkpoint " + file + " holds 2 epochs, more than this trainer's 1", shorter);

        List<float[]> after = weights(model);
        for (int k = 0; k < before.size(); k++) {
            assertArrayEquals(before.get(k), after.get(k), "a refused checkpoint changes nothing");
        }
        assertEquals(4, model.fit(same, SMALL_DATA).epochs(), "the same recipe resumes");
    }

    private static String refusal(Autoencoder model, Trainer.Builder trainer, Matrix data) {
        return assertThrows(IllegalArgumentException.class, () -> model.fit(trainer.build(), data)).getMessage();
    }

    @Test
    void aDamagedCheckpointIsAnIOExceptionNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = smallCheckpoint(dir);
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[flipped.length - 10] ^= 0x40;
        assertDamage(file, flipped, "data fails its checksum");
        assertDamage(file, Arrays.copyOf(good, good.length - 7), "(truncated)");
        assertDamage(file, Arrays.copyOf(good, good.length + 3), "(extra bytes)");
        assertDamage(file, Arrays.copyOf(good, 30), "ends inside its header");
        assertDamage(file, "aelab-checkpoint 2\n".getBytes(StandardCharsets.UTF_8),
                "has checkpoint format version 2, this aelab reads version 1");
        assertDamage(file, "hello\n".getBytes(StandardCharsets.UTF_8), "is not an aelab checkpoint (it starts with 'hello')");
        Files.delete(file);
        Files.createDirectory(file);
        UncheckedIOException directory = assertThrows(UncheckedIOException.class, () -> small(1).fit(trainer(file), SMALL_DATA));
        assertTrue(directory.getMessage().startsWith(file + " is a directory"), directory.getMessage());
    }

    private static Trainer trainer(Path file) {
        return Trainer.builder().optimizer(Optimizer.adam(0.001)).batchSize(8).epochs(3).seed(1).checkpoint(file, 1).build();
    }

    private static void assertDamage(Path file, byte[] content, String expected) throws IOException {
        Files.write(file, content);
        Autoencoder model = small(1);
        List<float[]> before = weights(model);
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> model.fit(trainer(file), SMALL_DATA));
        IOException cause = assertInstanceOf(IOException.class, e.getCause());
        assertTrue(cause.getMessage().startsWith(file.toString()), cause.getMessage());
        assertTrue(cause.getMessage().contains(expected), expected + " in: " + cause.getMessage());
        assertTrue(e.getMessage().endsWith("; delete it to train from the start"), e.getMessage());
        List<float[]> after = weights(model);
        for (int k = 0; k < before.size(); k++) {
            assertArrayEquals(before.get(k), after.get(k));
        }
    }

    @Test
    void checkpointSettingsAreChecked() {
        Trainer.Builder b = Trainer.builder().optimizer(Optimizer.sgd(0.1));
        assertEquals("checkpoint everyEpochs must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> b.checkpoint(Path.of("x"), 0)).getMessage());
        assertEquals("checkpoint file must not be null",
                assertThrows(IllegalArgumentException.class, () -> b.checkpoint(null, 1)).getMessage());
        Trainer without = b.build();
        Trainer withCheckpoint = b.checkpoint(Path.of("run.checkpoint"), 5).build();
        assertEquals(without.toString(), withCheckpoint.toString(), "a checkpoint does not change what is trained");
        assertEquals(Path.of("run.checkpoint"), withCheckpoint.checkpointFile());
        assertEquals(null, without.checkpointFile());
    }
}
