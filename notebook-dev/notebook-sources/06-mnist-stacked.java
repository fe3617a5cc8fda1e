// Source of notebooks/06-mnist-stacked.ipynb in the percent format of nbbuild.py; rebuild with
//   .venv/bin/python notebook-dev/tools/nbbuild.py notebook-dev/notebook-sources/06-mnist-stacked.java -o notebooks/06-mnist-stacked.ipynb
//%% markdown
// # 06 · A stacked denoising autoencoder on MNIST: layer-wise pretraining (784-625-100)
//
// **Source:** `003_06d01c1066b95d79.txt`, exercise 3 (b): "Add another hidden layer with 100 neurons and train the
// autoencoder as before. Plot the feature maps. Plot the learning curves, the weights, and the hidden layer
// activations for sample test images." The same document's *Deep stacked autoencoders* slides train the network
// greedily: "Training first hidden layer", then "Training second hidden layer. Reconstructs first-hidden layer
// output" (also `002_30a0b8d3c8338d16.txt`, layer-wise training).
//
// **Here.** Level 1 is notebook 05's 784-625-784 denoising autoencoder. Both levels' settings are one value, the
// library's `StackRecipe.SOURCE`, which notebooks 05, 06 and 07 share; level 1's saved weights are reused when
// `notebooks/models/` holds a file saved under the same recipe (its key is in the file name and every field in the
// file's header), and it is trained again otherwise (the next cell says which). Level 2 is a 625-100-625 autoencoder trained "as before" — masking noise ν = 0.1,
// cross-entropy, α = 0.1, batch 128, ρ = 0.02, β = 0.4 — to reconstruct level 1's codes of the training images,
// with level 1 fixed. The stack's encoder is then 784 → 625 → 100.
//
// **Where the source is silent we choose, and say so:** 10 epochs for level 2; its codes are sigmoid activations
// in [0, 1], so binary cross-entropy applies to them as to pixels; the second level's features are drawn in
// pixel space through the product of the two weight matrices (a linear view that ignores the sigmoid between them).
// The stack has two levels, as the exercise asks; the slides' deep stack has three, and `levels = 3` adds a third
// level on top of the second (`level3Units` units, trained with level 2's settings). `gaussianNoise` swaps the
// masking noise of every level for Gaussian noise of σ = `corruptionLevel`, as in notebook 05.
//%% code parameters
// Every hyperparameter of this notebook: edit and rerun. The levels' settings are StackRecipe.SOURCE's (625 and 100
// units, noise ν = 0.1, α = 0.1, batch 128, ρ = 0.02, β = 0.4, seeds 1 and 2), with the changes below.
int trainImages = 60_000;        // the first n MNIST training images (both levels)
int testImages = 10_000;         // the first n MNIST test images
int epochs = 10;                 // epochs of each level
boolean gaussianNoise = false;   // the noise of every level: masking; true: Gaussian of σ = corruptionLevel
double corruptionLevel = 0.1;    // the noise level of every level
int level2Units = 100;           // level 2: 625 -> level2Units -> 625, trained on level 1's codes
// More levels: the slides' deep stack has three.
int levels = 2;                  // 2: 784-625-100, as the exercise; 3: a third level on top, 100 -> level3Units -> 100
int level3Units = 50;            // trained with level 2's settings, seed level 2's + 1
int sampleImages = 10;           // test images in the activation pictures
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

Path models = Path.of("models");    // saved layers (git-ignored), shared with notebooks 05 and 07
Mnist mnist = Mnist.load();
Matrix train = mnist.train().first(trainImages).images();
LabeledImages test = mnist.test().first(testImages);
if (levels < 2 || levels > 3) throw new IllegalArgumentException("levels must be 2 or 3, got " + levels);

StackRecipe recipe = StackRecipe.SOURCE.withTrainImages(trainImages)
        .withLevel2(StackRecipe.SOURCE.level2().withHiddenUnits(level2Units))
        .withEpochs(epochs).withNoise(gaussianNoise, corruptionLevel);
StackRecipe.Pretrained<Autoencoder> level1Result = recipe.loadOrTrainLevel1(models, train, Progress.auto());
Autoencoder level1 = level1Result.model();
int hiddenUnits = recipe.level1().hiddenUnits();
double level1TestBce = level1.reconstructionLoss(test.images());
System.out.println(recipe);
System.out.println(level1Result);
System.out.println(String.format("level 1: %s%n  test BCE per image %.2f", level1, level1TestBce));
//%% markdown
// ## Level 2: pretraining on level 1's codes
//
// The curves are the BCE of level 2's reconstruction of the 625 level-1 codes (summed over the 625 units,
// averaged over the images): training (corrupted codes in, clean codes as targets) and test (clean). The table's
// `seconds` column is the training time of each epoch.
//%% code
Autoencoder level2 = recipe.level2Autoencoder();
StackedAutoencoder stack = StackedAutoencoder.of(level1).withLevel(level2);
Trainer level2Trainer = recipe.level2().trainer(Progress.auto());
double level2UntrainedTestBce = level2.reconstructionLoss(level1.encode(test.images()));
History history = stack.pretrainLevel(1, level2Trainer, train, test.images());
Viz.show(LineChart.of(history.table(), "epoch", "reconstruction", "validation", "loss")
        .withTitle("level 2 (625-100-625) on level 1's codes").withAxisTitles("epoch", "BCE per image (sum over 625 codes)"));
Viz.show(history.table());
System.out.println(String.format("level 2 test BCE per image: %.2f untrained, %.2f after epoch 1, %.2f after epoch %d; %.2f s per epoch on average",
        level2UntrainedTestBce, history.column("validation")[0], history.last("validation"), history.epochs(), history.secondsPerEpoch()));

// Saved for notebook 07 under the whole recipe's key: level 2's weights depend on level 1's recipe too.
Path level2File = recipe.saveLevel2(models, level2);
System.out.println("saved " + level2File.toAbsolutePath().normalize() + " (" + Files.size(level2File) + " bytes), recipe key " + recipe.key());

// The slides' third level, when levels = 3: trained on level 2's codes with level 2's settings.
if (levels == 3) {
    StackRecipe.Level level3Recipe = recipe.level2().withHiddenUnits(level3Units).withSeed(recipe.level2().seed() + 1);
    stack = stack.withLevel(level3Recipe.autoencoder(level2Units));
    History level3History = stack.pretrainLevel(2, level3Recipe.trainer(Progress.auto()), train, test.images());
    System.out.println(String.format("level 3 (%d-%d-%d) test BCE per image: %.2f after epoch 1, %.2f after epoch %d", level2Units,
            level3Units, level2Units, level3History.column("validation")[0], level3History.last("validation"), level3History.epochs()));
}
stack
//%% markdown
// ## Feature maps of both levels
//
// Left: the 625 level-1 filters (rows of W₁ᵀ) as 28 × 28 images. Right: the 100 level-2 features in pixel space,
// rows of (W₁·W₂)ᵀ. Red positive, blue negative, each tile on its own scale. Level-2 features combine many
// level-1 strokes into larger parts of digits.
//%% code
Viz.show(Panels.row(
        Tiles.of(stack.inputSpaceFeatures(0), 28, 28).withColumns(25).withColorMap(ColorMap.DIVERGING),
        Tiles.of(stack.inputSpaceFeatures(1), 28, 28).withColumns(10).withColorMap(ColorMap.DIVERGING).withZoom(2))
        .withCaptions("level 1: " + hiddenUnits + " filters", "level 2: " + level2Units + " features in pixel space"));
//%% markdown
// ## The weights of level 2
//
// Each of the 100 units' 625 incoming weights (a column of W₂), laid out 25 × 25 in the order of the level-1
// units: which level-1 features excite (red) or inhibit (blue) it.
//%% code
Matrix level2Weights = level2.encoder().get(0).weightsCopy().transposeCopy();   // 100 × 625
int side1 = (int) Math.round(Math.sqrt(hiddenUnits));
Viz.show(side1 * side1 == hiddenUnits
        ? Tiles.of(level2Weights, side1, side1).withColumns(10).withColorMap(ColorMap.DIVERGING).withZoom(2)
        : Tiles.ofMatrix(level2Weights).withColorMap(ColorMap.DIVERGING));
//%% markdown
// ## Hidden-layer activations for sample test images
//
// The first test images, their 625 level-1 activations (25 × 25) and their 100 level-2 activations (10 × 10),
// white 1, black 0.
//%% code
Matrix samples = test.images().rowRangeCopy(0, sampleImages);
Matrix codes1 = stack.encode(samples, 0);
Matrix codes2 = stack.encode(samples, 1);
int side2 = (int) Math.round(Math.sqrt(level2Units));
Viz.show(Panels.row(
        Tiles.of(samples, 28, 28).withColumns(sampleImages).withRange(0, 1).withZoom(2),
        side1 * side1 == hiddenUnits ? Tiles.of(codes1, side1, side1).withColumns(sampleImages).withRange(0, 1).withZoom(2)
                : Tiles.ofMatrix(codes1).withRange(0, 1),
        side2 * side2 == level2Units ? Tiles.of(codes2, side2, side2).withColumns(sampleImages).withRange(0, 1).withZoom(5)
                : Tiles.ofMatrix(codes2).withRange(0, 1).withZoom(4))
        .withCaptions("test images", "level 1 (" + hiddenUnits + ")", "level 2 (" + level2Units + ")"));

Matrix testCodes2 = stack.encode(test.images(), 1);
double meanActivation2 = testCodes2.mean();
System.out.println(String.format("level 2 over %d test images: mean activation %.4f (target ρ = %s)", testImages, meanActivation2, recipe.level2().rho()));
//%% markdown
// ## Reconstruction through the whole stack
//
// Encode 784 → 625 → 100, then decode 100 → 625 → 784 with both decoders: rows are the test images, their
// reconstruction by level 1 alone, and through the 100-unit bottleneck.
//%% code
Matrix rows = Matrix.stackRows(samples, level1.reconstruct(samples), stack.reconstruct(samples));
Viz.show(Tiles.of(rows, 28, 28).withColumns(sampleImages).withRange(0, 1).withZoom(2)
        .withRowLabels("test image", "level 1 alone", "whole stack"));

double deepTestBce = Loss.BCE.value(stack.reconstruct(test.images()), test.images());
System.out.println(String.format("test BCE per image: level 1 alone %.2f, through the %d-level stack %.2f", level1TestBce, stack.depth(), deepTestBce));
//%% code check
// Invariants hold for any parameters; recipe checks hold for the source's recipe and SKIP, naming the parameters,
// when the parameters cell differs from it. The level-1 bound depends on how many images training saw, as in 05.
Checks checks = Checks.recipe(
        "gaussianNoise", gaussianNoise, false, "corruptionLevel", corruptionLevel, 0.1, "level2Units", level2Units, 100,
        "levels", levels, 2, "trainImages × epochs >= 30000", trainImages * (long) epochs >= 30_000, true);

double level2Test = history.last("validation");
checks.invariant("level 2 test BCE per image, untrained -> after training", String.format("%.2f -> %.2f", level2UntrainedTestBce, level2Test),
        "lower after training", level2Test < level2UntrainedTestBce);
checks.invariant("saved level-2 file", level2File.toString(), "exists", Files.exists(level2File));

boolean full = trainImages * (long) epochs >= 600_000;
double level1Bound = full ? 75 : 130;   // as in notebook 05
checks.ofRecipe("level 1 test BCE per image (" + (level1Result.loaded() ? "loaded from " + recipe.level1File(models) : "trained here") + ")",
        String.format("%.2f", level1TestBce), "< " + level1Bound, level1TestBce < level1Bound);
checks.ofRecipe("level 2 test BCE falls from epoch 1 to the last", String.format("%.2f -> %.2f", history.column("validation")[0], level2Test),
        "lower at the end", level2Test < history.column("validation")[0]);
double[] penalty = history.column("penalty");
checks.ofRecipe("level 2 sparsity penalty, epoch 1 -> last", String.format("%.2f -> %.2f", penalty[0], penalty[penalty.length - 1]),
        "lower at the end", penalty[penalty.length - 1] < penalty[0]);
checks.ofRecipe("test BCE per image through the " + stack.depth() + "-level stack", String.format("%.2f", deepTestBce), "< 1.5 x level 1's "
        + String.format("%.2f", level1TestBce), deepTestBce < 1.5 * level1TestBce);
checks.done();
//%% markdown
// ## Comparison with the source
//
// Measured in a full run of this notebook (`.venv/bin/python notebook-dev/tools/run_notebook.py
// notebooks/06-mnist-stacked.ipynb --out … --mode full`: 60 000 training images, 10 epochs for each level, the
// parameters above), as `make book` runs it on a fresh clone, on the project's 2-core machine with nothing else
// running; the numbers other than times are the same on every rerun.
//
// | | source (`003_06d01c1066b95d79.txt`, Q3b and the stacked-autoencoder slides) | this notebook |
// |---|---|---|
// | training | second layer "reconstructs first-hidden layer output" | level 2 trained on level 1's codes with level 1 fixed; level 1 loaded from the file notebook 05 saved under the same recipe (test BCE 67.38, the value 05 printed) |
// | learning curves | asked for; no values given | level-2 test BCE per image (over the 625 codes) 97.07 after epoch 1, 76.87 after epoch 10; sparsity penalty 10.82 → 4.01 |
// | time per epoch, level 2 | — | 1.44 s on average (1.18–1.76 s) in the run quoted here |
// | feature maps | asked for | level 1: stroke detectors (as in 05); level 2 in pixel space: larger, mostly positive (red) blobs shaped like whole digits or large parts of them (loops, slanted bars), with small negative (blue) holes |
// | activations | asked for | level 2 mean activation 0.145 over the test images (target ρ = 0.02) |
// | reconstruction through the stack | — | test BCE per image 82.76 through the 100-unit bottleneck, against 67.38 for level 1 alone: recognisable but blurrier digits |
// | three levels (`levels = 3`) | the slides' deep stack: "Training the third hidden layer. Reconstructs second hidden layer output" | a 100-50-100 third level with level 2's settings: test BCE per image over its 100 codes 37.05 after epoch 1, 26.51 after epoch 10; through the 3-level stack 111.04 (a full run with `levels = 3`; the recipe checks then SKIP) |
//
// **Differences explained.** The source asks for plots and gives no values to match. Level 2's activations are
// less sparse than level 1's (0.145 against 0.060): it sees 625 dense-ish codes rather than mostly-zero pixels,
// and with β = 0.4 and only 10 epochs the KL term is still falling when training stops. The pixel-space pictures
// of level 2 multiply the two weight matrices and ignore the sigmoid between them, so they show which pixels push a
// unit up or down on average, not an exact preferred input.
//%% metadata
{
  "quick": ["trainImages = 10_000;", "testImages = 2_000;", "epochs = 3;"],
  "expects": {"plotly": 1, "png": 4, "table": 1},
  "edits": [
    {"name": "three levels, as the slides", "lines": ["levels = 3;"], "differs": ["levels"]},
    {"name": "Gaussian noise", "lines": ["gaussianNoise = true;", "corruptionLevel = 0.2;"],
     "differs": ["gaussianNoise", "corruptionLevel"]}
  ]
}
