package org.aelab.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Init;
import org.aelab.nn.Loss;
import org.aelab.tensor.Matrix;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainer;
import org.aelab.train.TrainingListener;

/**
 * The recipe of the two-level denoising sparse stack on MNIST (003_06d01c1066b95d79.txt, exercise 3): how many
 * training images, and each level's settings. One value that notebooks 05, 06 and 07 share, so "the same
 * stack" means equal recipes, and saved models are found by the recipe's {@link #key()}: a file is reused only
 * when the recipe it was trained with equals this one, field by field.
 *
 * <pre>{@code
 * StackRecipe recipe = StackRecipe.SOURCE.withTrainImages(10_000).withEpochs(3);
 * StackRecipe.Pretrained<StackedAutoencoder> stack = recipe.loadOrTrainStack(Path.of("models"), train);
 * System.out.println(stack);   // what happened: loaded, or trained (and why) and saved
 * }</pre>
 *
 * @param trainImages the first n MNIST training images every level is trained on
 * @param level1      784 → hiddenUnits → 784, on the images
 * @param level2      level 1's code → hiddenUnits → level 1's code, on level 1's codes of the same images
 */
public record StackRecipe(int trainImages, Level level1, Level level2) {

    /** MNIST images have 28 × 28 pixels. */
    public static final int PIXELS = 784;

    /**
     * The source's recipe: 60 000 images; level 1 with 625 hidden units, masking noise ν = 0.1, cross-entropy,
     * α = 0.1, batch 128, ρ = 0.02, β = 0.4 (exercise 3a); level 2 with 100 hidden units trained "as before"
     * (exercise 3b). The epochs (10 each) and seeds (1 and 2) are this project's choice: the source gives none.
     */
    public static final StackRecipe SOURCE = new StackRecipe(60_000,
            new Level(625, false, 0.1, 0.1, 128, 0.02, 0.4, 10, 1),
            new Level(100, false, 0.1, 0.1, 128, 0.02, 0.4, 10, 2));

    /**
     * One level: a denoising sparse autoencoder with sigmoid units, binary cross-entropy (summed over units,
     * averaged over the batch), Glorot-uniform weights, trained by plain SGD on shuffled minibatches.
     *
     * @param gaussianNoise   false: masking noise (each input set to 0 with probability corruptionLevel);
     *                        true: additive Gaussian noise of σ = corruptionLevel
     * @param seed            initial weights, batch order and noise derive from it
     */
    public record Level(int hiddenUnits, boolean gaussianNoise, double corruptionLevel, double learningRate,
                        int batchSize, double rho, double beta, int epochs, long seed) {

        public Level withHiddenUnits(int value) {
            return new Level(value, gaussianNoise, corruptionLevel, learningRate, batchSize, rho, beta, epochs, seed);
        }

        public Level withNoise(boolean gaussian, double level) {
            return new Level(hiddenUnits, gaussian, level, learningRate, batchSize, rho, beta, epochs, seed);
        }

        public Level withEpochs(int value) {
            return new Level(hiddenUnits, gaussianNoise, corruptionLevel, learningRate, batchSize, rho, beta, value, seed);
        }

        public Level withSeed(long value) {
            return new Level(hiddenUnits, gaussianNoise, corruptionLevel, learningRate, batchSize, rho, beta, epochs, value);
        }

        /** The input noise of this level. */
        public Corruption noise() {
            return gaussianNoise ? Corruption.gaussian(corruptionLevel) : Corruption.masking(corruptionLevel);
        }

        /** A new, untrained autoencoder of this level on {@code inputs} inputs. */
        public Autoencoder autoencoder(int inputs) {
            return Autoencoder.builder().input(inputs).hidden(hiddenUnits, Activation.SIGMOID).output(Activation.SIGMOID)
                    .loss(Loss.BCE).sparsity(rho, beta).corruption(noise()).init(Init.glorot()).seed(seed).build();
        }

        /** Plain SGD with this level's learning rate, batch, epochs and seed, reporting to {@code listeners}. */
        public Trainer trainer(TrainingListener... listeners) {
            return trainer(null, listeners);
        }

        /** The same, saving a checkpoint every epoch in {@code checkpoints} (none when null) to continue from. */
        public Trainer trainer(Path checkpoints, TrainingListener... listeners) {
            Trainer.Builder builder = Trainer.builder().optimizer(Optimizer.sgd(learningRate)).batchSize(batchSize)
                    .epochs(epochs).seed(seed);
            if (checkpoints != null) {
                builder.checkpointIn(checkpoints, 1);
            }
            for (TrainingListener listener : listeners) {
                builder.listener(listener);
            }
            return builder.build();
        }

        private void putFields(String prefix, Map<String, String> fields) {
            fields.put(prefix + "hiddenUnits", Integer.toString(hiddenUnits));
            fields.put(prefix + "gaussianNoise", Boolean.toString(gaussianNoise));
            fields.put(prefix + "corruptionLevel", Double.toString(corruptionLevel));
            fields.put(prefix + "learningRate", Double.toString(learningRate));
            fields.put(prefix + "batchSize", Integer.toString(batchSize));
            fields.put(prefix + "rho", Double.toString(rho));
            fields.put(prefix + "beta", Double.toString(beta));
            fields.put(prefix + "epochs", Integer.toString(epochs));
            fields.put(prefix + "seed", Long.toString(seed));
        }
    }

    public StackRecipe {
        if (level1 == null || level2 == null) {
            throw new IllegalArgumentException("a stack recipe needs both levels, got level1 " + level1 + ", level2 " + level2);
        }
        if (trainImages <= 0) {
            throw new IllegalArgumentException("trainImages must be > 0, got " + trainImages);
        }
    }

    public StackRecipe withTrainImages(int value) {
        return new StackRecipe(value, level1, level2);
    }

    public StackRecipe withLevel1(Level value) {
        return new StackRecipe(trainImages, value, level2);
    }

    public StackRecipe withLevel2(Level value) {
        return new StackRecipe(trainImages, level1, value);
    }

    /** The same epochs for both levels. */
    public StackRecipe withEpochs(int value) {
        return new StackRecipe(trainImages, level1.withEpochs(value), level2.withEpochs(value));
    }

    /** The same noise for both levels: masking (gaussian false) or Gaussian, at {@code level}. */
    public StackRecipe withNoise(boolean gaussian, double level) {
        return new StackRecipe(trainImages, level1.withNoise(gaussian, level), level2.withNoise(gaussian, level));
    }

    /** A new, untrained level-1 autoencoder, 784 → level1.hiddenUnits → 784. */
    public Autoencoder level1Autoencoder() {
        return level1.autoencoder(PIXELS);
    }

    /** A new, untrained level-2 autoencoder on level 1's codes. */
    public Autoencoder level2Autoencoder() {
        return level2.autoencoder(level1.hiddenUnits());
    }

    /** Every field that shapes level 1's weights, by name ("trainImages", "level1.rho", …), sorted. */
    public Map<String, String> level1Fields() {
        Map<String, String> fields = new TreeMap<>();
        fields.put("trainImages", Integer.toString(trainImages));
        level1.putFields("level1.", fields);
        return fields;
    }

    /** Every field of the recipe by name, sorted: level 2's weights depend on all of them. */
    public Map<String, String> fields() {
        Map<String, String> fields = new TreeMap<>(level1Fields());
        level2.putFields("level2.", fields);
        return fields;
    }

    /** A stable key of {@link #level1Fields()}: equal for equal level-1 recipes, different if any field differs. */
    public String level1Key() {
        return key(level1Fields());
    }

    /** A stable key of all {@link #fields()}. */
    public String key() {
        return key(fields());
    }

    /** Where level 1 of this recipe is saved in {@code directory}: {@code mnist-level1-<level1Key>.aelab}. */
    public Path level1File(Path directory) {
        return directory.resolve("mnist-level1-" + level1Key() + ".aelab");
    }

    /** Where level 2 of this recipe is saved in {@code directory}: {@code mnist-level2-<key>.aelab}. */
    public Path level2File(Path directory) {
        return directory.resolve("mnist-level2-" + key() + ".aelab");
    }

    /** Saves a trained level 1 of this recipe under its key; returns the file. */
    public Path saveLevel1(Path directory, Autoencoder level1Model) throws IOException {
        Path file = level1File(directory);
        ModelFile.save(file, level1Model.layers(), withKey(level1Fields()));
        return file;
    }

    /** Saves a trained level 2 of this recipe under its key; returns the file. */
    public Path saveLevel2(Path directory, Autoencoder level2Model) throws IOException {
        Path file = level2File(directory);
        ModelFile.save(file, level2Model.layers(), withKey(fields()));
        return file;
    }

    /** A model and what was done to get it: loaded from a saved file, or trained and saved, per level. */
    public record Pretrained<T>(T model, List<ModelFile.Outcome> outcomes) {
        public Pretrained {
            outcomes = List.copyOf(outcomes);
        }

        /** True when nothing had to be trained. */
        public boolean loaded() {
            return outcomes.stream().allMatch(o -> o instanceof ModelFile.Loaded);
        }

        @Override
        public String toString() {
            List<String> lines = new ArrayList<>();
            for (int k = 0; k < outcomes.size(); k++) {
                lines.add("level " + (k + 1) + ": " + outcomes.get(k));
            }
            return String.join("\n", lines);
        }
    }

    /**
     * Level 1 of this recipe: loaded from {@code directory} when a file of this recipe is there, otherwise
     * trained on {@code trainImages} (which must have this recipe's number of rows) and saved.
     */
    public Pretrained<Autoencoder> loadOrTrainLevel1(Path directory, Matrix trainImages, TrainingListener... listeners)
            throws IOException {
        return loadOrTrainLevel1(directory, trainImages, null, listeners);
    }

    /** The same; training saves a checkpoint every epoch in {@code checkpoints} (none when null). */
    public Pretrained<Autoencoder> loadOrTrainLevel1(Path directory, Matrix trainImages, Path checkpoints,
                                                     TrainingListener... listeners) throws IOException {
        checkTrainImages(trainImages);
        Autoencoder model = level1Autoencoder();
        Trainer trainer = level1.trainer(checkpoints, listeners);
        ModelFile.Outcome outcome = ModelFile.loadOrTrain(level1File(directory), model.layers(), withKey(level1Fields()),
                () -> model.fit(trainer, trainImages));
        return new Pretrained<>(model, List.of(outcome));
    }

    /** Both levels, each loaded when saved under this recipe and trained (then saved) otherwise. */
    public Pretrained<StackedAutoencoder> loadOrTrainStack(Path directory, Matrix trainImages, TrainingListener... listeners)
            throws IOException {
        return loadOrTrainStack(directory, trainImages, null, listeners);
    }

    /** The same; training saves a checkpoint every epoch in {@code checkpoints} (none when null). */
    public Pretrained<StackedAutoencoder> loadOrTrainStack(Path directory, Matrix trainImages, Path checkpoints,
                                                           TrainingListener... listeners) throws IOException {
        Pretrained<Autoencoder> first = loadOrTrainLevel1(directory, trainImages, checkpoints, listeners);
        Autoencoder second = level2Autoencoder();
        StackedAutoencoder stack = StackedAutoencoder.of(first.model()).withLevel(second);
        Trainer trainer = level2.trainer(checkpoints, listeners);
        ModelFile.Outcome outcome = ModelFile.loadOrTrain(level2File(directory), second.layers(), withKey(fields()),
                () -> stack.pretrainLevel(1, trainer, trainImages, null));
        List<ModelFile.Outcome> outcomes = new ArrayList<>(first.outcomes());
        outcomes.add(outcome);
        return new Pretrained<>(stack, outcomes);
    }

    private void checkTrainImages(Matrix images) {
        if (images.rows() != trainImages || images.cols() != PIXELS) {
            throw new IllegalArgumentException("trainImages must be the recipe's " + trainImages + " MNIST images ("
                    + trainImages + "x" + PIXELS + "), got " + images.shape());
        }
    }

    private static Map<String, String> withKey(Map<String, String> fields) {
        Map<String, String> parameters = new TreeMap<>(fields);
        parameters.put("recipe key", key(fields));
        return parameters;
    }

    /** The first 12 hex digits of the SHA-256 of the sorted "name=value" lines. */
    private static String key(Map<String, String> fields) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(fields).forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
