package org.aelab.bench;

import org.aelab.data.Mnist;
import org.aelab.model.ConvAutoencoder;
import org.aelab.nn.Corruption;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainer;

/**
 * The convolutional denoising autoencoder of 002_30a0b8d3c8338d16.txt ("Denoising convolutional AE – keras"), timed
 * the same way as ../shared/bench/torch_conv_dae.py: the layer table of its "Convolutional AE" slide (3×3
 * convolutions, ReLU but the last, sigmoid), noise x + 0.5·N(0, 1) clipped to [0, 1], BCE mean per pixel, Adam 1e-3,
 * batch 128, the 60 000 training images; weights and biases start uniform in ±1/√fan-in as PyTorch's do. Prints per
 * epoch the mean training loss, the test-set BCE per pixel of the noisy test images' reconstructions against the clean
 * ones, and the training seconds of that epoch, in torch_conv_dae.py's format. Run by {@code make bench}.
 *
 * <p>Arguments: [epochs=2] [seed=0].
 */
public final class ConvDenoisingComparison {
    private ConvDenoisingComparison() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Mnist mnist = Mnist.load();
        Matrix train = mnist.train().images();
        Matrix test = mnist.test().images();
        Corruption noise = Corruption.clippedGaussian(0.5);
        Matrix noisyTest = Matrix.zeros(test.rows(), test.cols());
        noise.corrupt(test, noisyTest, new Rng(seed + 2));
        // weights and biases uniform in ±1/√fan-in, PyTorch's default start
        ConvAutoencoder model = ConvAutoencoder.kerasDenoiser(noise, ConvAutoencoder.WeightStart.PYTORCH, seed);
        System.out.println("aelab " + model + ", GEMM: " + Gemm.standard().name());
        Trainer trainer = Trainer.builder().optimizer(Optimizer.adam(1e-3)).batchSize(128).epochs(epochs).seed(seed)
                .listener(stats -> System.out.printf("epoch %d train_loss %.4f test_bce %.4f seconds %.2f%n",
                        stats.epoch(), stats.loss(), stats.validationLoss(), stats.seconds()))
                .build();
        History history = trainer.fit(model, train, train, noisyTest, test);
        System.out.printf("aelab mean seconds per epoch %.2f (training steps only, as torch_conv_dae.py)%n",
                history.secondsPerEpoch());
    }
}
