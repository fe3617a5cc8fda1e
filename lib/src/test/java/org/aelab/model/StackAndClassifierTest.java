package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.aelab.data.LabeledImages;
import org.aelab.data.Mnist;
import org.aelab.nn.Activation;
import org.aelab.nn.Corruption;
import org.aelab.nn.Dense;
import org.aelab.nn.Init;
import org.aelab.nn.Loss;
import org.aelab.tensor.Matrix;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainer;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class StackAndClassifierTest {

    private static Autoencoder level(int inputs, int hidden, long seed) {
        return Autoencoder.builder().input(inputs).hidden(hidden, Activation.SIGMOID).output(Activation.SIGMOID)
                .loss(Loss.BCE).sparsity(0.05, 0.1).corruption(Corruption.masking(0.1)).seed(seed).build();
    }

    @Test
    void greedyPretrainingTrainsEachLevelOnTheCodesBelowAndClassifiesMnist() throws IOException {
        Mnist mnist = Mnist.load();
        LabeledImages train = mnist.train().first(2000);
        LabeledImages test = mnist.test().first(500);
        StackedAutoencoder stack = StackedAutoencoder.of(level(784, 64, 1)).withLevel(level(64, 32, 2));
        Trainer trainer = Trainer.builder().optimizer(Optimizer.sgd(0.1)).batchSize(32).epochs(3).seed(1).build();
        List<History> histories = stack.pretrain(trainer, train.images(), test.images());
        assertEquals(2, histories.size());
        // level 1 was trained on level 0's 64-unit codes: its validation loss is on those codes
        Matrix codes = stack.encode(test.images(), 0);
        assertEquals(64, codes.cols());
        assertEquals(stack.levels().get(1).reconstructionLoss(codes), histories.get(1).last("validation"), 1e-3);
        assertTrue(histories.get(1).last("validation") < histories.get(1).column("validation")[0] + 1e-9);
        assertEquals("32", String.valueOf(stack.encode(test.images()).cols()));
        assertEquals(784, stack.reconstruct(test.images()).cols());
        assertEquals(32, stack.inputSpaceFeatures(1).rows());
        assertEquals(784, stack.inputSpaceFeatures(1).cols());

        Matrix encoderBefore = stack.levels().get(0).encoder().get(0).weightsCopy();
        Classifier frozen = Classifier.on(stack.encoderLayers(), 10, Init.glorot(), 5).withFrozenEncoder();
        Trainer fine = Trainer.builder().optimizer(Optimizer.momentum(0.1, 0.9)).batchSize(32).epochs(5).seed(2).build();
        History frozenHistory = frozen.fit(fine, train, test);
        Dense classifierFirst = (Dense) frozen.layers().layer(0);
        assertTrue(classifierFirst.weightsCopy().sameValues(encoderBefore), "frozen encoder not updated");
        History tuned = frozen.withTrainableEncoder().fit(fine, train, test);
        assertFalse(classifierFirst.weightsCopy().sameValues(encoderBefore), "fine-tuning updates the encoder copy");
        assertTrue(stack.levels().get(0).encoder().get(0).weightsCopy().sameValues(encoderBefore),
                "the classifier trains its own copy, the pretrained stack is untouched");
        double accuracy = tuned.last("test_accuracy");
        assertEquals(frozen.accuracy(test), accuracy, 1e-12);
        assertTrue(frozenHistory.last("test_accuracy") > 0.5, "frozen features separate digits: " + frozenHistory.last("test_accuracy"));
        assertTrue(accuracy > 0.8, "fine-tuned accuracy on 500 test digits after 2 000 training digits: " + accuracy);

        Table confusion = frozen.confusionMatrix(test);
        assertEquals(11, confusion.columnCount());
        long total = 0;
        long diagonal = 0;
        for (int t = 0; t < 10; t++) {
            for (int p = 0; p < 10; p++) {
                int count = confusion.intColumn(String.valueOf(p)).get(t);
                total += count;
                diagonal += t == p ? count : 0;
            }
        }
        assertEquals(500, total);
        assertEquals(accuracy, diagonal / 500.0, 1e-12);
    }

    @Test
    void fromScratchHasTheSameShapeAndBadStacksAreNamed() {
        Classifier scratch = Classifier.fromScratch(784, new int[] {625, 100}, Activation.SIGMOID, 10, Init.glorot(), 1);
        assertEquals("[Dense(784→625, sigmoid), Dense(625→100, sigmoid), Dense(100→10, softmax)]",
                scratch.layers().layers().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackedAutoencoder.of(level(784, 64, 1)).withLevel(level(50, 10, 2)));
        assertTrue(e.getMessage().contains("autoencoder 1 takes 50 inputs but autoencoder 0 gives codes of 64 units"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Classifier.on(List.of(), 10, Init.glorot(), 1));
    }
}
