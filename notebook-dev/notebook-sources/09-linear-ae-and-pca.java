// Source of notebooks/09-linear-ae-and-pca.ipynb in the percent format of nbbuild.py; rebuild with
//   .venv/bin/python notebook-dev/tools/nbbuild.py notebook-dev/notebook-sources/09-linear-ae-and-pca.java -o notebooks/09-linear-ae-and-pca.ipynb
//%% markdown
// # 09 · Linear autoencoders span the PCA subspace; a deep autoencoder goes beyond it
//
// **Sources:** `001_ff5770b1b408b0f8.txt` (*Undercomplete Autoencoders — Linear*, *deeper and nonlinear*) and
// `002_30a0b8d3c8338d16.txt` (*Deep Autoencoders*).
//
// `001_ff5770b1b408b0f8.txt` considers "the single-hidden layer linear autoencoder network given by
// z = W_e x + b_e, r = W_d z + b_d, where x ∈ ℝⁿ, z ∈ ℝᵐ and m < n. With the MSE loss, this autoencoder will learn
// to span the same subspace as PCA for a given set of training data. Note that the autoencoder weights are not
// however constrained to be orthogonal (like they would be in PCA)." It goes on: "if you add more hidden layers
// with non-linear activations (to either the encoder, decoder or both) you can effectively perform a powerful
// non-linear generalisation of PCA". `002_30a0b8d3c8338d16.txt` says the same — "When the decoder is linear and L is
// the mean squared error, an undercomplete autoencoder learns to span the same subspace as PCA" and "Autoencoders
// with nonlinear encoder functions f and nonlinear decoder functions g can thus learn a more powerful nonlinear
// generalization of PCA" — and shows, under "Deep Autoencoders (Geoffrey Hinton with Ruslan Salakhutdinov)",
// "A comparison of methods for compressing digit images to 30 real numbers" (real data, 30-D deep autoencoder,
// 30-D PCA) as pictures of digits. The source gives no layer sizes; the 784-1000-500-250-30 shape used here is
// the one of Hinton and Salakhutdinov's digit autoencoder, whose names the slide carries.
//
// | | source | here |
// |---|---|---|
// | linear autoencoder | z = W_e x + b_e, r = W_d z + b_d, m < n, MSE | 784-k-784, identity units, `Loss.MSE`, k = 2, 10, 30, on MNIST with the training mean subtracted |
// | "spans the same subspace as PCA" | stated | measured: the principal angles between the span of W_d's columns and PCA's top-k subspace (`Subspaces.principalCosines`), as cosines — 1 means the same direction |
// | "not constrained to be orthogonal" | stated | the cosines between W_d's columns, and how W_d's orthonormalised columns mix the eigenvectors |
// | deep autoencoder vs PCA, 30 numbers | pictures of reconstructed digits | 784-1000-500-250-30 (and -2 for a picture of the codes): test-set errors, reconstructions in rows, 2-D codes beside PCA's 2-D projection |
//
// **Where the sources are silent we choose, and say so** (each is a parameter below). Linear autoencoders:
// Adam (`linearAdam`; false: classical momentum 0.9), learning rate 0.003, minibatches of 128, Glorot-uniform
// weights, biases 0. Deep autoencoder: ReLU hidden layers (`reluHidden`; false: sigmoid), a linear code layer, a
// sigmoid output with binary cross-entropy (`bceOutput`; false: linear output with MSE), He-normal weights for
// ReLU, Adam with learning rate 0.001, minibatches of 128, trained end to end without the layer-wise pretraining
// 002 describes. PCA is fitted to the same training images as the linear autoencoders, with the library's `Pca`
// (covariance and LAPACK `dsyevd`). Errors are mean squared errors per pixel, pixels in [0, 1].
//%% code parameters
// Every hyperparameter of this notebook: edit and rerun.
int trainImages = 60_000;          // the first n MNIST training images: PCA and the linear autoencoders
int testImages = 10_000;           // the first n MNIST test images: test errors and the 2-D pictures
int[] codeSizes = {2, 10, 30};     // k, hidden units of each linear autoencoder (and PCA components)
boolean linearAdam = true;         // the linear autoencoders' optimizer: Adam; false: classical momentum 0.9
double linearLearningRate = 0.003;
int linearBatchSize = 128;
int linearEpochs = 6;
int deepTrainImages = 10_000;      // the first n MNIST training images for the deep autoencoders
int[] deepLayers = {1000, 500, 250};   // the deep encoder's hidden layers, mirrored by its decoder
int deepCodeSize = 30;             // the deep autoencoder compared with PCA at this size; a second one has a 2-D code
boolean reluHidden = true;         // deep hidden units: ReLU; false: sigmoid
boolean bceOutput = true;          // deep output: sigmoid with binary cross-entropy; false: linear with MSE
double deepLearningRate = 0.001;   // Adam
int deepBatchSize = 128;
int deepEpochs = 6;
long seed = 1;                     // initial weights and minibatch order derive from it
int sampleImages = 10;             // test images in the reconstruction rows
//%% code
import java.util.*;
import org.aelab.data.*;
import org.aelab.model.*;
import org.aelab.nn.*;
import org.aelab.tensor.*;
import org.aelab.train.*;
import org.aelab.viz.*;
import tech.tablesaw.api.*;

Mnist mnist = Mnist.load();
Matrix train = mnist.train().first(trainImages).images();          // one 28 × 28 image a row, pixels in [0, 1]
LabeledImages test = mnist.test().first(testImages);
long pcaStart = System.nanoTime();
Pca pca = Pca.fit(train);
double pcaSeconds = (System.nanoTime() - pcaStart) / 1e9;
Matrix centredTrain = pca.centred(train);                         // x − training mean: the linear autoencoders' data
Matrix centredTest = pca.centred(test.images());
System.out.println(mnist.train().first(trainImages) + " for training, " + test + " for testing");
System.out.println(pca + String.format(", fitted in %.1f s", pcaSeconds));
//%% markdown
// ## Linear autoencoders 784-k-784 against PCA
//
// Each autoencoder has k identity hidden units and identity outputs, and is trained on the centred training images
// with the mean squared error. After every epoch the notebook measures how close the decoder's column space
// span(W_d) is to the span of PCA's top k eigenvectors U_k: both bases are orthonormalised, and the singular
// values of Q_dᵀU_k are the cosines of the k principal angles between the two subspaces (1: a shared direction,
// 0: a direction of one orthogonal to all of the other). The smallest cosine is the worst direction.
//%% code
record LinearRun(int k, Autoencoder model, History history, double seconds) {
    /** The decoder's k columns (784 × k): r = W_d·z + b_d. */
    Matrix decoderColumns() {
        return model.decoder().get(0).weightsCopy().transposeCopy();
    }
}

double smallest(double[] values) { return Arrays.stream(values).min().orElse(Double.NaN); }
double mean(double[] values) { return Arrays.stream(values).average().orElse(Double.NaN); }

LinearRun trainLinear(int k) {
    Autoencoder ae = Autoencoder.builder().input(784).hidden(k, Activation.IDENTITY).output(Activation.IDENTITY)
            .loss(Loss.MSE).init(Init.glorot()).seed(seed).build();
    Matrix eigenvectors = pca.components(k);
    Optimizer optimizer = linearAdam ? Optimizer.adam(linearLearningRate) : Optimizer.momentum(linearLearningRate, 0.9);
    double[][] epochCosines = new double[1][];   // measured once per epoch, read by both metrics (run in this order)
    Trainer trainer = Trainer.builder().optimizer(optimizer).epochs(linearEpochs).batchSize(linearBatchSize).seed(seed)
            .metric("smallest cosine", () -> {
                epochCosines[0] = Subspaces.principalCosines(ae.decoder().get(0).weightsCopy().transposeCopy(), eigenvectors);
                return smallest(epochCosines[0]);
            })
            .metric("mean cosine", () -> mean(epochCosines[0]))
            .listener(Progress.auto().withLabel("linear 784-" + k + "-784")).build();
    long start = System.nanoTime();
    History history = ae.fit(trainer, centredTrain);
    return new LinearRun(k, ae, history, (System.nanoTime() - start) / 1e9);
}

List<LinearRun> linearRuns = new ArrayList<>();
for (int k : codeSizes) linearRuns.add(trainLinear(k));
System.out.println(linearRuns.get(0).model() + "\n" + (linearAdam ? "Adam" : "momentum 0.9") + " lr " + linearLearningRate
        + ", batch " + linearBatchSize + ", " + linearEpochs + " epochs over " + trainImages + " centred images");
//%% markdown
// ### How fast the subspace is found
//
// The smallest and the mean cosine after each epoch. The mean rises quickly; the smallest — the worst-aligned
// direction — takes longest, and longest for the largest k. The table gives, per k, the first epoch at which
// every cosine is ≥ 0.99, with the training time up to that epoch on this machine (the `seconds` column of the
// history: training only, not the cosine measurements).
//%% code
LineChart cosineCurves = LineChart.create().withTitle("principal-angle cosines between span(W_d) and PCA's top-k subspace")
        .withAxisTitles("epoch", "cosine");
for (LinearRun run : linearRuns) {
    cosineCurves = cosineCurves.withCurve("k = " + run.k() + ", smallest", run.history().table(), "epoch", "smallest cosine")
            .withCurve("k = " + run.k() + ", mean", run.history().table(), "epoch", "mean cosine");
}
Viz.show(cosineCurves);

Table convergence = Table.create("time to the PCA subspace",
        IntColumn.create("k"), StringColumn.create("first epoch with every cosine ≥ 0.99"),
        DoubleColumn.create("training seconds to that epoch"), DoubleColumn.create("training seconds, all epochs"),
        DoubleColumn.create("seconds per epoch"));
for (LinearRun run : linearRuns) {
    double[] worst = run.history().column("smallest cosine");
    double[] seconds = run.history().column("seconds");
    int reached = -1;
    double elapsed = 0, toReach = Double.NaN;
    for (int e = 0; e < worst.length; e++) {
        elapsed += seconds[e];
        if (reached < 0 && worst[e] >= 0.99) { reached = e + 1; toReach = elapsed; }
    }
    Row row = convergence.appendRow();
    row.setInt("k", run.k());
    row.setString("first epoch with every cosine ≥ 0.99", reached < 0 ? "not within " + worst.length : Integer.toString(reached));
    row.setDouble("training seconds to that epoch", Math.round(toReach * 10) / 10.0);
    row.setDouble("training seconds, all epochs", Math.round(elapsed * 10) / 10.0);
    row.setDouble("seconds per epoch", Math.round(run.history().secondsPerEpoch() * 100) / 100.0);
}
Viz.show(convergence);
//%% markdown
// ### Same subspace, same error, different basis
//
// For each k: all k cosines at the end of training, the reconstruction error of the linear autoencoder and of the
// rank-k PCA reconstruction (training error also from the discarded eigenvalues, Σ_{i>k} λᵢ / 784, which PCA makes
// the smallest possible for any rank-k linear map), and how far W_d is from PCA's orthonormal basis: the largest
// |cosine| between two of its columns (0 for orthogonal columns) and the range of its column lengths (1 for
// orthonormal ones).
//%% code
double round(double x, int digits) { double f = Math.pow(10, digits); return Math.round(x * f) / f; }

Table linearVsPca = Table.create("linear autoencoder vs PCA (MSE per pixel)",
        IntColumn.create("k"), DoubleColumn.create("smallest cosine"), DoubleColumn.create("mean cosine"),
        DoubleColumn.create("AE train MSE"), DoubleColumn.create("PCA train MSE"), DoubleColumn.create("AE / PCA train"),
        DoubleColumn.create("AE test MSE"), DoubleColumn.create("PCA test MSE"),
        DoubleColumn.create("largest |cos| between W_d columns"), StringColumn.create("W_d column lengths"));
/** What the check cell needs of one k. */
record LinearResult(int k, double[] cosines, double aeTrain, double pcaTrain, double pcaProjected) {}
List<LinearResult> linearResults = new ArrayList<>();
for (LinearRun run : linearRuns) {
    int k = run.k();
    Matrix columns = run.decoderColumns();
    double[] cosines = Subspaces.principalCosines(columns, pca.components(k));
    double aeTrain = Matrix.meanSquaredError(run.model().reconstruct(centredTrain), centredTrain);
    double pcaTrain = pca.discardedVariance(k) / 784;
    linearResults.add(new LinearResult(k, cosines, aeTrain, pcaTrain, Matrix.meanSquaredError(pca.reconstruct(train, k), train)));
    double largestColumnCosine = 0, shortest = Double.POSITIVE_INFINITY, longest = 0;
    Matrix rows = columns.transposeCopy();                    // k × 784, one decoder column a row
    for (int i = 0; i < k; i++) {
        double ni = 0;
        for (float v : rows.rowCopy(i)) ni += v * v;
        shortest = Math.min(shortest, Math.sqrt(ni));
        longest = Math.max(longest, Math.sqrt(ni));
        for (int j = 0; j < i; j++) {
            double dot = 0, nj = 0;
            float[] a = rows.rowCopy(i), b = rows.rowCopy(j);
            for (int p = 0; p < a.length; p++) { dot += a[p] * b[p]; nj += b[p] * b[p]; }
            largestColumnCosine = Math.max(largestColumnCosine, Math.abs(dot) / Math.sqrt(ni * nj));
        }
    }
    Row row = linearVsPca.appendRow();
    row.setInt("k", k);
    row.setDouble("smallest cosine", round(smallest(cosines), 4));
    row.setDouble("mean cosine", round(mean(cosines), 4));
    row.setDouble("AE train MSE", round(aeTrain, 6));
    row.setDouble("PCA train MSE", round(pcaTrain, 6));
    row.setDouble("AE / PCA train", round(aeTrain / pcaTrain, 4));
    row.setDouble("AE test MSE", round(Matrix.meanSquaredError(run.model().reconstruct(centredTest), centredTest), 6));
    row.setDouble("PCA test MSE", round(Matrix.meanSquaredError(pca.reconstruct(test.images(), k), test.images()), 6));
    row.setDouble("largest |cos| between W_d columns", round(largestColumnCosine, 3));
    row.setString("W_d column lengths", String.format("%.2f … %.2f", shortest, longest));
}
Viz.show(linearVsPca);
for (LinearResult result : linearResults) {
    StringBuilder line = new StringBuilder("k = " + result.k() + ", all cosines:");
    for (double c : result.cosines()) line.append(String.format(" %.4f", c));
    System.out.println(line);
}
//%% markdown
// ### A rotation of the eigenvectors, not the eigenvectors
//
// Left: |U_kᵀ·Q_d|, the absolute inner products between PCA's eigenvectors (rows, largest eigenvalue first) and
// the orthonormalised decoder columns Q_d (columns, Gram–Schmidt of W_d in column order). If the autoencoder had
// learned the eigenvectors themselves this would be a permutation matrix, one 1 a row; a spread-out pattern whose
// rows still have unit length (the cosines above are ≈ 1) means the same subspace in a mixed basis. Below: the
// decoder's columns drawn as 28 × 28 images (blue negative, red positive, each on its own scale) above the
// eigenvectors. The eigenvectors come in order of variance (the first is a ring, a 0 against a 1); the decoder's
// columns come in no order, and each is a blend of several eigenvectors.
//%% code
List<Object> mixingMaps = new ArrayList<>();
StringBuilder mixingSummary = new StringBuilder();
for (LinearRun run : linearRuns) {
    int k = run.k();
    Matrix q = Subspaces.orthonormalColumns(run.decoderColumns());     // 784 × k
    Matrix mixing = Matrix.zeros(k, k);
    Gemm.standard().gemm(true, false, 1f, pca.components(k), q, 0f, mixing);   // U_kᵀ·Q_d
    Matrix magnitude = Matrix.zeros(k, k);
    for (int i = 0; i < k; i++) for (int j = 0; j < k; j++) magnitude.set(i, j, Math.abs(mixing.get(i, j)));
    double largest = 0;
    for (float v : magnitude.data()) largest = Math.max(largest, v);
    mixingSummary.append(String.format("k = %d: largest |U_kᵀ·Q_d| entry %.3f (an eigenvector itself would give 1.000)%n", k, largest));
    Heatmap map = Heatmap.of(magnitude).withColorMap(ColorMap.GRAY).withTitle("k = " + k + ": |U_kᵀ·Q_d|")
            .withAxisTitles("orthonormalised decoder column", "eigenvector");
    mixingMaps.add(k <= 10 ? map.withValues() : map);
}
Viz.show(Panels.row(mixingMaps.toArray()));
System.out.print(mixingSummary);

for (LinearRun run : linearRuns) {
    int k = run.k();
    Matrix decoderImages = run.decoderColumns().transposeCopy();       // k × 784
    Matrix eigenImages = pca.components(k).transposeCopy();
    Viz.show(Tiles.of(Matrix.stackRows(decoderImages, eigenImages), 28, 28).withColumns(k)
            .withColorMap(ColorMap.DIVERGING).withZoom(k <= 10 ? 2 : 1)
            .withRowLabels("k = " + k + ": W_d columns", "PCA eigenvectors"));
}
//%% markdown
// ## A deep autoencoder against PCA
//
// 784-1000-500-250-k with a linear k-unit code, trained end to end on raw (uncentred) pixels, once with
// k = `deepCodeSize` for the error comparison and once with k = 2 to draw the codes. The curve is the test MSE per
// pixel after each epoch (on up to 1 000 test images, to keep it cheap), with PCA's test MSE at the same k as a
// level.
//%% code
Matrix deepTrain = mnist.train().first(deepTrainImages).images();
Matrix curveImages = test.images().rowRangeCopy(0, Math.min(testImages, 1_000));

record DeepRun(int k, Autoencoder model, History history, double seconds, double untrainedCurveMse) {}

DeepRun trainDeep(int k) {
    Activation hidden = reluHidden ? Activation.RELU : Activation.SIGMOID;
    Autoencoder.Builder builder = Autoencoder.builder().input(784);
    for (int size : deepLayers) builder.hidden(size, hidden);
    Autoencoder ae = builder.hidden(k, Activation.IDENTITY)
            .output(bceOutput ? Activation.SIGMOID : Activation.IDENTITY).loss(bceOutput ? Loss.BCE : Loss.MSE)
            .init(reluHidden ? Init.he() : Init.glorot()).seed(seed).build();
    double untrained = Matrix.meanSquaredError(ae.reconstruct(curveImages), curveImages);
    Trainer trainer = Trainer.builder().optimizer(Optimizer.adam(deepLearningRate)).epochs(deepEpochs)
            .batchSize(deepBatchSize).seed(seed)
            .metric("test MSE", () -> Matrix.meanSquaredError(ae.reconstruct(curveImages), curveImages))
            .listener(Progress.auto().withLabel("deep, " + k + "-D code")).build();
    long start = System.nanoTime();
    History history = ae.fit(trainer, deepTrain);
    return new DeepRun(k, ae, history, (System.nanoTime() - start) / 1e9, untrained);
}

DeepRun deep = trainDeep(deepCodeSize);
DeepRun deep2 = trainDeep(2);
System.out.println(deep.model());
System.out.println("Adam lr " + deepLearningRate + ", batch " + deepBatchSize + ", " + deepEpochs + " epochs over "
        + deepTrainImages + " images");

LineChart deepCurves = LineChart.create().withTitle("deep autoencoder: test MSE per pixel after each epoch")
        .withAxisTitles("epoch", "MSE per pixel (first " + curveImages.rows() + " test images)").withLogY();
for (DeepRun run : List.of(deep2, deep)) {
    double pcaLevel = Matrix.meanSquaredError(pca.reconstruct(curveImages, run.k()), curveImages);
    deepCurves = deepCurves.withCurve("deep, k = " + run.k(), run.history().table(), "epoch", "test MSE")
            .withCurve("PCA, k = " + run.k(), new double[] {1, deepEpochs}, new double[] {pcaLevel, pcaLevel});
}
Viz.show(deepCurves);
//%% markdown
// ### 2-D codes: deep autoencoder beside PCA
//
// Every test image as a point: left, the deep autoencoder's 2-D code; right, its coordinates along PCA's first two
// eigenvectors. Colour is the digit (click a legend entry to hide a digit, double-click to show it alone).
//%% code
Matrix deepCodes = deep2.model().encode(test.images());
Matrix pcaCodes = pca.encode(test.images(), 2);
Viz.show(Panels.row(
        ScatterChart.of(deepCodes, test.labels()).withTitle("deep autoencoder, 2-D code").withAxisTitles("code 1", "code 2").withSize(520, 460),
        ScatterChart.of(pcaCodes, test.labels()).withTitle("PCA, first 2 components").withAxisTitles("component 1", "component 2").withSize(520, 460)));
//%% markdown
// ### Reconstruction errors and reconstructed digits
//
// Mean squared error per pixel on the test images and on the deep autoencoders' training images, for the deep
// autoencoders and for PCA with as many components (PCA fitted on the first `trainImages` training images), and the
// training times.
//%% code
Matrix deepTrainPart = deepTrain.rowRangeCopy(0, Math.min(deepTrainImages, testImages));   // training error on as many images as the test
Map<Integer, double[]> deepAndPcaTestMse = new LinkedHashMap<>();   // k → {deep, PCA}, for the check cell
Table deepVsPca = Table.create("deep autoencoder vs PCA (MSE per pixel)",
        StringColumn.create("model"), IntColumn.create("k"), DoubleColumn.create("test MSE"),
        DoubleColumn.create("training MSE"), DoubleColumn.create("training seconds"));
for (DeepRun run : List.of(deep2, deep)) {
    int k = run.k();
    double deepTest = Matrix.meanSquaredError(run.model().reconstruct(test.images()), test.images());
    double pcaTest = Matrix.meanSquaredError(pca.reconstruct(test.images(), k), test.images());
    deepAndPcaTestMse.put(k, new double[] {deepTest, pcaTest});
    Row p = deepVsPca.appendRow();
    p.setString("model", "PCA");
    p.setInt("k", k);
    p.setDouble("test MSE", round(pcaTest, 6));
    p.setDouble("training MSE", round(Matrix.meanSquaredError(pca.reconstruct(deepTrainPart, k), deepTrainPart), 6));
    p.setDouble("training seconds", round(pcaSeconds, 1));
    Row d = deepVsPca.appendRow();
    d.setString("model", "deep " + deepLayers.length + " × hidden, " + (reluHidden ? "ReLU" : "sigmoid"));
    d.setInt("k", k);
    d.setDouble("test MSE", round(deepTest, 6));
    d.setDouble("training MSE", round(Matrix.meanSquaredError(run.model().reconstruct(deepTrainPart), deepTrainPart), 6));
    d.setDouble("training seconds", round(run.seconds(), 1));
}
Viz.show(deepVsPca);

Matrix samples = test.images().rowRangeCopy(0, Math.min(sampleImages, testImages));
Viz.show(Tiles.of(Matrix.stackRows(samples, deep.model().reconstruct(samples), pca.reconstruct(samples, deep.k()),
                deep2.model().reconstruct(samples), pca.reconstruct(samples, 2)), 28, 28)
        .withColumns(samples.rows()).withRange(0, 1).withZoom(2)
        .withRowLabels("test image", "deep, " + deep.k() + "-D", "PCA, " + deep.k() + "-D", "deep, 2-D", "PCA, 2-D"));
//%% code check
// Invariants hold for any parameters; recipe checks hold for this notebook's recipe (the parameters above, which
// the sources leave open) and SKIP, naming the parameters, when the parameters cell differs from it. Quick mode
// trains on fewer images for fewer epochs and must pass the same recipe checks.
Checks checks = Checks.recipe(
        "codeSizes", codeSizes, new int[] {2, 10, 30}, "linearAdam", linearAdam, true,
        "linearLearningRate", linearLearningRate, 0.003, "linearBatchSize", linearBatchSize, 128,
        "deepLayers", deepLayers, new int[] {1000, 500, 250}, "deepCodeSize", deepCodeSize, 30,
        "reluHidden", reluHidden, true, "bceOutput", bceOutput, true,
        "deepLearningRate", deepLearningRate, 0.001, "deepBatchSize", deepBatchSize, 128).notebookRecipe();

int previousK = 0;
double previousPca = pca.discardedVariance(0) / 784;   // k = 0: every image reconstructed as the mean image
for (int k : Arrays.stream(codeSizes).sorted().distinct().toArray()) {
    double pcaTrain = pca.discardedVariance(k) / 784;
    checks.invariant("PCA training MSE, k = " + previousK + " -> " + k, String.format("%.6f -> %.6f", previousPca, pcaTrain),
            "lower with more components", pcaTrain < previousPca);
    previousPca = pcaTrain;
    previousK = k;
}
for (LinearResult result : linearResults) {
    int k = result.k();
    double low = smallest(result.cosines()), high = Arrays.stream(result.cosines()).max().orElse(Double.NaN);
    double ratio = result.aeTrain() / result.pcaTrain();
    checks.invariant("k = " + k + ": " + result.cosines().length + " principal-angle cosines", String.format("%.4f … %.4f", low, high),
            "k values in [0, 1]", result.cosines().length == k && low >= 0 && high <= 1);
    checks.invariant("k = " + k + ": PCA training MSE from the eigenvalues vs by projection",
            String.format("%.6f vs %.6f", result.pcaTrain(), result.pcaProjected()), "equal within 0.1 %",
            Math.abs(result.pcaProjected() / result.pcaTrain() - 1) < 1e-3);
    checks.invariant("k = " + k + ": linear AE training MSE / PCA's (PCA is the best rank-k linear map)",
            String.format("%.4f", ratio), ">= 0.999 (float rounding)", ratio >= 0.999);
    checks.ofRecipe("k = " + k + ": smallest cosine after " + linearEpochs + " epochs", String.format("%.4f", low), ">= 0.9", low >= 0.9);
    checks.ofRecipe("k = " + k + ": linear AE training MSE / PCA's", String.format("%.4f", ratio), "<= 1.05", ratio <= 1.05);
}
for (DeepRun run : List.of(deep2, deep)) {
    double[] curve = run.history().column("test MSE");
    double trained = curve[curve.length - 1];
    checks.invariant("deep k = " + run.k() + ": test MSE on " + curveImages.rows() + " images, untrained -> trained",
            String.format("%.6f -> %.6f", run.untrainedCurveMse(), trained), "lower after training", trained < run.untrainedCurveMse());
}
checks.invariant("points in the 2-D pictures", deepCodes.rows() + " and " + pcaCodes.rows(), "one per test image (" + testImages + ")",
        deepCodes.rows() == testImages && pcaCodes.rows() == testImages);
// Whether the deep autoencoder beats PCA depends on how much it trained: with the full run's 10 000 images × 6
// epochs it does at both sizes (see the closing table); quick mode's 2 000 × 2 is checked against looser bounds,
// set from its measured ratios with a margin.
boolean fullTraining = (long) deepTrainImages * deepEpochs >= 50_000;
for (DeepRun run : List.of(deep2, deep)) {
    double[] errors = deepAndPcaTestMse.get(run.k());
    double ratio = errors[0] / errors[1];
    double bound = fullTraining ? 1 : (run.k() == 2 ? 1.3 : 3.5);
    checks.ofRecipe("deep " + run.k() + "-D test MSE / PCA " + run.k() + "-D test MSE after " + deepTrainImages + " × " + deepEpochs
            + " image-epochs", String.format("%.4f / %.4f = %.4f", errors[0], errors[1], ratio), "< " + bound, ratio < bound);
}
checks.done();
//%% markdown
// ## Comparison with the sources
//
// Measured in a full run of this notebook (`.venv/bin/python notebook-dev/tools/run_notebook.py
// notebooks/09-linear-ae-and-pca.ipynb --out … --mode full`: the parameters above, seed 1) on the project's 2-core
// machine while other jobs shared its cores; `run_notebook.py` reported 310.99 s for the whole run. Every number
// other than the times is the same on every rerun; the times are upper bounds.
//
// | | source | this notebook (full run) |
// |---|---|---|
// | linear autoencoder spans the PCA subspace (`001_ff5770b1b408b0f8.txt`, `002_30a0b8d3c8338d16.txt`) | stated | smallest principal-angle cosine 0.9976 (k = 2), 0.9947 (k = 10), 0.9933 (k = 30) after 6 epochs of Adam (lr 0.003, batch 128) over 60 000 centred images; every cosine ≥ 0.99 from epoch 1, 2 and 4, after 2.2 s, 2.2 s and 13.7 s of training |
// | same error as PCA | implied by the same subspace | training MSE per pixel 0.056014 vs PCA's 0.055953 (k = 2), 0.034577 vs 0.034423 (k = 10), 0.01834 vs 0.018121 (k = 30): 1.0011, 1.0045 and 1.0121 times PCA's; on the test images 0.017902 vs 0.017687 at k = 30 |
// | "not constrained to be orthogonal (like they would be in PCA)" (`001_ff5770b1b408b0f8.txt`) | stated | the columns of W_d are neither orthogonal (largest \|cosine\| between two of them 0.042, 0.103, 0.166 for k = 2, 10, 30) nor of unit length (2.43 … 2.57 at k = 30); after orthonormalisation they are a mixture of the eigenvectors, not the eigenvectors: the largest entry of \|U_kᵀ·Q_d\| is 0.847 (k = 2), 0.643 (k = 10), 0.580 (k = 30), where an eigenvector would give 1 |
// | "a comparison of methods for compressing digit images to 30 real numbers" (`002_30a0b8d3c8338d16.txt`) | pictures: real data, 30-D deep autoencoder, 30-D PCA | test MSE per pixel 0.011789 for the 784-1000-500-250-30 autoencoder, 0.017687 for 30-D PCA (ratio 0.6665); in the rows of digits the deep reconstructions keep the strokes, PCA's are blurred |
// | 2-D codes | "these 2 numbers are then a good way to visualize" (documents) | with a 2-D code the deep autoencoder's test MSE is 0.044945 against PCA's 0.055669 (ratio 0.8073); its codes separate 0, 1, 2 and 6 into arms of their own, where PCA's two components leave most digits overlapping |
//
// **Differences explained.** The sources state the linear result and show the deep one as pictures; they give no
// training recipe, so the recipes here are this notebook's. The linear autoencoders come close to PCA's error (at
// most 1.0121 times it) but not to it: the last principal directions have eigenvalues close to the ones left out, so the gradient
// that turns the decoder towards them is weak, and Adam's minibatch steps at a constant learning rate keep the
// weights moving around the optimum. 002 trains its deep autoencoders layer-wise ("very difficult to optimize deep
// autoencoders using backpropagation"); here ReLU hidden units, He initialisation and Adam train the whole 784-1000-500-250-k stack
// end to end from random weights, on 10 000 images for 6 epochs (92.2 s for k = 30, 61.6 s for k = 2 on this
// machine), and it already beats PCA (fitted on all 60 000 training images) at both code sizes; the test-error
// curve was still falling at the last epoch, so more images and epochs would widen the gap. Quick mode (`make
// test`: 10 000 images and 12 epochs for the linear autoencoders, 2 000 images and 2 epochs for the deep ones)
// passes the same linear recipe checks, while its deep autoencoders are still worse than PCA and are checked
// against looser bounds (see the check cell).
//%% metadata
{
  "quick": ["trainImages = 10_000;", "testImages = 1_000;", "linearEpochs = 12;", "deepTrainImages = 2_000;", "deepEpochs = 2;"],
  "expects": {"plotly": 4, "png": 3, "table": 3},
  "nonsense": {"lines": ["double linearLearningRate = -0.003;"], "message": "learning rate must be finite and > 0, got -0.003"},
  "edits": [
    {"name": "sigmoid hidden units in the deep autoencoder", "lines": ["reluHidden = false;"], "differs": ["reluHidden"]},
    {"name": "a larger learning rate for the linear autoencoders", "lines": ["linearLearningRate = 0.01;"], "differs": ["linearLearningRate"]}
  ]
}
