package org.aelab.bench;

import java.util.concurrent.TimeUnit;
import org.aelab.data.Datasets;
import org.aelab.data.Mnist;
import org.aelab.model.Autoencoder;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Init;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One training step (corrupt, forward, objective value and delta, backward, update) on one batch, as the
 * trainer runs it: exercise 3a's
 * 784-625-784 denoiser on a batch of 128 MNIST training images (the first 128: their many pixels of exactly 0
 * make the loss's work what it is in training), and 000's 8-3-8 on its full batch of 8. Run with {@code -prof gc}
 * (as {@code make bench} does), {@code gc.alloc.rate.norm} shows the bytes allocated per step.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TrainingStepBenchmark {
    @Param({"dae-784-625-784", "onehot-8-3-8"})
    public String network;

    private Corruption corruption;
    private LayerStack layers;
    private Objective objective;
    private Workspace workspace;
    private Matrix batch;
    private Optimizer.Step step;
    private Rng rng;

    @Setup
    public void setUp() throws Exception {
        boolean dae = network.startsWith("dae");
        Autoencoder ae = dae
                ? Autoencoder.builder().input(784).hidden(625, Activation.SIGMOID).output(Activation.SIGMOID)
                        .loss(Loss.BCE).sparsity(0.02, 0.4).corruption(Corruption.masking(0.1)).build()
                : Autoencoder.builder().input(8).hidden(3, Activation.SIGMOID).output(Activation.SIGMOID)
                        .loss(Loss.bce(Reduction.MEAN)).init(Init.uniform(0.1)).build();
        corruption = ae.corruption();
        layers = ae.layers();
        objective = ae.objective();
        batch = dae ? Mnist.load().train().images().topRows(128).copy() : Datasets.oneHot(8);
        workspace = layers.workspace(batch.rows());
        step = (dae ? Optimizer.sgd(0.1) : Optimizer.momentum(0.05, 0.9)).start(layers.trainableParameters());
        if (dae) { // as a training run under plain SGD: the weights take their step inside backward's product
            layers.descentDuringBackwardCandidates().forEach(p -> p.descendDuringBackward(0.1f));
        }
        rng = new Rng(1);
    }

    @Benchmark
    public double trainingStep() {
        if (corruption != null) {
            corruption.corrupt(batch, workspace.input(), rng);
        } else {
            workspace.input().copyFrom(batch);
        }
        layers.forward(workspace);
        double loss = objective.value(workspace, batch);
        objective.delta(workspace, batch);
        layers.backward(workspace);
        step.step();
        return loss;
    }
}
