package org.aelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import org.junit.jupiter.api.Test;

/** Early stopping, divergence and the history, on sequences of losses given by hand. */
class StoppingRulesTest {

    @Test
    void earlyStoppingCountsEpochsWithoutAnImprovementLargerThanTheMinimum() {
        EarlyStopping rule = new EarlyStopping(2, 0.5);
        assertFalse(rule.shouldStop(4.0), "the first epoch sets the best");
        assertFalse(rule.shouldStop(3.5), "exactly the minimum is not an improvement: 1 epoch without");
        assertFalse(rule.shouldStop(3.25), "an improvement of 0.75 on 4.0: the best is now 3.25");
        assertFalse(rule.shouldStop(3.0), "1 epoch without");
        assertTrue(rule.shouldStop(2.9), "2 epochs without");
        EarlyStopping never = new EarlyStopping(0, 0);
        for (int i = 0; i < 5; i++) {
            assertFalse(never.shouldStop(1.0), "patience 0 never stops");
        }
    }

    private static List<Parameter> weights(float... values) {
        return List.of(new Parameter("w", Matrix.wrap(1, values.length, values)));
    }

    @Test
    void divergenceAtItsLimits() {
        List<Parameter> small = weights(0.5f, -2f);
        assertNull(Divergence.reason(5.0, 0.5, 0.7, 5, small), "exactly 10x the best is not yet a rise");
        assertNull(Divergence.reason(8.0, 0.5, 8.0, 5, small), "exactly the first epoch's loss is not above it");
        assertNull(Divergence.reason(1.0, 0.5, 0.7, 5, weights(1e4f, -1e4f)), "a weight of exactly 10⁴ is allowed");
        assertEquals("a weight reached |w| = 10001.0 (a trained network's stay far below 10000.0)",
                Divergence.reason(1.0, 0.5, 0.7, 5, weights(3f, -10001f)));
        assertEquals("the loss is Infinity", Divergence.reason(Double.POSITIVE_INFINITY, 0.5, 0.7, 5, small));
    }

    @Test
    void divergenceRemembersTheFirstAndTheLowestLoss() {
        Divergence divergence = new Divergence(weights(1f), Optimizer.sgd(0.3));
        divergence.check(1, 1.0);
        divergence.check(2, 0.5);
        divergence.check(3, 4.0); // under 10x the lowest
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> divergence.check(4, 6.0));
        assertEquals("training diverged at epoch 4: the loss rose to 6.0, 12 times its best 0.5 and above its first"
                + " epoch's 1.0 with SGD(lr=0.3); try a smaller learning rate than 0.3", e.getMessage());

        Divergence resumed = new Divergence(weights(1f), Optimizer.sgd(0.3));
        resumed.remember(1.0);
        resumed.remember(0.5);
        assertThrows(IllegalStateException.class, () -> resumed.check(3, 6.0));
        Divergence fromAHighStart = new Divergence(weights(1f), Optimizer.sgd(0.3));
        fromAHighStart.check(1, 100.0);
        fromAHighStart.check(2, 1.0);
        fromAHighStart.check(3, 50.0); // 50x the best but below the first epoch's 100: a recovering start
    }

    private static History history(double[] loss, boolean stoppedEarly, int interruptedAt) {
        return history(loss, stoppedEarly, interruptedAt, 0);
    }

    private static History history(double[] loss, boolean stoppedEarly, int interruptedAt, int resumedAfter) {
        int[] epochs = new int[loss.length];
        for (int i = 0; i < loss.length; i++) {
            epochs[i] = i + 1;
        }
        Table table = Table.create("history", IntColumn.create("epoch", epochs), DoubleColumn.create("loss", loss),
                DoubleColumn.create("seconds", new double[loss.length]));
        return new History(table, stoppedEarly, interruptedAt, resumedAfter);
    }

    @Test
    void historyNamesItsEnd() {
        assertEquals("History[3 epochs, loss 2.00000 → 0.500000]", history(new double[] {2, 1, 0.5}, false, 0).toString());
        assertEquals("History[1 epochs, loss 2.00000 → 2.00000, stopped early]", history(new double[] {2}, true, 0).toString());
        assertEquals("History[2 epochs, loss 2.00000 → 1.00000, interrupted in epoch 3]",
                history(new double[] {2, 1}, true, 3).toString());
        assertEquals("History[0 epochs, interrupted in epoch 1]", history(new double[0], true, 1).toString());
        assertEquals("History[0 epochs]", history(new double[0], false, 0).toString());
        assertEquals("History[3 epochs, loss 2.00000 → 0.500000, resumed after epoch 2 from a checkpoint]",
                history(new double[] {2, 1, 0.5}, false, 0, 2).toString());
        assertEquals(2, history(new double[] {2, 1, 0.5}, false, 0, 2).resumedAfter());
        assertEquals(0.5, history(new double[] {2, 1, 0.5}, false, 0).lastLoss());
        assertTrue(history(new double[] {2}, true, 0).stoppedEarly());
        assertFalse(history(new double[] {2}, false, 0).stoppedEarly());
    }

    @Test
    void anEmptyHistoryHasNoLastValue() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> history(new double[0], true, 1).lastLoss());
        assertEquals("history has no epochs (training was interrupted in epoch 1)", e.getMessage());
        IllegalStateException plain = assertThrows(IllegalStateException.class, () -> history(new double[0], false, 0).last("loss"));
        assertEquals("history has no epochs", plain.getMessage());
        assertEquals(2.0, history(new double[] {2}, false, 0).last("loss"), "one epoch is enough");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> history(new double[] {2}, false, 0).column("accuracy"));
        assertEquals("history has no column 'accuracy'; columns are [epoch, loss, seconds]", unknown.getMessage());
    }

    @Test
    void theTableIsACopy() {
        History h = history(new double[] {2, 1}, false, 0);
        h.table().doubleColumn("loss").set(0, 99.0);
        assertEquals(2.0, h.column("loss")[0]);
    }
}
