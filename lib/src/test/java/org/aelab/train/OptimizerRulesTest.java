package org.aelab.train;

import static org.aelab.train.OptimizerTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** Update rules worked out by hand beyond the first step, every parameter of a list, and the rules' settings. */
class OptimizerRulesTest {

    private static Parameter scalar(float value) {
        return new Parameter("w", Matrix.of(new float[][] {{value}}));
    }

    @Test
    void adamTwoStepsByHandWithItsBiasCorrection() {
        // β1 = 0.5, β2 = 0.75, ε = 0.1, η = 1, W(0) = 0
        Parameter w = scalar(0f);
        Optimizer.Step adam = new Adam(1, 0.5, 0.75, 0.1).start(List.of(w));
        w.gradient().set(0, 0, 1f);
        adam.step();
        // m = 0.5, v = 0.25; m̂ = 0.5 / (1 − 0.5) = 1, v̂ = 0.25 / (1 − 0.75) = 1; ΔW = −1·1 / (1 + 0.1)
        assertEquals(-1 / 1.1, w.value().get(0, 0), 1e-6);
        w.gradient().set(0, 0, -1f);
        adam.step();
        // m = 0.25 − 0.5 = −0.25, v = 0.1875 + 0.25 = 0.4375; m̂ = −0.25 / 0.75 = −1/3, v̂ = 0.4375 / 0.4375 = 1
        assertEquals(-1 / 1.1 + (1.0 / 3) / 1.1, w.value().get(0, 0), 1e-6);
        assertEquals(2, adam.state().steps());
        // the state holds m, then v
        assertArrayEquals(new float[] {-0.25f}, adam.state().buffers()[0], 1e-7f);
        assertArrayEquals(new float[] {0.4375f}, adam.state().buffers()[1], 1e-7f);
    }

    @Test
    void adamsEpsilonHalvesAStepWhoseGradientEqualsIt() {
        // first step: m̂ = g, √v̂ = |g|; with g = ε the step is η·g / (g + ε) = η / 2
        Parameter w = scalar(1f);
        Optimizer.Step adam = Optimizer.adam(0.01).start(List.of(w));
        w.gradient().set(0, 0, 1e-8f);
        adam.step();
        assertEquals(1 - 0.005, w.value().get(0, 0), 1e-6);
    }

    @Test
    void everyParameterOfTheListIsUpdated() {
        for (Optimizer optimizer : List.of(Optimizer.sgd(0.5), Optimizer.momentum(0.5, 0.9), Optimizer.nesterov(0.5, 0.9),
                Optimizer.adam(0.5))) {
            Parameter a = new Parameter("a", Matrix.of(new float[][] {{1f, 1f}}));
            Parameter b = new Parameter("b", Matrix.of(new float[][] {{1f}, {1f}, {1f}}));
            a.gradient().fill(1f);
            b.gradient().fill(-1f);
            optimizer.start(List.of(a, b)).step();
            for (float v : a.value().data()) {
                assertTrue(v < 1f, optimizer + " moved a against its gradient, got " + v);
            }
            for (float v : b.value().data()) {
                assertTrue(v > 1f, optimizer + " moved b against its gradient, got " + v);
            }
        }
    }

    @Test
    void momentumZeroIsGradientDescentAndKeepsItsVelocity() {
        Parameter w = scalar(1f);
        Optimizer.Step step = Optimizer.momentum(0.1, 0).start(List.of(w));
        w.gradient().set(0, 0, 2f);
        step.step();
        step.step();
        assertEquals(0.6f, w.value().get(0, 0), 1e-6);
        assertEquals(2, step.state().steps());
        assertArrayEquals(new float[] {-0.2f}, step.state().buffers()[0], 1e-7f, "ΔW of the last step");
    }

    @Test
    void nesterovThreeStepsByHand() {
        // η = 0.5, m = 0.5, gradients 1, 2, −1; v(t) = m·v(t−1) − η·g, W += −m·v(t−1) + (1 + m)·v(t)
        Parameter w = scalar(0f);
        Optimizer.Step nesterov = Optimizer.nesterov(0.5, 0.5).start(List.of(w));
        float[] gradients = {1f, 2f, -1f};
        double v = 0;
        double expected = 0;
        double[] byHand = {-0.75, -0.75 + 0.25 - 1.875, -0.75 + 0.25 - 1.875 + 0.625 - 0.1875};
        for (int t = 0; t < 3; t++) {
            w.gradient().set(0, 0, gradients[t]);
            nesterov.step();
            double previous = v;
            v = 0.5 * previous - 0.5 * gradients[t];
            expected += -0.5 * previous + 1.5 * v;
            assertEquals(byHand[t], expected, 1e-12, "the formula and the hand-worked value agree at step " + (t + 1));
            assertEquals(byHand[t], w.value().get(0, 0), 1e-6, "step " + (t + 1));
        }
        assertArrayEquals(new float[] {-0.125f}, nesterov.state().buffers()[0], 1e-7f, "velocity after step 3");
    }

    @Test
    void theirNamesShowTheirSettings() {
        assertEquals("SGD(lr=0.1)", Optimizer.sgd(0.1).toString());
        assertEquals("Momentum(lr=0.05, m=0.9)", Optimizer.momentum(0.05, 0.9).toString());
        assertEquals("Nesterov(lr=0.2, m=0.5)", Optimizer.nesterov(0.2, 0.5).toString());
        assertEquals("Adam(lr=0.001)", Optimizer.adam(0.001).toString());
        assertEquals(0.2, Optimizer.nesterov(0.2, 0.5).learningRate());
        assertEquals(0.001, Optimizer.adam(0.001).learningRate());
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-8), Optimizer.adam(0.001));
    }

    @Test
    void settingsAtTheirLimits() {
        new Adam(0.1, 0, 0, 1e-30); // β1 = β2 = 0 are allowed
        assertMessage(() -> new Adam(0.1, 1, 0.999, 1e-8), "Adam beta1 must be in [0, 1), got 1.0");
        assertMessage(() -> new Adam(0.1, -0.1, 0.999, 1e-8), "Adam beta1 must be in [0, 1), got -0.1");
        assertMessage(() -> new Adam(0.1, 0.9, 1, 1e-8), "Adam beta2 must be in [0, 1), got 1.0");
        assertMessage(() -> new Adam(0.1, 0.9, -0.5, 1e-8), "Adam beta2 must be in [0, 1), got -0.5");
        assertMessage(() -> new Adam(0.1, 0.9, 0.999, 0), "Adam epsilon must be > 0, got 0.0");
        assertMessage(() -> new Adam(0, 0.9, 0.999, 1e-8), "learning rate must be finite and > 0, got 0.0");
        assertMessage(() -> Optimizer.sgd(Double.POSITIVE_INFINITY), "learning rate must be finite and > 0, got Infinity");
        assertMessage(() -> Optimizer.nesterov(0, 0.5), "learning rate must be finite and > 0, got 0.0");
        assertMessage(() -> Optimizer.nesterov(0.1, 1.0), "momentum m must be in [0, 1), got 1.0");
        assertMessage(() -> Optimizer.nesterov(0.1, -0.1), "momentum m must be in [0, 1), got -0.1");
        assertMessage(() -> Optimizer.momentum(0.1, Double.NaN), "momentum m must be in [0, 1), got NaN");
        Optimizer.nesterov(0.1, 0);
        Optimizer.sgd(Double.MIN_VALUE);
    }

    @Test
    void aRestoredStateContinuesTheRun() {
        Parameter w = scalar(0f);
        Optimizer.Step first = Optimizer.momentum(1, 0.5).start(List.of(w));
        w.gradient().set(0, 0, 1f);
        first.step();
        first.step(); // ΔW = −1, then −1.5: W = −2.5
        Parameter copy = scalar(-2.5f);
        Optimizer.Step resumed = Optimizer.momentum(1, 0.5).start(List.of(copy));
        resumed.state().restore(first.state().steps(), first.state().buffers());
        copy.gradient().set(0, 0, 1f);
        resumed.step();
        first.step();
        assertEquals(w.value().get(0, 0), copy.value().get(0, 0), "−2.5 − 1 − 0.75");
        assertEquals(-4.25f, copy.value().get(0, 0), 1e-6);
        assertEquals(3, resumed.state().steps());
        assertMessage(() -> resumed.state().restore(-1, new float[][] {{0f}}), "steps must be >= 0, got -1");
        assertMessage(() -> resumed.state().restore(1, new float[][] {{0f}, {0f}}), "optimizer state has 1 buffers, got 2");
        assertMessage(() -> resumed.state().restore(1, new float[][] {{0f, 0f}}), "optimizer buffer 0 holds 1 floats, got 2");
    }
}
