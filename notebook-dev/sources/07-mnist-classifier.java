// Source of notebooks/07-mnist-classifier.ipynb in the percent format of nbbuild.py; rebuild with
//   .venv/bin/python notebook-dev/tools/nbbuild.py notebook-dev/sources/07-mnist-classifier.java -o notebooks/07-mnist-classifier.ipynb
//%% markdown
// # 07 · A softmax classifier on the pretrained stack: frozen, fine-tuned, from scratch, and with few labels
//
// **Sources:** `003_06d01c1066b95d79.txt`, exercise 3 (c): "Add a softmax layer on top of the second hidden layer
// to design a classifier. Show learning curves and find the accuracy of the classifier." The same document's
// *Semi-Supervised Classification* slide: "Many images, but few ground truth labels — start unsupervised: train
// autoencoder on many images — supervised fine-tuning: train classification network on labeled images".
// `004_1238e059b100867a.txt`: "we can freeze the Encoder and learn a neural network which maps l_i to y_i …
// Alternatively, the entire network can be learned in an end-to-end manner, with necessary fine-tuning of the
// encoder."
//
// **Here.** The encoder is notebook 06's 784 → 625 → 100 stack (reused from `notebooks/models/` when the saved
// files match the parameters below, trained otherwise). On it, a 10-unit softmax layer trained with softmax
// cross-entropy (averaged over the batch), in four ways, each reported as test accuracy on the 10 000 MNIST test
// images:
//
// 1. **frozen encoder + softmax**: only the softmax layer learns (004's "freeze the Encoder");
// 2. **end-to-end fine-tuning**: every layer learns, starting from the pretrained encoder;
// 3. **from scratch**: the same 784-625-100-10 network, randomly initialised, same optimizer and epochs as 2;
// 4. **few labels**: all 60 000 images were used for pretraining, but only the first 100 or 1 000 labelled
//    images for the classifier — pretrained (frozen, fine-tuned) versus from scratch, same optimizer and epochs.
//
// **Where the sources are silent we choose, and say so.** The source's α = 0.1 and batch 128 with classical
// momentum 0.9 for the classifier (plain SGD at 0.1 reached only 97.0 % after 30 fine-tuning epochs in a PyTorch
// run of this recipe, short of the 98 % this notebook aims at); masking noise ν = 0.1 on the classifier's inputs
// during fine-tuning and from-scratch training (the denoising idea used as a regulariser; clean test images);
// Glorot-uniform initial weights; 10 head-only epochs, 30 end-to-end epochs; for the few-label runs batch 10,
// 100 epochs, lr 0.05, momentum 0.9, no noise. `gaussianNoise` swaps every masking noise (pretraining and
// classifier inputs) for Gaussian noise of σ = the level, as in notebooks 05 and 06.
//%% code parameters
// Every hyperparameter of this notebook: edit and rerun.
// The pretrained stack: must equal notebooks 05 and 06 for their saved layers to be reused.
int trainImages = 60_000;        // the first n MNIST training images: pretraining, and labels for rows 1-3
int testImages = 10_000;         // the first n MNIST test images: every accuracy
int hiddenUnits = 625;
boolean gaussianNoise = false;   // every noise below: masking; true: Gaussian of σ = the level
double corruptionLevel = 0.1;
double learningRate = 0.1;
int batchSize = 128;
double rho = 0.02;
double beta = 0.4;
int epochs = 10;
long seed = 1;
int level2Units = 100;
double level2CorruptionLevel = 0.1;
double level2LearningRate = 0.1;
int level2BatchSize = 128;
double level2Rho = 0.02;
double level2Beta = 0.4;
int level2Epochs = 10;
long level2Seed = 2;
// The classifier: softmax head on the 100-unit codes.
long classifierSeed = 3;             // softmax initial weights (and the from-scratch network), batch order, noise
int classifierBatchSize = 128;
double classifierLearningRate = 0.1;
double classifierMomentum = 0.9;     // classical momentum
int frozenEpochs = 10;               // 1. head only
int fineTuneEpochs = 30;             // 2. and 3. end to end
double fineTuneCorruptionLevel = 0.1; // masking noise on the inputs while training 2. and 3. (0: none)
// Few labels: pretrained on all trainImages, classifier trained on the first n labelled images only.
int[] fewLabels = {100, 1_000};
int fewLabelBatchSize = 10;
int fewLabelEpochs = 100;
double fewLabelLearningRate = 0.05;
double fewLabelMomentum = 0.9;
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

String modelDirectory = "models";    // saved layers (git-ignored), from notebooks 05 and 06
Mnist mnist = Mnist.load();
LabeledImages trainSet = mnist.train().first(trainImages);
LabeledImages test = mnist.test().first(testImages);
Matrix train = trainSet.images();

/** A denoising sparse autoencoder with the recipe of 003 Q3a. */
Autoencoder denoising(int inputs, int hidden, double nu, double rho, double beta, long seed) {
    return Autoencoder.builder().input(inputs).hidden(hidden, Activation.SIGMOID).output(Activation.SIGMOID)
            .loss(Loss.BCE).sparsity(rho, beta).corruption(gaussianNoise ? Corruption.gaussian(nu) : Corruption.masking(nu)).init(Init.glorot()).seed(seed).build();
}

Trainer sgd(double lr, int batch, int epochs, long seed) {
    return Trainer.builder().optimizer(Optimizer.sgd(lr)).batchSize(batch).epochs(epochs).seed(seed)
            .listener(Progress.auto()).build();
}

/** Everything that shaped a layer's weights; a saved file is reused only when this matches exactly. */
Map<String, String> savedParameters(Autoencoder ae, Trainer trainer, int trainImages) {
    return Map.of("network", ae.toString(), "init", ae.init() + ", seed " + ae.seed(),
            "trainer", trainer.toString(), "data", "MNIST training images 0.." + (trainImages - 1));
}

Autoencoder level1 = denoising(784, hiddenUnits, corruptionLevel, rho, beta, seed);
Trainer level1Trainer = sgd(learningRate, batchSize, epochs, seed);
ModelFile.loadOrTrain(Path.of(modelDirectory, "mnist-level1-" + trainImages + ".aelab"), level1.layers(),
        savedParameters(level1, level1Trainer, trainImages), () -> level1.fit(level1Trainer, train));

Autoencoder level2 = denoising(hiddenUnits, level2Units, level2CorruptionLevel, level2Rho, level2Beta, level2Seed);
StackedAutoencoder stack = StackedAutoencoder.of(level1).withLevel(level2);
Trainer level2Trainer = sgd(level2LearningRate, level2BatchSize, level2Epochs, level2Seed);
Map<String, String> level2Parameters = new TreeMap<>();
savedParameters(level1, level1Trainer, trainImages).forEach((k, v) -> level2Parameters.put("level1 " + k, v));
savedParameters(level2, level2Trainer, trainImages).forEach((k, v) -> level2Parameters.put("level2 " + k, v));
ModelFile.loadOrTrain(Path.of(modelDirectory, "mnist-level2-" + trainImages + ".aelab"), level2.layers(),
        level2Parameters, () -> stack.pretrainLevel(1, level2Trainer, train, null));
stack
//%% code
/** Classical momentum with the classifier's settings, for {@code epochs} epochs. */
Trainer classifierTrainer(int epochs) {
    return Trainer.builder().optimizer(Optimizer.momentum(classifierLearningRate, classifierMomentum))
            .batchSize(classifierBatchSize).epochs(epochs).seed(classifierSeed).listener(Progress.auto()).build();
}

/** The rows of the accuracy table, filled in as the runs finish. */
Table accuracies = Table.create("test accuracy on " + testImages + " MNIST test images",
        StringColumn.create("classifier"), StringColumn.create("encoder"), IntColumn.create("labelled images"),
        StringColumn.create("training"), DoubleColumn.create("test accuracy %"), DoubleColumn.create("training seconds"));

void addRow(String classifier, String encoder, int labels, String training, double accuracy, double seconds) {
    accuracies.stringColumn(0).append(classifier);
    accuracies.stringColumn(1).append(encoder);
    accuracies.intColumn(2).append(labels);
    accuracies.stringColumn(3).append(training);
    accuracies.doubleColumn(4).append(Math.round(accuracy * 10_000) / 100.0);
    accuracies.doubleColumn(5).append(Math.round(seconds * 10) / 10.0);
}

double seconds(History h) {
    return h.secondsPerEpoch() * h.epochs();
}
//%% markdown
// ## 1. Frozen encoder + softmax
//
// Only the 100 × 10 softmax weights and biases learn; the pretrained encoder is fixed. `loss` is the training
// cross-entropy, `validation` the test cross-entropy, `test_accuracy` the fraction of test images classified
// correctly, all after each epoch; `seconds` is the training time of the epoch.
//%% code
Classifier frozen = Classifier.on(stack.encoderLayers(), 10, Init.glorot(), classifierSeed).withFrozenEncoder();
Trainer frozenTrainer = classifierTrainer(frozenEpochs);
History frozenHistory = frozen.fit(frozenTrainer, trainSet, test);
double frozenAccuracy = frozen.accuracy(test);
addRow("frozen encoder + softmax", "pretrained", trainImages, frozenTrainer.optimizer() + ", " + frozenEpochs + " epochs",
        frozenAccuracy, seconds(frozenHistory));
Viz.show(frozenHistory.table());
System.out.println(String.format("frozen encoder + softmax: test accuracy %.2f %%", 100 * frozenAccuracy));
//%% markdown
// ## 2. End-to-end fine-tuning, and 3. the same network from scratch
//
// Both start with a new softmax layer (the same initial weights) and train every layer with the same optimizer,
// epochs, batch order and input noise; they differ only in the encoder's initial weights: pretrained (2) or
// Glorot-random (3).
//%% code
Corruption fineTuneNoise = fineTuneCorruptionLevel <= 0 ? null
        : gaussianNoise ? Corruption.gaussian(fineTuneCorruptionLevel) : Corruption.masking(fineTuneCorruptionLevel);
Classifier withNoise(Classifier c) {
    return fineTuneNoise == null ? c : c.withInputCorruption(fineTuneNoise);
}
String training = classifierTrainer(fineTuneEpochs).optimizer() + ", " + fineTuneEpochs + " epochs"
        + (fineTuneNoise == null ? "" : ", input " + fineTuneNoise);

Classifier fineTuned = withNoise(Classifier.on(stack.encoderLayers(), 10, Init.glorot(), classifierSeed).withTrainableEncoder());
History fineTuneHistory = fineTuned.fit(classifierTrainer(fineTuneEpochs), trainSet, test);
double fineTunedAccuracy = fineTuned.accuracy(test);
addRow("end-to-end fine-tuning", "pretrained", trainImages, training, fineTunedAccuracy, seconds(fineTuneHistory));

Classifier scratch = withNoise(Classifier.fromScratch(784, new int[] {hiddenUnits, level2Units}, Activation.SIGMOID, 10,
        Init.glorot(), classifierSeed));
History scratchHistory = scratch.fit(classifierTrainer(fineTuneEpochs), trainSet, test);
double scratchAccuracy = scratch.accuracy(test);
addRow("same network from scratch", "random (Glorot)", trainImages, training, scratchAccuracy, seconds(scratchHistory));

System.out.println(fineTuned);
Viz.show(fineTuneHistory.table());
System.out.println(String.format("fine-tuned %.2f %%, from scratch %.2f %% (%.2f and %.2f s per epoch)", 100 * fineTunedAccuracy,
        100 * scratchAccuracy, fineTuneHistory.secondsPerEpoch(), scratchHistory.secondsPerEpoch()));
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
curves.put("frozen", frozenHistory);
curves.put("fine-tuned", fineTuneHistory);
curves.put("from scratch", scratchHistory);
for (var entry : curves.entrySet()) {
    losses = losses.withCurve(entry.getKey() + ", train", entry.getValue().table(), "epoch", "loss")
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
// ## 4. Few labels: pretraining on all images, classifying with 100 or 1 000 labels
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
            Classifier.on(stack.encoderLayers(), 10, Init.glorot(), classifierSeed).withFrozenEncoder(),
            Classifier.on(stack.encoderLayers(), 10, Init.glorot(), classifierSeed).withTrainableEncoder(),
            Classifier.fromScratch(784, new int[] {hiddenUnits, level2Units}, Activation.SIGMOID, 10, Init.glorot(), classifierSeed)};
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
// differs from it. Quick mode's shorter training is held to what it honestly reaches: the targets below, and at
// least quick mode's epochs.
Checks checks = Checks.recipe(
        "hiddenUnits", hiddenUnits, 625, "gaussianNoise", gaussianNoise, false, "corruptionLevel", corruptionLevel, 0.1,
        "learningRate", learningRate, 0.1, "batchSize", batchSize, 128, "rho", rho, 0.02, "beta", beta, 0.4,
        "level2Units", level2Units, 100, "level2CorruptionLevel", level2CorruptionLevel, 0.1,
        "level2LearningRate", level2LearningRate, 0.1, "level2BatchSize", level2BatchSize, 128,
        "level2Rho", level2Rho, 0.02, "level2Beta", level2Beta, 0.4,
        "classifierBatchSize", classifierBatchSize, 128, "classifierLearningRate", classifierLearningRate, 0.1,
        "classifierMomentum", classifierMomentum, 0.9, "fineTuneCorruptionLevel", fineTuneCorruptionLevel, 0.1,
        "fewLabels", fewLabels, new int[] {100, 1_000}, "fewLabelBatchSize", fewLabelBatchSize, 10,
        "fewLabelLearningRate", fewLabelLearningRate, 0.05, "fewLabelMomentum", fewLabelMomentum, 0.9,
        "trainImages × epochs >= 30000", trainImages * (long) epochs >= 30_000, true,
        "frozenEpochs >= 3", frozenEpochs >= 3, true, "fineTuneEpochs >= 5", fineTuneEpochs >= 5, true,
        "fewLabelEpochs >= 50", fewLabelEpochs >= 50, true);
String percent(double fraction) {
    return String.format("%.2f %%", 100 * fraction);
}

double chance = 0.1;   // ten classes
checks.invariant("frozen encoder + softmax test accuracy vs chance", percent(frozenAccuracy), "above chance, " + percent(chance), frozenAccuracy > chance);
checks.invariant("fine-tuned test accuracy vs chance", percent(fineTunedAccuracy), "above chance, " + percent(chance), fineTunedAccuracy > chance);

// Targets: >= 98.0 % fine-tuned in full mode (60 000 images, the parameters above); quick mode (10 000 images,
// few epochs) is held to what it honestly reaches.
boolean full = trainImages >= 60_000 && fineTuneEpochs >= 30;
double fineTuneTarget = full ? 0.98 : 0.85;
double frozenTarget = full ? 0.90 : 0.75;
checks.ofRecipe("fine-tuned test accuracy", percent(fineTunedAccuracy), ">= " + percent(fineTuneTarget), fineTunedAccuracy >= fineTuneTarget);
checks.ofRecipe("frozen encoder + softmax test accuracy", percent(frozenAccuracy), ">= " + percent(frozenTarget), frozenAccuracy >= frozenTarget);
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
// Measured in a full run of this notebook (`make book`: the stack of notebooks 05 and 06 pretrained on all 60 000
// training images, the parameters above) on the project's 2-core machine, shared with other jobs; the accuracies
// are the same on every rerun, the times are not.
//
// | classifier | labelled images | training | test accuracy |
// |---|---|---|---|
// | frozen encoder + softmax | 60 000 | momentum (0.1, 0.9), batch 128, 10 epochs | 93.93 % |
// | end-to-end fine-tuning | 60 000 | momentum (0.1, 0.9), batch 128, 30 epochs, input masking ν = 0.1 | **98.32 %** |
// | same network from scratch | 60 000 | the same | 98.13 % |
// | frozen encoder + softmax | 100 | momentum (0.05, 0.9), batch 10, 100 epochs | 71.58 % |
// | end-to-end fine-tuning | 100 | the same | 72.27 % |
// | same network from scratch | 100 | the same | 66.76 % |
// | frozen encoder + softmax | 1 000 | the same | 88.10 % |
// | end-to-end fine-tuning | 1 000 | the same | 90.55 % |
// | same network from scratch | 1 000 | the same | 86.41 % |
//
// **Against the sources.** `003_…` Q3c asks for learning curves and the accuracy and gives no number; its
// semi-supervised slide claims that pretraining on many unlabelled images helps when labels are few, and
// `004_…` offers the frozen and the fine-tuned encoder as alternatives. All three show here:
//
// - *Fine-tuning beats freezing* by 4.4 points (98.32 % vs 93.93 %): the 100 codes were learned to reconstruct
//   images, not to separate digits, and a linear softmax on them leaves 6 % of the test digits wrong.
// - *With all 60 000 labels pretraining barely matters*: the randomly initialised network, trained with the same
//   optimizer, epochs, batch order and input noise, reaches 98.13 %, 0.19 points below the fine-tuned one.
// - *With few labels it matters*: +5.5 points with 100 labels (72.27 % vs 66.76 %) and +4.1 points with 1 000
//   (90.55 % vs 86.41 %). With 100 labels even the frozen encoder (71.58 %) beats training everything from scratch.
//
// **Recipe for the 98 % target.** Classical momentum 0.9 at lr 0.1, batch 128, 30 epochs, masking noise ν = 0.1 on
// the classifier's inputs while training, starting from a fresh softmax layer on the pretrained encoder. The test
// accuracy first reached 98 % after epoch 14 and was 98.32 % after epoch 30 (the learning-curve table). For
// comparison, plain SGD at 0.1 without momentum reached only 97.0 % after 30 fine-tuning epochs in a PyTorch run of
// this recipe on this machine, and in a full run of this notebook with that plain recipe (`classifierMomentum = 0;
// fineTuneCorruptionLevel = 0;`, one of its declared edits) fine-tuning reached 96.70 % (frozen 91.75 %, from
// scratch 94.71 %), where the CHECK cell skips the recipe checks; without the input noise, a fine-tuning run of this network here (its softmax layer
// first trained 5 epochs on the frozen encoder) reached 98.08 % after 30 epochs. Vincent et
// al. (2010) report 1.40 % test error for a 3-layer stacked denoising autoencoder; our 2-layer stack with 10
// pretraining epochs per level ends at 1.68 %. The most frequent mistake is a 4 read as a 9 (11 times).
//
// **Time.** In the `make book` run quoted here this notebook took 194 s: fine-tuning 1.68 s per epoch, from scratch 2.27 s per epoch, the few-label runs 0.8–7.6 s each, the rest mostly the test accuracy measured after every epoch. Notebooks 05, 06 and 07 together took 272 s (50 + 28 + 194 s; 417 s in an earlier run while other jobs loaded the machine).
//%% metadata
{
  "quick": ["trainImages = 10_000;", "testImages = 2_000;", "epochs = 3;", "level2Epochs = 3;", "frozenEpochs = 3;",
            "fineTuneEpochs = 5;", "fewLabelEpochs = 50;"],
  "expects": {"plotly": 2, "png": 0, "table": 4},
  "nonsense": {"lines": ["double classifierMomentum = 1.5;"], "message": "momentum m must be in [0, 1), got 1.5"},
  "edits": [
    {"name": "the source's plain recipe: SGD without momentum, no input noise", "lines": ["classifierMomentum = 0;", "fineTuneCorruptionLevel = 0;"],
     "differs": ["classifierMomentum", "fineTuneCorruptionLevel"]},
    {"name": "a larger classifier learning rate", "lines": ["classifierLearningRate = 0.3;"], "differs": ["classifierLearningRate"]}
  ]
}
