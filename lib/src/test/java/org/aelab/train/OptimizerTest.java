package org.aelab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    @Test
    void classicalMomentumTwoStepsByHand() {
        // ΔW(t) = −η·∂E/∂W + m·ΔW(t−1), η = 0.1, m = 0.9, W(0) = 1
        Parameter w = new Parameter("w", Matrix.of(new float[][] {{1f}}));
        Optimizer.Step step = Optimizer.momentum(0.1, 0.9).start(List.of(w));
        w.gradient().set(0, 0, 0.5f);
        step.step();
        // ΔW(1) = −0.1·0.5 + 0.9·0 = −0.05 → W = 0.95
        assertEquals(0.95f, w.value().get(0, 0), 1e-7);
        w.gradient().set(0, 0, 0.2f);
        step.step();
        // ΔW(2) = −0.1·0.2 + 0.9·(−0.05) = −0.065 → W = 0.885
        assertEquals(0.885f, w.value().get(0, 0), 1e-6);
    }

    @Test
    void eachStartBeginsWithZeroVelocity() {
        Parameter w = new Parameter("w", Matrix.of(new float[][] {{0f}}));
        Optimizer momentum = Optimizer.momentum(1.0, 0.5);
        Optimizer.Step first = momentum.start(List.of(w));
        w.gradient().set(0, 0, 1f);
        first.step();
        first.step(); // −1, then −1 + 0.5·(−1) = −1.5 → W = −2.5
        assertEquals(-2.5f, w.value().get(0, 0), 1e-7);
        Optimizer.Step second = momentum.start(List.of(w));
        second.step(); // fresh state: −1 → W = −3.5
        assertEquals(-3.5f, w.value().get(0, 0), 1e-7);
    }

    @Test
    void sgdAndNesterovByHand() {
        Parameter w = new Parameter("w", Matrix.of(new float[][] {{1f}}));
        Optimizer.Step sgd = Optimizer.sgd(0.5).start(List.of(w));
        w.gradient().set(0, 0, 0.4f);
        sgd.step();
        assertEquals(0.8f, w.value().get(0, 0), 1e-7);

        Parameter v = new Parameter("v", Matrix.of(new float[][] {{0f}}));
        Optimizer.Step nesterov = Optimizer.nesterov(0.1, 0.9).start(List.of(v));
        v.gradient().set(0, 0, 1f);
        nesterov.step(); // v1 = −0.1; W += −0.9·0 + 1.9·(−0.1) = −0.19
        assertEquals(-0.19f, v.value().get(0, 0), 1e-7);
        nesterov.step(); // v2 = 0.9·(−0.1) − 0.1 = −0.19; W += −0.9·(−0.1) + 1.9·(−0.19) = 0.09 − 0.361
        assertEquals(-0.19f + 0.09f - 0.361f, v.value().get(0, 0), 1e-6);
    }

    @Test
    void adamFirstStepMovesByTheLearningRate() {
        // after bias correction m̂ = g and v̂ = g², so the first step is −η·g/|g| = −η
        Parameter w = new Parameter("w", Matrix.of(new float[][] {{1f, 1f}}));
        Optimizer.Step adam = Optimizer.adam(0.01).start(List.of(w));
        w.gradient().set(0, 0, 3f);
        w.gradient().set(0, 1, -0.002f);
        adam.step();
        assertEquals(0.99f, w.value().get(0, 0), 1e-6);
        assertEquals(1.01f, w.value().get(0, 1), 1e-5);
    }

    @Test
    void badLearningRatesAndMomentaAreNamed() {
        assertMessage(() -> Optimizer.sgd(-0.1), "learning rate must be finite and > 0, got -0.1");
        assertMessage(() -> Optimizer.momentum(0, 0.9), "learning rate must be finite and > 0, got 0.0");
        assertMessage(() -> Optimizer.momentum(0.1, 1.0), "momentum m must be in [0, 1), got 1.0");
        assertMessage(() -> Optimizer.adam(Double.NaN), "learning rate must be finite and > 0, got NaN");
    }

    static void assertMessage(Runnable action, String expectedPart) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(expectedPart), "message '" + e.getMessage() + "' should contain '" + expectedPart + "'");
    }
}
