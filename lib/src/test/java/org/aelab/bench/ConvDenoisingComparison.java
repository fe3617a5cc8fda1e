package org.aelab.bench;

import java.util.List;
import org.aelab.data.Mnist;
import org.aelab.nn.Activation;
import org.aelab.nn.Conv2D;
import org.aelab.nn.Corruption;
import org.aelab.nn.ImageShape;
import org.aelab.nn.Init;
import org.aelab.nn.Layer;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Loss;
import org.aelab.nn.MaxPool2D;
import org.aelab.nn.Objective;
import org.aelab.nn.Padding;
import org.aelab.nn.Reduction;
import org.aelab.nn.UpSample2D;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainable;
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

    /** The layer table: encoder conv 16 → pool → conv 8 → pool → conv 8 → pool (4×4×8 code), decoder back to 28×28. */
    static LayerStack layers() {
        Activation relu = Activation.RELU;
        Conv2D e1 = Conv2D.of(new ImageShape(1, 28, 28), 16, 3, Padding.SAME, relu, "e1");
        MaxPool2D p1 = MaxPool2D.of(e1.outputShape(), 2);                                   // 16×14×14
        Conv2D e2 = Conv2D.of(p1.outputShape(), 8, 3, Padding.SAME, relu, "e2");
        MaxPool2D p2 = MaxPool2D.of(e2.outputShape(), 2);                                   // 8×7×7
        Conv2D e3 = Conv2D.of(p2.outputShape(), 8, 3, Padding.SAME, relu, "e3");
        MaxPool2D code = MaxPool2D.of(e3.outputShape(), 2);                                 // 8×4×4
        Conv2D d1 = Conv2D.of(code.outputShape(), 8, 3, Padding.SAME, relu, "d1");
        UpSample2D u1 = UpSample2D.of(d1.outputShape(), 2);                                 // 8×8×8
        Conv2D d2 = Conv2D.of(u1.outputShape(), 8, 3, Padding.SAME, relu, "d2");
        UpSample2D u2 = UpSample2D.of(d2.outputShape(), 2);                                 // 8×16×16
        Conv2D d3 = Conv2D.of(u2.outputShape(), 16, 3, Padding.VALID, relu, "d3");           // 16×14×14
        UpSample2D u3 = UpSample2D.of(d3.outputShape(), 2);                                 // 16×28×28
        Conv2D d4 = Conv2D.of(u3.outputShape(), 1, 3, Padding.SAME, Activation.SIGMOID, "d4");
        return new LayerStack(List.of(e1, p1, e2, p2, e3, code, d1, u1, d2, u2, d3, u3, d4));
    }

    /** PyTorch's default start for a convolution: weights and bias uniform in ±1/√(C·k·k). */
    static void initLikePyTorch(LayerStack stack, long seed) {
        Rng rng = new Rng(seed);
        for (Layer layer : stack.layers()) {
            if (layer instanceof Conv2D conv) {
                Init bound = Init.uniform(1 / Math.sqrt(conv.weights().value().rows()));
                bound.fill(conv.weights().value(), rng);
                bound.fill(conv.bias().value(), rng);
            }
        }
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
        LayerStack stack = layers();
        initLikePyTorch(stack, seed);
        Trainable model = Trainable.of(stack, Objective.of(Loss.bce(Reduction.MEAN)), noise);
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
