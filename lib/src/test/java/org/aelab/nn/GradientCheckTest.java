package org.aelab.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against central finite differences, for every activation × loss × penalty combination
 * the exercises use, on a 5-4-3-4-5 network (two hidden layers, so δ flows through a hidden layer).
 *
 * The network computes in float32. With step h = 1e-2, the central difference has truncation error
 * O(h²·f''') ≈ 1e-4 relative, and float rounding of a loss of order 1 (≈ 1e-7 relative, summed over ≤ 25
 * terms) contributes ≈ 1e-6 / (2h) ≈ 1e-4 absolute. A tolerance of 2e-3 + 2e-2·|g| is ten times both, yet
 * a wrong sign, a missing g' or a missing 1/N factor gives errors of order |g| and fails.
 */
class GradientCheckTest {
    private static final float H = 1e-2f;

    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of("sigmoid + BCE(mean), 000's 8-3-8", Activation.SIGMOID, Activation.SIGMOID, Loss.bce(Reduction.MEAN), null, 0.0, false),
                Arguments.of("sigmoid + BCE(sum) + KL, 003 Q1", Activation.SIGMOID, Activation.SIGMOID, Loss.bce(Reduction.SUM), Penalty.klSparsity(0.1, 0.5), 0.0, false),
                Arguments.of("sigmoid + BCE(sum/batch) + KL, 003 Q3", Activation.SIGMOID, Activation.SIGMOID, Loss.BCE, Penalty.klSparsity(0.02, 0.4), 0.0, false),
                Arguments.of("sigmoid + identity output + MSE + KL, 003 Q2", Activation.SIGMOID, Activation.IDENTITY, Loss.MSE, Penalty.klSparsity(0.05, 0.5), 0.0, false),
                Arguments.of("sigmoid + sigmoid output + MSE", Activation.SIGMOID, Activation.SIGMOID, Loss.MSE, null, 0.0, false),
                Arguments.of("tanh + ½SSE + L1, 002", Activation.TANH, Activation.IDENTITY, Loss.HALF_SSE, Penalty.l1(0.1), 0.0, false),
                Arguments.of("relu + MSE + weight decay", Activation.RELU, Activation.IDENTITY, Loss.MSE, null, 0.05, false),
                Arguments.of("sigmoid + BCE + tied weights + KL", Activation.SIGMOID, Activation.SIGMOID, Loss.BCE, Penalty.klSparsity(0.1, 0.3), 0.0, true),
                Arguments.of("softmax + softmax CE, 003 Q3c", Activation.SIGMOID, Activation.SOFTMAX, Loss.SOFTMAX_CE, null, 0.0, false),
                Arguments.of("tanh output + MSE", Activation.SIGMOID, Activation.TANH, Loss.MSE, null, 0.0, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinations")
    void backpropagationMatchesFiniteDifferences(String name, Activation hidden, Activation output, Loss loss,
                                                 Penalty penalty, double weightDecay, boolean tied) {
        Rng rng = new Rng(42);
        Dense e0 = Dense.of(5, 4, hidden, "e0");
        Dense e1 = Dense.of(4, 3, hidden, "e1");
        Dense d0 = tied ? Dense.tiedTo(e1, hidden, "d0") : Dense.of(3, 4, hidden, "d0");
        Dense d1 = tied ? Dense.tiedTo(e0, output, "d1") : Dense.of(4, 5, output, "d1");
        List<Dense> layers = List.of(e0, e1, d0, d1);
        for (Dense layer : layers) {
            Init.uniform(0.8).fill(layer.weights().value(), rng);
            Init.uniform(0.3).fill(layer.bias().value(), rng);
        }
        LayerStack stack = new LayerStack(layers);
        Objective objective = Objective.of(loss).withPenalty(penalty, 1).withWeightDecay(weightDecay);
        Matrix x = Matrix.zeros(6, 5);
        Matrix t = Matrix.zeros(6, 5);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = rng.nextFloat();
            t.data()[i] = output == Activation.SOFTMAX ? 0f : rng.nextFloat();
        }
        if (output == Activation.SOFTMAX) {
            for (int r = 0; r < 6; r++) {
                t.set(r, r % 5, 1f);
            }
        }
        Workspace ws = stack.workspace(6);
        ws.input().copyFrom(x);
        stack.forward(ws);
        objective.delta(ws, t);
        stack.backward(ws);
        List<Parameter> parameters = stack.trainableParameters();
        assertTrue(parameters.size() == (tied ? 6 : 8), "trainable parameter count");
        List<float[]> analyticGradients = parameters.stream().map(p -> p.gradient().data().clone()).toList();
        int checked = 0;
        for (int k = 0; k < parameters.size(); k++) {
            Parameter p = parameters.get(k);
            float[] analytic = analyticGradients.get(k);
            float[] w = p.value().data();
            for (int i = 0; i < w.length; i++) {
                float original = w[i];
                w[i] = original + H;
                double plus = totalLoss(stack, objective, ws, t);
                w[i] = original - H;
                double minus = totalLoss(stack, objective, ws, t);
                w[i] = original;
                double numeric = (plus - minus) / (2 * H);
                double error = Math.abs(numeric - analytic[i]);
                assertTrue(error <= 2e-3 + 2e-2 * Math.abs(numeric),
                        name + ": " + p.name() + "[" + i + "] backprop " + analytic[i] + " vs finite difference " + numeric);
                checked++;
            }
        }
        assertTrue(checked >= 48, "checked " + checked + " gradient entries");
    }

    /** J of the batch already in {@code ws.input()}, from a fresh forward pass. */
    private static double totalLoss(LayerStack stack, Objective objective, Workspace ws, Matrix t) {
        stack.forward(ws);
        return objective.value(ws, t);
    }
}
