package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.aelab.data.Datasets;
import org.aelab.nn.Activation;
import org.aelab.nn.Init;
import org.aelab.nn.Loss;
import org.aelab.nn.Reduction;
import org.aelab.tensor.Matrix;
import org.aelab.train.History;
import org.aelab.train.Optimizer;
import org.aelab.train.Trainer;
import org.junit.jupiter.api.Test;

/**
 * 000_fa578f4f1251678e.txt's 8-3-8 recipe: sigmoid, BCE with its 1/N (mean over the 8 units and the 8
 * patterns), full-batch classical momentum lr 0.05 m 0.9, uniform ±0.1 weights. For each of 10 seeds, after
 * 20 000 epochs all 8 patterns reconstruct by argmax and by the 0.5 threshold, and BCE ≤ 0.05.
 */
class OneHotAcceptanceTest {

    @Test
    void eightThreeEightLearnsEveryPatternForTenSeeds() {
        Matrix patterns = Datasets.oneHot(8);
        int[] firstAllRight = new int[10];
        for (int seed = 0; seed < 10; seed++) {
            Autoencoder ae = Autoencoder.builder().input(8).hidden(3, Activation.SIGMOID).output(Activation.SIGMOID)
                    .loss(Loss.bce(Reduction.MEAN)).init(Init.uniform(0.1)).seed(seed).build();
            int[] first = {-1};
            Trainer trainer = Trainer.builder().optimizer(Optimizer.momentum(0.05, 0.9)).epochs(20_000).fullBatch()
                    .seed(seed)
                    .listener(stats -> {
                        if (first[0] < 0 && allRight(patterns, ae.reconstruct(patterns))) {
                            first[0] = stats.epoch();
                        }
                    })
                    .build();
            History history = ae.fit(trainer, patterns);
            Matrix output = ae.reconstruct(patterns);
            assertTrue(allRight(patterns, output), "seed " + seed + ": all 8 reconstructed after 20 000 epochs");
            double bce = ae.reconstructionLoss(patterns);
            assertTrue(bce <= 0.05, "seed " + seed + ": BCE " + bce + " <= 0.05");
            assertEquals(bce, history.last("reconstruction"), 1e-3, "history agrees with a fresh evaluation");
            firstAllRight[seed] = first[0];
            System.out.printf("8-3-8 seed %d: all 8 right from epoch %d, BCE at 20 000 = %.4f%n", seed, first[0], bce);
        }
        int[] sorted = firstAllRight.clone();
        Arrays.sort(sorted);
        System.out.printf("8-3-8 first all-right epochs %s, median %.1f%n", Arrays.toString(firstAllRight),
                (sorted[4] + sorted[5]) / 2.0);
    }

    /** Every pattern's output has its largest value at the hot unit, and thresholding at 0.5 gives the input. */
    static boolean allRight(Matrix patterns, Matrix output) {
        for (int r = 0; r < patterns.rows(); r++) {
            if (output.argmaxOfRow(r) != patterns.argmaxOfRow(r)) {
                return false;
            }
            for (int c = 0; c < patterns.cols(); c++) {
                if ((output.get(r, c) > 0.5f) != (patterns.get(r, c) > 0.5f)) {
                    return false;
                }
            }
        }
        return true;
    }
}
