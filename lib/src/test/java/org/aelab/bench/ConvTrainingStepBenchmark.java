package org.aelab.bench;

import java.util.concurrent.TimeUnit;
import org.aelab.data.Datasets;
import org.aelab.model.ConvAutoencoder;
import org.aelab.nn.Corruption;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Loss;
import org.aelab.nn.Objective;
import org.aelab.nn.Reduction;
import org.aelab.nn.Workspace;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.Optimizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step (noise, forward, BCE and its delta, backward, Adam) of the convolutional denoising autoencoder of
 * {@link ConvDenoisingComparison} ({@link ConvAutoencoder#kerasDenoiser}) on a batch of 128 images, as the trainer runs it. Run with {@code -prof gc} (as
 * {@code make bench} does), {@code gc.alloc.rate.norm} shows the bytes allocated per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ConvTrainingStepBenchmark {
    private final Corruption noise = Corruption.clippedGaussian(0.5);
    private final Objective objective = Objective.of(Loss.bce(Reduction.MEAN));
    private LayerStack layers;
    private Workspace workspace;
    private Matrix batch;
    private Optimizer.Step step;
    private Rng rng;

    @Setup
    public void setUp() {
        layers = ConvAutoencoder.kerasDenoiser(noise, ConvAutoencoder.WeightStart.PYTORCH, 0).layers();
        batch = Datasets.randomImages(128, 28, 28, 1);
        workspace = layers.workspace(batch.rows());
        step = Optimizer.adam(1e-3).start(layers.trainableParameters());
        rng = new Rng(1);
    }

    @Benchmark
    public double convTrainingStep() {
        noise.corrupt(batch, workspace.input(), rng);
        layers.forward(workspace);
        double loss = objective.value(workspace, batch);
        objective.delta(workspace, batch);
        layers.backward(workspace);
        step.step();
        return loss;
    }
}
