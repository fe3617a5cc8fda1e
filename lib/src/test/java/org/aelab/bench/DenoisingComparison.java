package org.aelab.bench;

import org.aelab.data.Mnist;
import org.aelab.model.Autoencoder;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Init;
import org.aelab.nn.Loss;
import org.aelab.tensor.Gemm;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainer;

/**
 * Exercise 3a of 003_06d01c1066b95d79.txt, timed the same way as ../shared/bench/torch_dae.py: 784-625-784
 * sigmoid, masking ν = 0.1, BCE summed over pixels and averaged over the batch, SGD 0.1, batch 128, KL ρ = 0.02,
 * β = 0.4, on the 60 000 training images. Prints per epoch the mean training loss, the test-set BCE and the
 * training seconds of that epoch, in torch_dae.py's format. Run by {@code make bench}.
 *
 * <p>Arguments: [epochs=2] [init=glorot|uniform0.1] [seed=0].
 */
public final class DenoisingComparison {
    private DenoisingComparison() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Init init = args.length > 1 && args[1].equals("uniform0.1") ? Init.uniform(0.1) : Init.glorot();
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Mnist mnist = Mnist.load();
        Autoencoder ae = Autoencoder.builder().input(784).hidden(625, Activation.SIGMOID).output(Activation.SIGMOID)
                .loss(Loss.BCE).sparsity(0.02, 0.4).corruption(Corruption.masking(0.1)).init(init).seed(seed).build();
        System.out.println("aelab " + ae + " init=" + init + ", GEMM: " + Gemm.standard().name());
        Trainer trainer = Trainer.builder().optimizer(Optimizer.sgd(0.1)).batchSize(128).epochs(epochs).seed(seed)
                .listener(stats -> System.out.printf("epoch %d train_loss %.3f test_bce %.3f seconds %.2f%n",
                        stats.epoch(), stats.loss(), stats.validationLoss(), stats.seconds()))
                .build();
        History history = ae.fit(trainer, mnist.train().images(), mnist.test().images());
        System.out.printf("aelab mean seconds per epoch %.2f (training steps only, as torch_dae.py)%n", history.secondsPerEpoch());
    }
}
