package org.aelab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.aelab.model.Autoencoder;
import org.aelab.nn.Activation;
import org.aelab.nn.Init;
import org.aelab.nn.Loss;
import org.aelab.nn.Penalty;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

/**
 * The epoch's loss, reconstruction and penalty, worked out by hand for a 1-1-1 linear autoencoder whose
 * weights are all 2 (biases 0): the code is h = 2x and the reconstruction y = 4x. The learning rate is so
 * small that no step changes a weight by a float's resolution, so every batch sees the same network.
 */
class EpochAverageTest {
    /** x = 1..5 in batches of 2 without shuffling: {1, 2}, {3, 4} and a last, shorter batch {5}. */
    private static final Matrix X = Matrix.of(new float[][] {{1}, {2}, {3}, {4}, {5}});

    private static Autoencoder linearTimesTwo(Penalty penalty) {
        return Autoencoder.builder().input(1).hidden(1, Activation.IDENTITY).output(Activation.IDENTITY)
                .loss(Loss.MSE).penalty(penalty).init((weights, rng) -> weights.fill(2f)).seed(1).build();
    }

    private static History oneEpoch(Autoencoder ae, int batchSize) {
        Trainer trainer = Trainer.builder().optimizer(Optimizer.sgd(1e-12)).epochs(1).batchSize(batchSize)
                .shuffle(false).build();
        return ae.fit(trainer, X);
    }

    @Test
    void thePenaltyIsTheBatchesPenaltiesWeightedByTheirPatterns() {
        // L1 with λ = 1 per batch is the mean |h| over its patterns: {2, 4} → 3, {6, 8} → 7, {10} → 10.
        // Weighted by the batches' sizes and divided by n = 5: (2·3 + 2·7 + 1·10) / 5 = 6, the mean |h| over
        // the data set. A plain mean of the three batches would give 20/3; the sum without "/ n", 30.
        History history = oneEpoch(linearTimesTwo(Penalty.l1(1)), 2);
        assertEquals(6.0, history.last("penalty"), 1e-5);
        // MSE (mean over patterns and units): (y − x)² = (3x)² = 9x², mean of 9·{1, 4, 9, 16, 25} = 99
        assertEquals(99.0, history.last("reconstruction"), 1e-4);
        assertEquals(105.0, history.lastLoss(), 1e-4);
    }

    @Test
    void aNonlinearPenaltyIsTakenPerBatch() {
        // KL sparsity is not linear in a batch's mean code, so the batching shows: with h = 2x for
        // x = 0.05·{1..5}, the batches' mean codes are ρ̂ = 0.15, 0.35 and 0.5.
        Matrix small = Matrix.of(new float[][] {{0.05f}, {0.10f}, {0.15f}, {0.20f}, {0.25f}});
        double rho = 0.2;
        double beta = 0.5;
        Autoencoder ae = linearTimesTwo(Penalty.klSparsity(rho, beta));
        History history = ae.fit(Trainer.builder().optimizer(Optimizer.sgd(1e-12)).epochs(1).batchSize(2)
                .shuffle(false).build(), small);
        double expected = (2 * kl(rho, 0.15) + 2 * kl(rho, 0.35) + kl(rho, 0.5)) * beta / 5;
        assertEquals(expected, history.last("penalty"), 1e-6);
        // one batch of all five patterns: ρ̂ = 0.3
        History fullBatch = ae.fit(Trainer.builder().optimizer(Optimizer.sgd(1e-12)).epochs(1).fullBatch().build(),
                small);
        assertEquals(beta * kl(rho, 0.3), fullBatch.last("penalty"), 1e-6);
    }

    private static double kl(double rho, double mean) {
        return rho * Math.log(rho / mean) + (1 - rho) * Math.log((1 - rho) / (1 - mean));
    }

    @Test
    void everyEpochRecordsTheSameValuesWhenNothingChanges() {
        Trainer trainer = Trainer.builder().optimizer(Optimizer.sgd(1e-12)).epochs(3).batchSize(2).shuffle(false).build();
        History history = linearTimesTwo(Penalty.l1(1)).fit(trainer, X);
        assertArrayEquals(new double[] {1, 2, 3}, history.table().numberColumn("epoch").asDoubleArray());
        assertArrayEquals(new double[] {6, 6, 6}, history.column("penalty"), 1e-5);
        assertArrayEquals(new double[] {105, 105, 105}, history.column("loss"), 1e-4);
    }
}
