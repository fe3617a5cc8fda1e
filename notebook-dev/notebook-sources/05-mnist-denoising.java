// Source of notebooks/05-mnist-denoising.ipynb in the percent format of nbbuild.py; rebuild with
//   .venv/bin/python notebook-dev/tools/nbbuild.py notebook-dev/notebook-sources/05-mnist-denoising.java -o notebooks/05-mnist-denoising.ipynb
//%% markdown
// # 05 · A denoising sparse autoencoder on MNIST (784-625-784)
//
// **Source:** `003_06d01c1066b95d79.txt`, exercise 3 (a): "Design a denoising autoencoder to reconstruct MNIST
// images. Assume one hidden layer with 625 neurons, multiplicative noise, and cross-entropy cost function. Use
// 10% corruption level, learning factor α = 0.1, batch size = 128, sparsity constant ρ = 0.02, and penalty
// parameter β = 0.4. Plot the learning curves, the weights, and the hidden layer activations for sample test
// images."
//
// | | source | here |
// |---|---|---|
// | architecture | 784 inputs, 625 hidden, 784 outputs | the same, sigmoid hidden and output units |
// | noise | multiplicative, 10 % corruption | masking (`gaussianNoise = false`): each pixel set to 0 with probability ν = 0.1, kept otherwise |
// | cost | cross-entropy | binary cross-entropy summed over the 784 pixels, averaged over the batch |
// | learning factor α, batch | 0.1, 128 | plain SGD, lr 0.1, batch 128 |
// | sparsity | ρ = 0.02, β = 0.4 | β·Σⱼ KL(ρ ‖ ρ̂ⱼ), ρ̂ⱼ the mean activation of hidden unit j over the batch |
//
// **Where the source is silent we choose, and say so** (each is a parameter below): 10 epochs over the 60 000
// training images; Glorot-uniform initial weights, biases 0; separate (untied) decoder weights; the test curve is
// the clean test images' BCE (no corruption, no penalty) after every epoch. These settings, with the second
// level's of notebook 06, make one value, the library's `StackRecipe.SOURCE`: the next cell builds this notebook's
// recipe from the parameters, and the trained first layer is saved in `notebooks/models/` under that recipe's key,
// where notebooks 06 and 07 find it when their recipe is the same.
//%% code parameters
// Every hyperparameter of this notebook: edit and rerun.
int trainImages = 60_000;        // the first n MNIST training images
int testImages = 10_000;         // the first n MNIST test images (learning curve, pictures)
int hiddenUnits = 625;
boolean gaussianNoise = false;   // the noise: masking (pixels set to 0); true: additive Gaussian noise of σ = corruptionLevel
double corruptionLevel = 0.1;    // masking noise ν: fraction of pixels set to 0 (Gaussian noise: σ)
double learningRate = 0.1;       // α, plain SGD
int batchSize = 128;
double rho = 0.02;               // sparsity target ρ
double beta = 0.4;               // sparsity weight β
int epochs = 10;
long seed = 1;                   // initial weights, batch order and noise derive from it
int sampleImages = 10;           // test images in the activation and denoising pictures
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

Path models = Path.of("models");    // the trained layer is saved here for notebooks 06 and 07 (git-ignored)
Mnist mnist = Mnist.load();
Matrix train = mnist.train().first(trainImages).images();
LabeledImages test = mnist.test().first(testImages);

// The stack's recipe with this notebook's first level: sigmoid units, BCE, Glorot-uniform weights, plain SGD.
StackRecipe recipe = StackRecipe.SOURCE.withTrainImages(trainImages).withLevel1(new StackRecipe.Level(
        hiddenUnits, gaussianNoise, corruptionLevel, learningRate, batchSize, rho, beta, epochs, seed));
Corruption noise = recipe.level1().noise();
Autoencoder ae = recipe.level1Autoencoder();
Trainer trainer = recipe.level1().trainer(Progress.auto());
System.out.println(mnist.train().first(trainImages) + " for training, " + test + " for testing");
System.out.println(recipe.level1());
System.out.println(trainer);
ae
//%% markdown
// ## Training and learning curves
//
// `reconstruction` is the training BCE of the corrupted inputs' reconstructions against the clean images,
// averaged over the epoch's batches as the weights change; `validation` is the BCE of the clean test images
// after the epoch; `loss` adds the sparsity penalty. The table's `seconds` column is the training time of each
// epoch on this machine.
//%% code
double untrainedTestBce = ae.reconstructionLoss(test.images());
History history = ae.fit(trainer, train, test.images());
Viz.show(LineChart.of(history.table(), "epoch", "reconstruction", "validation", "loss")
        .withTitle("784-625-784 denoising autoencoder, " + noise)
        .withAxisTitles("epoch", "BCE per image (sum over 784 pixels)"));
Viz.show(history.table());
System.out.println(String.format("test BCE per image: %.2f untrained, %.2f after epoch 1, %.2f after epoch %d; %.2f s per epoch on average",
        untrainedTestBce, history.column("validation")[0], history.last("validation"), history.epochs(), history.secondsPerEpoch()));
//%% code
// Save the trained layer for notebooks 06 and 07 under its recipe's key: the file's header holds every field of
// the recipe, so a later notebook reuses it only when its own recipe is the same.
Path layer1File = recipe.saveLevel1(models, ae);
System.out.println("saved " + layer1File.toAbsolutePath().normalize() + " (" + Files.size(layer1File) + " bytes), recipe key " + recipe.level1Key());
//%% markdown
// ## The 625 learned filters
//
// Row j of Wᵀ (the 784 weights into hidden unit j) drawn as a 28 × 28 image, red positive, blue negative, each
// filter on its own colour scale.
//%% code
Matrix filters = ae.encoder().get(0).weightsCopy().transposeCopy();   // 625 × 784
Viz.show(Tiles.of(filters, 28, 28).withColumns(25).withColorMap(ColorMap.DIVERGING));
//%% markdown
// ## Hidden-layer activations for sample test images
//
// Top: the first test images. Below each, its 625 hidden activations reshaped to 25 × 25 (white 1, black 0,
// one scale for all). Sparsity keeps most units near 0 for any one image.
//%% code
Matrix samples = test.images().rowRangeCopy(0, sampleImages);
Matrix codes = ae.encode(samples);
Matrix testCodes = ae.encode(test.images());
int side = (int) Math.round(Math.sqrt(hiddenUnits));
Object activationPicture = side * side == hiddenUnits
        ? Tiles.of(codes, side, side).withColumns(sampleImages).withRange(0, 1).withZoom(2)
        : Tiles.ofMatrix(codes).withRange(0, 1).withZoom(2);
Viz.show(Panels.row(Tiles.of(samples, 28, 28).withColumns(sampleImages).withRange(0, 1).withZoom(2), activationPicture)
        .withCaptions("test images", "their " + hiddenUnits + " hidden activations"));

double meanActivation = testCodes.mean();
double unitsAboveHalf = (double) testCodes.countAbove(0.5) / testImages;
System.out.println(String.format("over %d test images: mean hidden activation %.4f (target ρ = %s); %.2f units of %d above 0.5 per image",
        testImages, meanActivation, rho, unitsAboveHalf, hiddenUnits));
//%% markdown
// ## Denoising: corrupted input, reconstruction, clean target
//
// Rows: the sample test images with the noise of the parameters (new noise, seed below), the autoencoder's reconstruction of
// that corrupted input, and the clean image it should give back.
//%% code
Matrix corrupted = Matrix.zeros(sampleImages, 784);
noise.corrupt(samples, corrupted, new Rng(seed + 1000));
Matrix reconstruction = ae.reconstruct(corrupted);
Viz.show(Tiles.of(Matrix.stackRows(corrupted, reconstruction, samples), 28, 28).withColumns(sampleImages).withRange(0, 1).withZoom(2)
        .withRowLabels("corrupted input", "reconstruction", "clean target"));

// How much of the damage the reconstruction repairs, over the whole test set: the squared error against the clean
// image on the damaged pixels (those the noise changed: with masking, ink it set to 0), and on all pixels.
Matrix clean = test.images();
Matrix testCorrupted = Matrix.zeros(test.size(), 784);
noise.corrupt(clean, testCorrupted, new Rng(seed + 1000));
Matrix testDenoised = ae.reconstruct(testCorrupted);
Matrix damaged = testCorrupted.differsFrom(clean);   // 1 where the noise changed a pixel
double damagedNoisy = Matrix.meanSquaredError(testCorrupted, clean, damaged);
double damagedDenoised = Matrix.meanSquaredError(testDenoised, clean, damaged);
double allNoisy = Matrix.meanSquaredError(testCorrupted, clean);
double allDenoised = Matrix.meanSquaredError(testDenoised, clean);
double allPlain = Matrix.meanSquaredError(ae.reconstruct(clean), clean);
Table denoising = Table.create("mean squared error per pixel against the clean test images",
        StringColumn.create("pixels", "damaged (" + (long) damaged.sum() + " pixels the noise changed)", "all " + (long) clean.rows() * clean.cols()),
        DoubleColumn.create("corrupted input", new double[] {damagedNoisy, allNoisy}),
        DoubleColumn.create("reconstruction of the corrupted input", new double[] {damagedDenoised, allDenoised}),
        DoubleColumn.create("reconstruction of the clean input", new double[] {Double.NaN, allPlain}));
Viz.show(denoising);
//%% code check
// Invariants hold for any parameters; recipe checks hold for the source's recipe and SKIP, naming the parameters,
// when the parameters cell differs from it. The test BCE bound depends on how many images training saw: a full
// run (60 000 images, 10 epochs) measured about 67, quick mode (10 000 images, 3 epochs) about 119.
Checks checks = Checks.recipe(
        "hiddenUnits", hiddenUnits, 625, "gaussianNoise", gaussianNoise, false, "corruptionLevel", corruptionLevel, 0.1,
        "learningRate", learningRate, 0.1, "batchSize", batchSize, 128, "rho", rho, 0.02, "beta", beta, 0.4,
        "trainImages × epochs >= 30000", trainImages * (long) epochs >= 30_000, true);

double testBce = history.last("validation");
checks.invariant("test BCE per image, untrained -> after training", String.format("%.2f -> %.2f", untrainedTestBce, testBce),
        "lower after training", testBce < untrainedTestBce);
checks.invariant("squared error on the damaged pixels, reconstruction vs corrupted input",
        String.format("%.4f vs %.4f", damagedDenoised, damagedNoisy), "reconstruction lower", damagedDenoised < damagedNoisy);
checks.invariant("saved layer file", layer1File.toString(), "exists", Files.exists(layer1File));

double bceBound = trainImages * (long) epochs >= 600_000 ? 75 : 130;
checks.ofRecipe("test BCE per image after " + epochs + " epochs", String.format("%.2f", testBce), "< " + bceBound, testBce < bceBound);
checks.ofRecipe("test BCE falls from epoch 1 to the last", String.format("%.2f -> %.2f", history.column("validation")[0], testBce),
        "lower at the end", testBce < history.column("validation")[0]);
double[] penalty = history.column("penalty");
checks.ofRecipe("sparsity penalty β·Σ KL(ρ ‖ ρ̂ⱼ), epoch 1 -> last", String.format("%.2f -> %.2f", penalty[0], penalty[penalty.length - 1]),
        "lower at the end", penalty[penalty.length - 1] < penalty[0]);
checks.done();
//%% markdown
// ## Comparison with the source
//
// Measured in a full run of this notebook (`.venv/bin/python notebook-dev/tools/run_notebook.py
// notebooks/05-mnist-denoising.ipynb --out … --mode full`: 60 000 training images, 10 epochs, the parameters above,
// seed 1), as `make book` runs it on a fresh clone, on the project's 2-core machine with nothing else running; the
// numbers other than times are the same on every rerun.
//
// | | source (`003_06d01c1066b95d79.txt`, Q3a) | this notebook |
// |---|---|---|
// | learning curves | asked for; the source prints no values | test BCE per image 101.76 after epoch 1, 87.33 after epoch 2, 67.38 after epoch 10, still falling |
// | same recipe in PyTorch (`make bench`, which trains it with aelab and with PyTorch for 2 epochs) | — | test BCE per image 105.9 after epoch 1, 89.8 after epoch 2 |
// | time per epoch | — | 3.49 s on average (2.90–3.90 s) in the run quoted here. For the speed of these training steps against PyTorch's, measured on an idle machine, see the README's *Benchmarks* (`make bench`) |
// | the weights | asked for (its Q2 figure: "10x10 weights of 144 filters") | 625 filters: localised pen-stroke detectors (a red stroke beside a blue one) and, after 10 epochs, many filters that are still mostly speckle |
// | hidden activations | asked for (its Q2 figure: "12x12 hidden activations … of 100 samples") | sparse: mean activation 0.060 over the test images, 24.3 of 625 units above 0.5 per image |
// | denoising | — | on the 151 581 ink pixels the noise set to 0, squared error 0.592 in the corrupted input and 0.063 in its reconstruction; over all pixels 0.0115 (corrupted), 0.0082 (reconstruction of the corrupted input), 0.0073 (reconstruction of the clean input) |
//
// **Differences explained.** The source gives the recipe and asks for plots, not values, so there is no number to
// match; the PyTorch run of the same recipe lands within 4 BCE units of ours after one and two epochs (its
// initialisation and batch order differ). The mean activation, 0.060, is three times the target ρ = 0.02: with
// β = 0.4 the KL penalty (7.9 per image after 10 epochs, and still falling) is small beside the reconstruction
// term (about 70), so sparsity is a mild pull, not a constraint. The training curve lies above the test curve
// because it is measured on corrupted inputs while the weights are still changing during the epoch. The
// reconstruction of a corrupted image repairs most of the erased ink but is blurrier than the clean image, so over
// all pixels it beats the corrupted input (0.0082 vs 0.0115) while a clean input reconstructs a little better still.
//%% metadata
{
  "quick": ["trainImages = 10_000;", "testImages = 2_000;", "epochs = 3;"],
  "expects": {"plotly": 1, "png": 3, "table": 2},
  "nonsense": {"lines": ["double learningRate = -0.1;"], "message": "learning rate must be finite and > 0, got -0.1"},
  "edits": [
    {"name": "Gaussian noise", "lines": ["gaussianNoise = true;", "corruptionLevel = 0.2;"], "differs": ["gaussianNoise", "corruptionLevel"]},
    {"name": "more masking noise", "lines": ["corruptionLevel = 0.3;"], "differs": ["corruptionLevel"]}
  ]
}
