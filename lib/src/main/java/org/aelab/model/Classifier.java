package org.aelab.model;

import java.util.ArrayList;
import java.util.List;
import org.aelab.data.LabeledImages;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Dense;
import org.aelab.nn.Init;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Loss;
import org.aelab.nn.Objective;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.History;
import org.aelab.train.Trainable;
import org.aelab.train.Trainer;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A softmax classifier head on an encoder (003_06d01c1066b95d79.txt Q3c, 004_1238e059b100867a.txt): the
 * encoder's layers, then a dense softmax layer, trained with softmax cross-entropy averaged over the batch.
 * The classifier owns copies of the encoder weights it starts from, so the pretrained autoencoders are left
 * as they were. {@link #withFrozenEncoder()} trains only the softmax layer; {@link #withTrainableEncoder()}
 * fine-tunes end to end; both share this classifier's weights. Freezing, input corruption and weight decay
 * are settings of the classifier, each set by a {@code with…} that shares the weights.
 */
public final class Classifier implements Trainable {
    private final LayerStack layers;
    private final Objective objective;
    private final Corruption corruption;
    private final int encoderDepth;

    private Classifier(LayerStack layers, Objective objective, Corruption corruption, int encoderDepth) {
        this.layers = layers;
        this.objective = objective;
        this.corruption = corruption;
        this.encoderDepth = encoderDepth;
    }

    /** A softmax layer of {@code classes} units on copies of {@code encoder}'s layers; new weights from {@code init}. */
    public static Classifier on(List<Dense> encoder, int classes, Init init, long seed) {
        if (encoder == null || encoder.isEmpty()) {
            throw new IllegalArgumentException("encoder must have at least one layer, got none");
        }
        if (classes < 2) {
            throw new IllegalArgumentException("classes must be at least 2, got " + classes);
        }
        List<Dense> layers = new ArrayList<>();
        for (int i = 0; i < encoder.size(); i++) {
            layers.add(encoder.get(i).untiedCopy("encoder" + i));
        }
        Dense softmax = Dense.of(encoder.get(encoder.size() - 1).outputs(), classes, Activation.SOFTMAX, "softmax");
        init.fill(softmax.weights().value(), new Rng(seed));
        layers.add(softmax);
        return new Classifier(new LayerStack(layers), Objective.of(Loss.SOFTMAX_CE), null, encoder.size());
    }

    /**
     * The same architecture with every layer freshly initialised: the from-scratch baseline for a
     * pretrained encoder with these layer sizes and activations.
     */
    public static Classifier fromScratch(int inputs, int[] hiddenSizes, Activation hidden, int classes, Init init, long seed) {
        if (hiddenSizes.length == 0) {
            throw new IllegalArgumentException("hiddenSizes must name at least one layer, got none");
        }
        Rng rng = new Rng(seed);
        List<Dense> encoder = new ArrayList<>();
        int previous = inputs;
        for (int i = 0; i < hiddenSizes.length; i++) {
            Dense layer = Dense.of(previous, hiddenSizes[i], hidden, "encoder" + i);
            init.fill(layer.weights().value(), rng);
            encoder.add(layer);
            previous = hiddenSizes[i];
        }
        return on(encoder, classes, init, rng.split().nextInt(Integer.MAX_VALUE));
    }

    /** This classifier with its encoder frozen: training updates the softmax layer only (shared weights). */
    public Classifier withFrozenEncoder() {
        return new Classifier(layers.withFrozenLayers(encoderDepth), objective, corruption, encoderDepth);
    }

    /** This classifier with every layer trainable: end-to-end fine-tuning (shared weights). */
    public Classifier withTrainableEncoder() {
        return new Classifier(layers.withFrozenLayers(0), objective, corruption, encoderDepth);
    }

    /**
     * This classifier (shared weights) with its inputs corrupted during training, e.g. masking noise as a
     * regulariser while fine-tuning (the denoising idea applied to the classifier); evaluation sees clean inputs.
     */
    public Classifier withInputCorruption(Corruption newCorruption) {
        return new Classifier(layers, objective, newCorruption, encoderDepth);
    }

    /** This classifier (shared weights) with L2 weight decay λ on every weight matrix during training. */
    public Classifier withWeightDecay(double lambda) {
        return new Classifier(layers, objective.withWeightDecay(lambda), corruption, encoderDepth);
    }

    /** The encoder's layers, then the softmax layer; the encoder is its frozen prefix after {@link #withFrozenEncoder()}. */
    @Override
    public LayerStack layers() {
        return layers;
    }

    /** Softmax cross-entropy averaged over the batch, plus weight decay if set. */
    @Override
    public Objective objective() {
        return objective;
    }

    /** The noise on training inputs, or null. */
    @Override
    public Corruption corruption() {
        return corruption;
    }

    /**
     * Trains on {@code train}; after every epoch records the cross-entropy on {@code test} as {@code validation}
     * and the test accuracy as the history column {@code test_accuracy}.
     */
    public History fit(Trainer trainer, LabeledImages train, LabeledImages test) {
        int classes = layers.outputs();
        Matrix testTargets = test.oneHotLabels(classes);
        Trainer withAccuracy = trainer.toBuilder().metric("test_accuracy", () -> accuracy(test)).build();
        return withAccuracy.fit(this, train.images(), train.oneHotLabels(classes), test.images(), testTargets);
    }

    /** Class probabilities, one row per input. */
    public Matrix probabilities(Matrix x) {
        return layers.predict(x);
    }

    /** The most probable class of every row of {@code x}. */
    public int[] predict(Matrix x) {
        Matrix p = probabilities(x);
        int[] classes = new int[p.rows()];
        for (int r = 0; r < p.rows(); r++) {
            classes[r] = p.argmaxOfRow(r);
        }
        return classes;
    }

    /** Fraction of {@code data} classified correctly. */
    public double accuracy(LabeledImages data) {
        int[] predicted = predict(data.images());
        int correct = 0;
        for (int i = 0; i < predicted.length; i++) {
            correct += predicted[i] == data.labels()[i] ? 1 : 0;
        }
        return (double) correct / predicted.length;
    }

    /** Counts of (true class, predicted class) as a table: a {@code true} column, then one column per predicted class. */
    public Table confusionMatrix(LabeledImages data) {
        int classes = layers.outputs();
        int[][] counts = confusionCounts(predict(data.images()), data.labels(), classes);
        StringColumn truth = StringColumn.create("true");
        for (int t = 0; t < classes; t++) {
            truth.append(String.valueOf(t));
        }
        Table table = Table.create("confusion matrix (rows: true class, columns: predicted)", truth);
        for (int c = 0; c < classes; c++) {
            int[] column = new int[classes];
            for (int t = 0; t < classes; t++) {
                column[t] = counts[t][c];
            }
            table.addColumns(IntColumn.create(String.valueOf(c), column));
        }
        return table;
    }

    /** counts[t][p] = how many patterns of true class t were predicted as p. */
    public static int[][] confusionCounts(int[] predicted, int[] labels, int classes) {
        if (predicted.length != labels.length) {
            throw new IllegalArgumentException("predicted has " + predicted.length + " entries, labels " + labels.length);
        }
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < labels.length; i++) {
            counts[labels[i]][predicted[i]]++;
        }
        return counts;
    }

    @Override
    public String toString() {
        return "Classifier" + layers.layers() + " " + objective + (corruption == null ? "" : " corruption=" + corruption)
                + (layers.frozenLayers() > 0 ? " frozen=" + layers.frozenLayers() : "");
    }
}
