// Source of notebooks/07-mnist-classifier.ipynb in the percent format of nbbuild.py; rebuild with
//   .venv/bin/python notebook-dev/tools/nbbuild.py notebook-dev/notebook-sources/07-mnist-classifier.java -o notebooks/07-mnist-classifier.ipynb
//%% markdown
// # 07 · A softmax classifier on the pretrained stack: frozen, fine-tuned, from scratch, and with few labels
//
// **Sources:** `003_06d01c1066b95d79.txt`, exercise 3 (c): "Add a softmax layer on top of the second hidden layer
// to design a classifier. Show learning curves and find the accuracy of the classifier", and after the exercise:
// "Plot the learning curves and the weights and find the accuracy for test patterns." The same document's
// *Semi-Supervised Classification* slide: "Many images, but few ground truth labels — start unsupervised: train
// autoencoder on many images — supervised fine-tuning: train classification network on labeled images".
// `004_1238e059b100867a.txt`: "we can freeze the Encoder and learn a neural network which maps l_i to y_i …
// Alternatively, the entire network can be learned in an end-to-end manner, with necessary fine-tuning of the
// encoder."
//
// **Here.** The encoder is notebook 06's 784 → 625 → 100 stack, built from the library's `StackRecipe.SOURCE`, the
// one recipe notebooks 05, 06 and 07 share: its saved levels in `notebooks/models/` are reused when they were saved
// under the same recipe, and trained otherwise (the next cell says which). On it, a 10-unit softmax layer trained
// with softmax cross-entropy (averaged over the batch), each run reported as test accuracy on the 10 000 MNIST test
// images:
//
// 1. **the source's recipe**: every layer trained end to end "as before", with plain SGD, α = 0.1, batch 128;
// 2. **this notebook's recipe**: the same, with two changes of our own — classical momentum 0.9 and masking noise
//    ν = 0.1 on the classifier's inputs while training (the denoising idea used as a regulariser; the test images
//    stay clean);
// 3. **frozen encoder + softmax**: only the softmax layer learns (004's "freeze the Encoder"), with this notebook's
//    optimizer;
// 4. **from scratch**: the same 784-625-100-10 network, randomly initialised, trained as 2;
// 5. **few labels**: all 60 000 images were used for pretraining, but only the first 100 or 1 000 labelled
//    images for the classifier — pretrained (frozen, fine-tuned) versus from scratch, same optimizer and epochs.
//
// **Where the sources are silent we choose, and say so**: Glorot-uniform initial weights; 30 end-to-end epochs and
// 10 head-only epochs; for the few-label runs batch 10, 100 epochs, lr 0.05, momentum 0.9, no noise. To classify on
// another pretrained stack, change `recipe` in the next cell with its `with…` copies (e.g. `.withNoise(true, 0.2)`
// for Gaussian noise of σ = 0.2 in both levels).
//%% code parameters
// Every hyperparameter of this notebook: edit and rerun.
// The pretrained stack: StackRecipe.SOURCE (notebooks 05 and 06) with these sample sizes.
int trainImages = 60_000;            // the first n MNIST training images: pretraining, and labels for rows 1-4
int testImages = 10_000;             // the first n MNIST test images: every accuracy
int pretrainEpochs = 10;             // epochs of each pretrained level
// The classifier as the source trains it, "as before" (row 1): plain SGD, α = 0.1, batch 128.
long classifierSeed = 3;             // softmax initial weights (and the from-scratch network), batch order, noise
int classifierBatchSize = 128;
double classifierLearningRate = 0.1;
int fineTuneEpochs = 30;             // end-to-end epochs (the source does not say)
// This notebook's own changes to that recipe (rows 2-4): momentum and input noise.
double classifierMomentum = 0.9;     // classical momentum; 0: plain SGD as the source
double fineTuneCorruptionLevel = 0.1; // masking noise on the inputs while training end to end; 0: none, as the source
int frozenEpochs = 10;               // 3. head only
// Few labels: pretrained on all trainImages, classifier trained on the first n labelled images only.
int[] fewLabels = {100, 1_000};
int fewLabelBatchSize = 10;
int fewLabelEpochs = 100;
double fewLabelLearningRate = 0.05;
double fewLabelMomentum = 0.9;
// Long runs save their state every epoch in models/checkpoints/; an interrupted run, rerun, continues from it.
boolean checkpoints = true;
//%% code
import java.nio.file.*;
import java.util.*;
import org.aelab.data.*;
import org.aelab.model.*;
import org.aelab.nn.*;
import org.aelab.tensor.*;
import org.aelab.train.*;
import org.aelab.viz.*;
import tech.tablesaw.api.*;

Path models = Path.of("models");    // saved layers (git-ignored), from notebooks 05 and 06
Mnist mnist = Mnist.load();
LabeledImages trainSet = mnist.train().first(trainImages);
LabeledImages test = mnist.test().first(testImages);

StackRecipe recipe = StackRecipe.SOURCE.withTrainImages(trainImages).withEpochs(pretrainEpochs);
Path checkpointDirectory = checkpoints ? models.resolve("checkpoints") : null;   // null: no checkpoints
StackRecipe.Pretrained<StackedAutoencoder> pretrained = recipe.loadOrTrainStack(models, trainSet.images(), checkpointDirectory,
        Progress.auto());
StackedAutoencoder stack = pretrained.model();
int[] hiddenSizes = {recipe.level1().hiddenUnits(), recipe.level2().hiddenUnits()};
System.out.println(recipe);
System.out.println(pretrained);
stack
//%% code
/** With {@code checkpoints}, the run's state is saved every epoch in a file named after its recipe. */
Trainer.Builder withCheckpoints(Trainer.Builder trainer) {
    return checkpoints ? trainer.checkpointIn(checkpointDirectory, 1) : trainer;
}

/** Says so when a run continued from its checkpoint instead of starting afresh. */
History reportResume(String run, History history) {
    if (history.resumedAfter() > 0) {
        System.out.println(run + ": continued from its checkpoint after epoch " + history.resumedAfter());
    }
    return history;
}

/** The source's optimizer, "as before": plain SGD at the classifier's learning rate and batch. */
Trainer sourceTrainer(int epochs) {
    return withCheckpoints(Trainer.builder().optimizer(Optimizer.sgd(classifierLearningRate))
            .batchSize(classifierBatchSize).epochs(epochs).seed(classifierSeed).listener(Progress.auto())).build();
}

/** This notebook's optimizer: the same with classical momentum. */
Trainer classifierTrainer(int epochs) {
    return withCheckpoints(Trainer.builder().optimizer(Optimizer.momentum(classifierLearningRate, classifierMomentum))
            .batchSize(classifierBatchSize).epochs(epochs).seed(classifierSeed).listener(Progress.auto())).build();
}

/** A new softmax layer (the same initial weights every time) on copies of the pretrained encoder. */
Classifier onPretrained() {
    return Classifier.on(stack.encoderLayers(), 10, Init.glorot(), classifierSeed);
}

/** The rows of the accuracy table, filled in as the runs finish. */
Table accuracies = Table.create("test accuracy on " + testImages + " MNIST test images",
        StringColumn.create("classifier"), StringColumn.create("encoder"), IntColumn.create("labelled images"),
        StringColumn.create("training"), DoubleColumn.create("test accuracy %"), DoubleColumn.create("training seconds"));

void addRow(String classifier, String encoder, int labels, String training, double accuracy, double seconds) {
    Row row = accuracies.appendRow();
    row.setString("classifier", classifier);
    row.setString("encoder", encoder);
    row.setInt("labelled images", labels);
    row.setString("training", training);
    row.setDouble("test accuracy %", Math.round(accuracy * 10_000) / 100.0);
    row.setDouble("training seconds", Math.round(seconds * 10) / 10.0);
}

double seconds(History h) {
    return h.secondsPerEpoch() * h.epochs();
}
//%% markdown
// ## 1. The source's recipe: end to end, plain SGD
//
// A new softmax layer on the pretrained encoder, every layer trained "as before": plain SGD, α = 0.1, batch 128,
// no noise. In the table, `cross-entropy` is the training cross-entropy of the epoch's batches, `validation` the
// test cross-entropy and `test_accuracy` the fraction of test images classified correctly, after each epoch;
// `seconds` is the training time of the epoch.
//%% code
Classifier sourceRecipe = onPretrained().withTrainableEncoder();
Trainer sourceRecipeTrainer = sourceTrainer(fineTuneEpochs);
History sourceRecipeHistory = reportResume("the source's recipe", sourceRecipe.fit(sourceRecipeTrainer, trainSet, test));
double sourceRecipeAccuracy = sourceRecipe.accuracy(test);
addRow("end to end, the source's recipe", "pretrained", trainImages,
        sourceRecipeTrainer.optimizer() + ", batch " + classifierBatchSize + ", " + fineTuneEpochs + " epochs",
        sourceRecipeAccuracy, seconds(sourceRecipeHistory));
Viz.show(sourceRecipeHistory.table());
System.out.println(String.format("the source's recipe: test accuracy %.2f %%", 100 * sourceRecipeAccuracy));
//%% markdown
// ## 2. This notebook's recipe: momentum and input noise, 3. frozen encoder, 4. from scratch
//
// The same start — a new softmax layer with the same initial weights — trained with our two changes (classical
// momentum, masking noise on the inputs while training). Then the two comparisons the sources suggest, with this
// optimizer: only the 100 × 10 softmax weights and biases learning on the fixed pretrained encoder (3), and the same
// network with Glorot-random instead of pretrained encoder weights, trained exactly as 2 (4).
//%% code
Corruption fineTuneNoise = fineTuneCorruptionLevel <= 0 ? null : Corruption.masking(fineTuneCorruptionLevel);
Classifier withNoise(Classifier c) {
    return fineTuneNoise == null ? c : c.withInputCorruption(fineTuneNoise);
}
String training = classifierTrainer(fineTuneEpochs).optimizer() + ", batch " + classifierBatchSize + ", " + fineTuneEpochs
        + " epochs" + (fineTuneNoise == null ? "" : ", input " + fineTuneNoise);

Classifier fineTuned = withNoise(onPretrained().withTrainableEncoder());
History fineTuneHistory = reportResume("this notebook's recipe", fineTuned.fit(classifierTrainer(fineTuneEpochs), trainSet, test));
double fineTunedAccuracy = fineTuned.accuracy(test);
addRow("end to end, this notebook's recipe", "pretrained", trainImages, training, fineTunedAccuracy, seconds(fineTuneHistory));

Classifier frozen = onPretrained().withFrozenEncoder();
Trainer frozenTrainer = classifierTrainer(frozenEpochs);
History frozenHistory = reportResume("frozen encoder", frozen.fit(frozenTrainer, trainSet, test));
double frozenAccuracy = frozen.accuracy(test);
addRow("frozen encoder + softmax", "pretrained", trainImages,
        frozenTrainer.optimizer() + ", batch " + classifierBatchSize + ", " + frozenEpochs + " epochs", frozenAccuracy, seconds(frozenHistory));

Classifier scratch = withNoise(Classifier.fromScratch(784, hiddenSizes, Activation.SIGMOID, 10, Init.glorot(), classifierSeed));
History scratchHistory = reportResume("from scratch", scratch.fit(classifierTrainer(fineTuneEpochs), trainSet, test));
double scratchAccuracy = scratch.accuracy(test);
addRow("same network from scratch", "random (Glorot)", trainImages, training, scratchAccuracy, seconds(scratchHistory));

System.out.println(fineTuned);
Viz.show(fineTuneHistory.table());
System.out.println(String.format("this notebook's recipe %.2f %% (the source's %.2f %%), frozen encoder %.2f %%, from scratch %.2f %%"
        + " (%.2f s per epoch end to end, %.2f from scratch)", 100 * fineTunedAccuracy, 100 * sourceRecipeAccuracy,
        100 * frozenAccuracy, 100 * scratchAccuracy, fineTuneHistory.secondsPerEpoch(), scratchHistory.secondsPerEpoch()));
//%% markdown
// ## Learning curves: loss and accuracy
//
// Left: cross-entropy on the training images (as the epoch went, with the input noise) and on the test images.
// Right: test accuracy after each epoch.
//%% code
LineChart losses = LineChart.create().withTitle("softmax cross-entropy").withAxisTitles("epoch", "cross-entropy per image")
        .withLogY().withSize(520, 380);
LineChart accuracyCurves = LineChart.create().withTitle("test accuracy").withAxisTitles("epoch", "fraction correct")
        .withSize(520, 380);
Map<String, History> curves = new LinkedHashMap<>();
curves.put("source's recipe", sourceRecipeHistory);
curves.put("this notebook's recipe", fineTuneHistory);
curves.put("frozen", frozenHistory);
curves.put("from scratch", scratchHistory);
for (var entry : curves.entrySet()) {
    losses = losses.withCurve(entry.getKey() + ", train", entry.getValue().table(), "epoch", "cross-entropy")
            .withCurve(entry.getKey() + ", test", entry.getValue().table(), "epoch", "validation");
    accuracyCurves = accuracyCurves.withCurve(entry.getKey(), entry.getValue().table(), "epoch", "test_accuracy");
}
Viz.show(Panels.row(losses, accuracyCurves));
//%% markdown
// ## Confusion matrix of the fine-tuned classifier
//
// Rows: the true digit; columns: the predicted one; the diagonal counts the correct answers.
//%% code
Table confusion = fineTuned.confusionMatrix(test);
Viz.show(confusion);
Matrix counts = Matrix.zeros(10, 10);
for (int t = 0; t < 10; t++)
    for (int p = 0; p < 10; p++) counts.set(t, p, confusion.intColumn(String.valueOf(p)).get(t));
String[] digits = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
Viz.show(Heatmap.of(counts).withTitle("fine-tuned: true (rows) vs predicted (columns)").withRowLabels(digits)
        .withColumnLabels(digits).withValues().withAxisTitles("predicted", "true"));
int worstTrue = -1, worstPredicted = -1, worstCount = -1;
for (int t = 0; t < 10; t++)
    for (int p = 0; p < 10; p++)
        if (t != p && counts.get(t, p) > worstCount) { worstCount = (int) counts.get(t, p); worstTrue = t; worstPredicted = p; }
System.out.println(String.format("most frequent mistake: %d read as %d (%d times)", worstTrue, worstPredicted, worstCount));
//%% markdown
// ## The classifier's weights
//
// The exercise asks to plot the weights. Top: the softmax layer of the classifier trained with this notebook's
// recipe, 100 × 10 — which of the 100 level-2 codes each digit's unit reads (red positive, blue negative). Below:
// each digit's weights carried down to the pixels through the two encoder layers (W₁·W₂·W₃, transposed), one
// 28 × 28 template per digit 0 … 9; a linear view that ignores the sigmoids between the layers, so it shows which
// pixels push a digit's score up or down on average, not an exact preferred input.
//%% code
Viz.show(Heatmap.of(fineTuned.softmaxWeightsCopy()).withTitle("softmax weights: level-2 unit (rows) to digit (columns)")
        .withColumnLabels(digits).withAxisTitles("digit", "level-2 unit").withSize(420, 620));
Viz.show(Panels.row(Tiles.of(fineTuned.inputSpaceWeights(), 28, 28).withColumns(10).withColorMap(ColorMap.DIVERGING).withZoom(3))
        .withCaptions("digits 0 … 9: each digit's weights in pixel space (blue −, red +, each tile its own scale)"));
//%% markdown
// ## 5. Few labels: pretraining on all images, classifying with 100 or 1 000 labels
//
// The stack was pretrained on all the training images without their labels. Here the classifier sees only the
// first n labelled training images (their classes are not exactly balanced), with the few-label optimizer from the
// parameters cell; accuracy is measured once, on the test set, at the end.
//%% code
Map<Integer, double[]> fewLabelAccuracy = new TreeMap<>();   // n -> {frozen, fine-tuned, scratch}
Trainer fewTrainer = Trainer.builder().optimizer(Optimizer.momentum(fewLabelLearningRate, fewLabelMomentum))
        .batchSize(fewLabelBatchSize).epochs(fewLabelEpochs).seed(classifierSeed).build();
String fewTraining = fewTrainer.optimizer() + ", batch " + fewLabelBatchSize + ", " + fewLabelEpochs + " epochs";
for (int n : fewLabels) {
    LabeledImages labelled = mnist.train().first(n);
    Classifier[] runs = {
            onPretrained().withFrozenEncoder(),
            onPretrained().withTrainableEncoder(),
            Classifier.fromScratch(784, hiddenSizes, Activation.SIGMOID, 10, Init.glorot(), classifierSeed)};
    String[] names = {"frozen encoder + softmax", "end-to-end fine-tuning", "same network from scratch"};
    String[] encoders = {"pretrained", "pretrained", "random (Glorot)"};
    double[] result = new double[3];
    for (int r = 0; r < 3; r++) {
        long start = System.nanoTime();
        fewTrainer.fit(runs[r], labelled.images(), labelled.oneHotLabels(10));
        result[r] = runs[r].accuracy(test);
        addRow(names[r], encoders[r], n, fewTraining, result[r], (System.nanoTime() - start) / 1e9);
    }
    fewLabelAccuracy.put(n, result);
    int[] perClass = new int[10];
    for (int label : labelled.labels()) perClass[label]++;
    System.out.printf("%d labels (per class %s): frozen %.2f %%, fine-tuned %.2f %%, from scratch %.2f %%%n", n,
            Arrays.toString(perClass), 100 * result[0], 100 * result[1], 100 * result[2]);
}
//%% markdown
// ## All test accuracies
//%% code
Viz.show(accuracies);
//%% code check
// Invariants hold for any parameters; recipe checks hold for this notebook's recipe (the source's α = 0.1 and batch
// 128 with momentum 0.9 and input noise, which reach 98 %) and SKIP, naming the parameters, when the parameters cell
// differs from it. The source's own recipe (row 1) is reported as it is, with no target. Quick mode's shorter
// training is held to what it honestly reaches: the targets below, and at least quick mode's epochs.
Checks checks = Checks.recipe(
        "classifierBatchSize", classifierBatchSize, 128, "classifierLearningRate", classifierLearningRate, 0.1,
        "classifierMomentum", classifierMomentum, 0.9, "fineTuneCorruptionLevel", fineTuneCorruptionLevel, 0.1,
        "fewLabels", fewLabels, new int[] {100, 1_000}, "fewLabelBatchSize", fewLabelBatchSize, 10,
        "fewLabelLearningRate", fewLabelLearningRate, 0.05, "fewLabelMomentum", fewLabelMomentum, 0.9,
        "trainImages × pretrainEpochs >= 30000", trainImages * (long) pretrainEpochs >= 30_000, true,
        "frozenEpochs >= 3", frozenEpochs >= 3, true, "fineTuneEpochs >= 5", fineTuneEpochs >= 5, true,
        "fewLabelEpochs >= 50", fewLabelEpochs >= 50, true);
String percent(double fraction) {
    return String.format("%.2f %%", 100 * fraction);
}

double chance = 0.1;   // ten classes
checks.invariant("frozen encoder + softmax test accuracy vs chance", percent(frozenAccuracy), "above chance, " + percent(chance), frozenAccuracy > chance);
checks.invariant("fine-tuned test accuracy vs chance", percent(fineTunedAccuracy), "above chance, " + percent(chance), fineTunedAccuracy > chance);
checks.invariant("the source's recipe: test accuracy vs chance", percent(sourceRecipeAccuracy), "above chance, " + percent(chance),
        sourceRecipeAccuracy > chance);

// Targets: >= 98.0 % fine-tuned in full mode (60 000 images, the parameters above); quick mode (10 000 images,
// few epochs) is held to what it honestly reaches.
boolean full = trainImages >= 60_000 && fineTuneEpochs >= 30;
double fineTuneTarget = full ? 0.98 : 0.85;
double frozenTarget = full ? 0.90 : 0.75;
checks.ofRecipe("fine-tuned test accuracy", percent(fineTunedAccuracy), ">= " + percent(fineTuneTarget), fineTunedAccuracy >= fineTuneTarget);
checks.ofRecipe("frozen encoder + softmax test accuracy", percent(frozenAccuracy), ">= " + percent(frozenTarget), frozenAccuracy >= frozenTarget);
checks.ofRecipe("this notebook's recipe vs the source's", percent(fineTunedAccuracy) + " vs " + percent(sourceRecipeAccuracy),
        "this notebook's higher", fineTunedAccuracy > sourceRecipeAccuracy);
checks.ofRecipe("fine-tuning vs frozen encoder", percent(fineTunedAccuracy) + " vs " + percent(frozenAccuracy), "fine-tuned higher",
        fineTunedAccuracy > frozenAccuracy);
for (var entry : fewLabelAccuracy.entrySet()) {
    double[] r = entry.getValue();
    checks.ofRecipe(entry.getKey() + " labels: pretrained + fine-tuned vs from scratch", percent(r[1]) + " vs " + percent(r[2]),
            "pretrained higher", r[1] > r[2]);
}
checks.done();
//%% markdown
// ## Comparison with the sources
//
// Measured in a full run of this notebook (`.venv/bin/python notebook-dev/tools/run_notebook.py
// notebooks/07-mnist-classifier.ipynb --out … --mode full`: the stack of notebooks 05 and 06, loaded from the files
// they saved under `StackRecipe.SOURCE`, pretrained on all 60 000 training images; the parameters above) on the
// project's 2-core machine, as `make book` runs it on a fresh clone with nothing else running; the accuracies are
// the same on every rerun, the times are not.
//
// | classifier | labelled images | training | test accuracy |
// |---|---|---|---|
// | end to end, the source's recipe | 60 000 | plain SGD, lr 0.1, batch 128, 30 epochs | 96.70 % |
// | end to end, this notebook's recipe | 60 000 | the same with momentum 0.9 and input masking ν = 0.1 | **98.32 %** |
// | frozen encoder + softmax | 60 000 | momentum (0.1, 0.9), batch 128, 10 epochs | 93.93 % |
// | same network from scratch | 60 000 | as this notebook's recipe | 98.13 % |
// | frozen encoder + softmax | 100 | momentum (0.05, 0.9), batch 10, 100 epochs | 71.58 % |
// | end-to-end fine-tuning | 100 | the same | 72.27 % |
// | same network from scratch | 100 | the same | 66.76 % |
// | frozen encoder + softmax | 1 000 | the same | 88.10 % |
// | end-to-end fine-tuning | 1 000 | the same | 90.55 % |
// | same network from scratch | 1 000 | the same | 86.41 % |
//
// **The source's recipe, as it is.** `003_…` Q3c asks for learning curves, the weights and the accuracy, and gives
// no number. Trained "as before" — plain SGD at α = 0.1, batch 128 — for 30 epochs, the classifier on the
// pretrained stack reaches 96.70 %; its test accuracy is still rising by about 0.1 point per epoch at the end
// (96.60 % after epoch 29), so more epochs would take it further.
//
// **This notebook's recipe: our two changes.** Classical momentum 0.9 (at lr 0.1 an effective learning rate of
// 0.1/(1 − 0.9) = 1, notebook 01) and masking noise ν = 0.1 on the classifier's inputs while training, with the
// source's learning rate, batch and the same 30 epochs: 98.32 %, 1.6 points above the source's recipe. It first
// reached 98 % after epoch 14 (the learning-curve table); the CHECK holds this recipe to ≥ 98 % in full mode.
//
// **Against the sources.** The semi-supervised slide of `003_…` claims that pretraining on many unlabelled images
// helps when labels are few, and `004_…` offers the frozen and the fine-tuned encoder as alternatives. All three
// show here:
//
// - *Fine-tuning beats freezing* by 4.4 points (98.32 % vs 93.93 %): the 100 codes were learned to reconstruct
//   images, not to separate digits, and a linear softmax on them leaves 6 % of the test digits wrong.
// - *With all 60 000 labels pretraining barely matters*: the randomly initialised network, trained with the same
//   optimizer, epochs, batch order and input noise, reaches 98.13 %, 0.19 points below the fine-tuned one.
// - *With few labels it matters*: +5.5 points with 100 labels (72.27 % vs 66.76 %) and +4.1 points with 1 000
//   (90.55 % vs 86.41 %). With 100 labels even the frozen encoder (71.58 %) beats training everything from scratch.
//
// The most frequent mistake of the fine-tuned classifier is a 4 read as a 9 (11 times). In the weights (the section
// above), every digit's softmax unit reads many of the 100 level-2 units, with positive and negative weights of
// similar size, rather than one or two. Carried down to the pixels, the 0 is a positive (red) ring around a negative
// (blue) centre and the 1 a positive vertical bar with negative flanks; the other digits' templates are mixtures of
// positive and negative strokes that are harder to read, as expected of a linear view through two sigmoid layers.
//
// **Time.** In the run quoted here this notebook took 255 s: fine-tuning 1.87 s per epoch (this notebook's recipe),
// from scratch 1.87 s per epoch; the rest is mostly the few-label runs and the test accuracy measured after every
// epoch.
//%% metadata
{
  "quick": ["trainImages = 10_000;", "testImages = 2_000;", "pretrainEpochs = 3;", "frozenEpochs = 3;",
            "fineTuneEpochs = 5;", "fewLabelEpochs = 50;", "checkpoints = false;"],
  "expects": {"plotly": 3, "png": 1, "table": 4},
  "nonsense": {"lines": ["double classifierMomentum = 1.5;"], "message": "momentum m must be in [0, 1), got 1.5"},
  "edits": [
    {"name": "momentum without the input noise", "lines": ["fineTuneCorruptionLevel = 0;"], "differs": ["fineTuneCorruptionLevel"]},
    {"name": "a larger classifier learning rate", "lines": ["classifierLearningRate = 0.3;"], "differs": ["classifierLearningRate"]}
  ]
}
