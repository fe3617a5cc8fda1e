package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackRecipeTest {

    /** A stack small enough to train in a test: 6 images, 5 and 3 hidden units, 2 epochs. */
    private static final StackRecipe TINY = StackRecipe.SOURCE.withTrainImages(6).withEpochs(2)
            .withLevel1(StackRecipe.SOURCE.level1().withHiddenUnits(5).withEpochs(2))
            .withLevel2(StackRecipe.SOURCE.level2().withHiddenUnits(3).withEpochs(2));

    private static Matrix images(int rows) {
        Matrix m = Matrix.zeros(rows, StackRecipe.PIXELS);
        Rng rng = new Rng(7);
        for (int i = 0; i < m.data().length; i++) {
            m.data()[i] = rng.nextFloat();
        }
        return m;
    }

    @Test
    void theSourceRecipeHasTheExercisesValues() {
        StackRecipe.Level level1 = StackRecipe.SOURCE.level1();
        assertEquals(60_000, StackRecipe.SOURCE.trainImages());
        assertEquals(new StackRecipe.Level(625, false, 0.1, 0.1, 128, 0.02, 0.4, 10, 1), level1);
        assertEquals(100, StackRecipe.SOURCE.level2().hiddenUnits());
        assertEquals(level1.withHiddenUnits(100).withSeed(2), StackRecipe.SOURCE.level2(), "level 2 is trained as before");
        assertEquals("masking(ν=0.1)", level1.noise().toString());
        Autoencoder ae = StackRecipe.SOURCE.level2Autoencoder();
        assertEquals(625, ae.layers().inputs());
        assertEquals(100, ae.codeSize());
    }

    @Test
    void equalRecipesHaveEqualKeys() {
        StackRecipe again = new StackRecipe(60_000, new StackRecipe.Level(625, false, 0.1, 0.1, 128, 0.02, 0.4, 10, 1),
                new StackRecipe.Level(100, false, 0.1, 0.1, 128, 0.02, 0.4, 10, 2));
        assertEquals(StackRecipe.SOURCE, again);
        assertEquals(StackRecipe.SOURCE.key(), again.key());
        assertEquals(StackRecipe.SOURCE.level1Key(), again.level1Key());
        assertEquals(12, again.key().length());
        assertEquals(StackRecipe.SOURCE.key(), StackRecipe.SOURCE.withEpochs(3).withEpochs(10).key(), "with… copies back");
    }

    @Test
    void anyChangedFieldChangesTheKey() {
        StackRecipe.Level l1 = StackRecipe.SOURCE.level1();
        List<StackRecipe.Level> level1Variants = List.of(
                new StackRecipe.Level(624, false, 0.1, 0.1, 128, 0.02, 0.4, 10, 1),
                new StackRecipe.Level(625, true, 0.1, 0.1, 128, 0.02, 0.4, 10, 1),
                new StackRecipe.Level(625, false, 0.2, 0.1, 128, 0.02, 0.4, 10, 1),
                new StackRecipe.Level(625, false, 0.1, 0.05, 128, 0.02, 0.4, 10, 1),
                new StackRecipe.Level(625, false, 0.1, 0.1, 64, 0.02, 0.4, 10, 1),
                new StackRecipe.Level(625, false, 0.1, 0.1, 128, 0.03, 0.4, 10, 1),
                new StackRecipe.Level(625, false, 0.1, 0.1, 128, 0.02, 0.5, 10, 1),
                new StackRecipe.Level(625, false, 0.1, 0.1, 128, 0.02, 0.4, 11, 1),
                new StackRecipe.Level(625, false, 0.1, 0.1, 128, 0.02, 0.4, 10, 3));
        Set<String> keys = new HashSet<>(List.of(StackRecipe.SOURCE.key()));
        Set<String> level1Keys = new HashSet<>(List.of(StackRecipe.SOURCE.level1Key()));
        for (StackRecipe.Level variant : level1Variants) {
            assertNotEquals(l1, variant);
            StackRecipe changed = StackRecipe.SOURCE.withLevel1(variant);
            assertTrue(keys.add(changed.key()), "a changed level-1 field changes the key: " + variant);
            assertTrue(level1Keys.add(changed.level1Key()), "and the level-1 key: " + variant);
        }
        StackRecipe fewerImages = StackRecipe.SOURCE.withTrainImages(10_000);
        assertTrue(keys.add(fewerImages.key()));
        assertTrue(level1Keys.add(fewerImages.level1Key()));
        for (StackRecipe.Level variant : level1Variants) {
            StackRecipe changed = StackRecipe.SOURCE.withLevel2(variant.withHiddenUnits(variant.hiddenUnits() == 625 ? 100 : 99)
                    .withSeed(variant.seed() == 1 ? 2 : 4));
            if (changed.equals(StackRecipe.SOURCE)) {
                continue;
            }
            assertTrue(keys.add(changed.key()), "a changed level-2 field changes the key: " + changed.level2());
            assertEquals(StackRecipe.SOURCE.level1Key(), changed.level1Key(), "level 2 does not shape level 1");
        }
        assertEquals(1 + 9 + 1 + 9, keys.size());
    }

    @Test
    void savedFilesAreNamedByTheKey() {
        Path dir = Path.of("models");
        assertEquals(dir.resolve("mnist-level1-" + StackRecipe.SOURCE.level1Key() + ".aelab"), StackRecipe.SOURCE.level1File(dir));
        assertEquals(dir.resolve("mnist-level2-" + StackRecipe.SOURCE.key() + ".aelab"), StackRecipe.SOURCE.level2File(dir));
    }

    @Test
    void aMatchingSavedStackIsLoadedAndOtherwiseTrainedAndSaved(@TempDir Path dir) throws IOException {
        Matrix train = images(6);
        StackRecipe.Pretrained<StackedAutoencoder> first = TINY.loadOrTrainStack(dir, train);
        assertFalse(first.loaded());
        assertInstanceOf(ModelFile.Trained.class, first.outcomes().get(0));
        assertInstanceOf(ModelFile.Trained.class, first.outcomes().get(1));
        assertTrue(first.toString().startsWith("level 1: trained (no saved model at " + TINY.level1File(dir) + ")"), first.toString());
        assertTrue(Files.exists(TINY.level1File(dir)) && Files.exists(TINY.level2File(dir)));

        StackRecipe.Pretrained<StackedAutoencoder> second = TINY.loadOrTrainStack(dir, train);
        assertTrue(second.loaded(), second.toString());
        assertEquals("level 1: loaded the saved weights from " + TINY.level1File(dir)
                + "\nlevel 2: loaded the saved weights from " + TINY.level2File(dir), second.toString());
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(first.model().levels().get(k).encoder().get(0).weightsCopy().data(),
                    second.model().levels().get(k).encoder().get(0).weightsCopy().data());
        }
    }

    @Test
    void pretrainingWithCheckpointsGivesTheSameStackAndLeavesCheckpointFiles(@TempDir Path dir) throws IOException {
        Matrix train = images(6);
        StackRecipe.Pretrained<StackedAutoencoder> plain = TINY.loadOrTrainStack(dir.resolve("plain"), train);
        Path checkpoints = dir.resolve("checkpoints");
        StackRecipe.Pretrained<StackedAutoencoder> checkpointed = TINY.loadOrTrainStack(dir.resolve("checkpointed"), train, checkpoints);
        assertFalse(checkpointed.loaded());
        try (var files = Files.list(checkpoints)) {
            assertEquals(2, files.count(), "one checkpoint file per level");
        }
        for (int k = 0; k < 2; k++) {
            assertArrayEquals(plain.model().levels().get(k).encoder().get(0).weightsCopy().data(),
                    checkpointed.model().levels().get(k).encoder().get(0).weightsCopy().data());
        }
    }

    @Test
    void theFileOfAnotherRecipeIsNotUsed(@TempDir Path dir) throws IOException {
        Matrix train = images(6);
        TINY.loadOrTrainLevel1(dir, train);
        StackRecipe other = TINY.withLevel1(TINY.level1().withNoise(false, 0.3));
        assertNotEquals(TINY.level1File(dir), other.level1File(dir), "another recipe has another file name");
        // Even under the other recipe's file name, the file of this recipe is refused: its header holds its recipe.
        Files.copy(TINY.level1File(dir), other.level1File(dir));
        StackRecipe.Pretrained<Autoencoder> result = other.loadOrTrainLevel1(dir, train);
        ModelFile.Trained trained = assertInstanceOf(ModelFile.Trained.class, result.outcomes().get(0));
        assertTrue(trained.reason().contains("level1.corruptionLevel saved 0.1, now 0.3"), trained.reason());
        assertTrue(trained.reason().contains("recipe key saved " + TINY.level1Key() + ", now " + other.level1Key()), trained.reason());
        assertInstanceOf(ModelFile.Loaded.class, other.loadOrTrainLevel1(dir, train).outcomes().get(0), "saved again under its own recipe");
    }

    @Test
    void badInputIsRefusedWithTheValue(@TempDir Path dir) {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> TINY.loadOrTrainStack(dir, images(5)));
        assertEquals("trainImages must be the recipe's 6 MNIST images (6x784), got 5x784", rows.getMessage());
        assertEquals("trainImages must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> TINY.withTrainImages(0)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new StackRecipe(6, null, TINY.level2()))
                .getMessage().startsWith("a stack recipe needs both levels"));
    }
}
