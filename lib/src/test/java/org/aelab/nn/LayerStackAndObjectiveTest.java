package org.aelab.nn;

import static org.aelab.nn.LossAndPenaltyTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;
import org.junit.jupiter.api.Test;

/** The layer stack, its workspace and the objective: shapes, limits, chunked runs and weight decay by hand. */
class LayerStackAndObjectiveTest {

    private static Dense dense(int in, int out, Activation g, String name, long seed) {
        Dense layer = Dense.of(in, out, g, name);
        Init.uniform(0.5).fill(layer.weights().value(), new Rng(seed));
        layer.bias().value().fill(0.1f);
        return layer;
    }

    private static LayerStack threeLayers() {
        return LayerStack.of(dense(4, 3, Activation.SIGMOID, "a", 1), dense(3, 2, Activation.TANH, "b", 2),
                dense(2, 4, Activation.SIGMOID, "c", 3));
    }

    @Test
    void aStackNeedsLayersThatFit() {
        assertMessage(() -> new LayerStack(List.of()), "a layer stack needs at least one layer, got none");
        assertMessage(() -> new LayerStack(null), "a layer stack needs at least one layer, got none");
        assertMessage(() -> LayerStack.of(Dense.of(4, 3, Activation.SIGMOID, "a"), Dense.of(2, 4, Activation.SIGMOID, "b")),
                "layer 1 Dense(2→4, sigmoid) takes 2 inputs but layer 0 gives 3");
        LayerStack stack = threeLayers();
        assertEquals(3, stack.size());
        assertEquals(4, stack.inputs());
        assertEquals(4, stack.outputs());
        assertEquals("[Dense(4→3, sigmoid), Dense(3→2, tanh), Dense(2→4, sigmoid)]", stack.toString());
    }

    @Test
    void freezingLeavesAtLeastOneLayerToTrain() {
        LayerStack stack = threeLayers();
        LayerStack frozen = stack.withFrozenLayers(2);
        assertEquals(2, frozen.frozenLayers());
        assertEquals(0, stack.frozenLayers());
        assertEquals("[Dense(4→3, sigmoid), Dense(3→2, tanh), Dense(2→4, sigmoid)] frozen=2", frozen.toString());
        assertEquals(List.of("c.W", "c.b"), frozen.trainableParameters().stream().map(Parameter::name).toList());
        assertEquals(6, frozen.parameters().size());
        assertSame(stack.layer(0), frozen.layer(0), "the layers are shared");
        assertMessage(() -> stack.withFrozenLayers(3), "frozenLayers must be in 0..2 (at least one layer must train), got 3");
        assertMessage(() -> stack.withFrozenLayers(-1), "frozenLayers must be in 0..2 (at least one layer must train), got -1");
    }

    @Test
    void aFrozenPrefixGetsNoGradientAndTheRestTheSame() {
        LayerStack stack = threeLayers();
        Matrix x = Matrix.of(new float[][] {{0.1f, 0.9f, 0.4f, 0.3f}, {0.7f, 0.2f, 0.5f, 0.8f}});
        Objective objective = Objective.of(Loss.BCE);
        float[] full = topGradient(stack, objective, x);
        for (Parameter p : stack.parameters()) {
            p.gradient().fill(0f);
        }
        float[] frozen = topGradient(stack.withFrozenLayers(2), objective, x);
        assertTrue(java.util.Arrays.equals(full, frozen), "the top layer's gradient does not depend on freezing below it");
        for (Parameter p : stack.layer(0).parameters()) {
            for (float g : p.gradient().data()) {
                assertEquals(0f, g, p.name() + " is frozen");
            }
        }
    }

    private static float[] topGradient(LayerStack stack, Objective objective, Matrix x) {
        Workspace ws = stack.workspace(2);
        ws.input().copyFrom(x);
        stack.forward(ws);
        objective.delta(ws, x);
        stack.backward(ws);
        return ((Dense) stack.layer(2)).weights().gradient().data().clone();
    }

    @Test
    void aWorkspaceBelongsToItsStack() {
        LayerStack stack = threeLayers();
        Workspace other = threeLayers().workspace(2);
        assertMessage(() -> stack.forward(other), "the workspace was made by another layer stack");
        assertMessage(() -> stack.backward(other), "the workspace was made by another layer stack");
        assertMessage(() -> stack.workspace(0), "batch size must be positive, got 0");
        Workspace ws = stack.workspace(3);
        assertSame(stack, ws.stack());
        assertSame(ws, ws.topRows(3));
        assertEquals(1, ws.topRows(1).rows());
        assertEquals(2, ws.topRows(2).topRows(2).rows());
        assertMessage(() -> ws.topRows(0), "rows must be in 1..3, got 0");
        assertMessage(() -> ws.topRows(4), "rows must be in 1..3, got 4");
        assertMessage(() -> ws.addedGradient(2), "an added gradient goes on a hidden layer 0..1 (the top layer's delta comes from the loss), got layer 2");
        assertMessage(() -> ws.addedGradient(-1), "got layer -1");
        assertEquals(2, ws.addedGradient(1).cols());
        assertEquals(1, ws.topRows(1).addedGradient(1).rows());
        assertEquals(4, ws.unitScratch().length, "one float per unit of the widest layer (here the input's 4)");
    }

    @Test
    void zeroGradientsClearsEveryTrainableGradient() {
        LayerStack stack = threeLayers();
        for (Parameter p : stack.parameters()) {
            p.gradient().fill(3f);
        }
        stack.withFrozenLayers(1).workspace(2).zeroGradients();
        for (Parameter p : stack.layer(0).parameters()) {
            assertEquals(3f, p.gradient().get(0, 0), "frozen " + p.name() + " untouched");
        }
        for (int i = 1; i < 3; i++) {
            for (Parameter p : stack.layer(i).parameters()) {
                for (float g : p.gradient().data()) {
                    assertEquals(0f, g, p.name());
                }
            }
        }
    }

    @Test
    void runningInChunksGivesTheRowsOwnOutputs() {
        LayerStack stack = threeLayers();
        Matrix x = Matrix.zeros(2_345, 4);
        Rng rng = new Rng(9);
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = rng.nextFloat();
        }
        Matrix all = stack.predict(x);
        Matrix hidden = stack.activations(x, 1);
        assertEquals(2_345, all.rows());
        for (int r : new int[] {0, 999, 1000, 1999, 2000, 2344}) {
            Matrix one = stack.predict(x.rowRangeCopy(r, r + 1));
            for (int c = 0; c < 4; c++) {
                assertEquals(one.get(0, c), all.get(r, c), 1e-6, "row " + r + " column " + c);
            }
            assertEquals(stack.activations(x.rowRangeCopy(r, r + 1), 1).get(0, 1), hidden.get(r, 1), 1e-6);
        }
        Matrix top = stack.run(hidden, 2, 2);
        for (int i = 0; i < top.data().length; i++) {
            assertEquals(all.data()[i], top.data()[i], 1e-6, "layers 2..2 from the hidden code give the output");
        }
        assertMessage(() -> stack.run(hidden, 2, 3), "layers must satisfy 0 <= from <= to <= 2, got from 2, to 3");
        assertMessage(() -> stack.run(hidden, 2, 1), "got from 2, to 1");
        assertMessage(() -> stack.run(hidden, -1, 1), "got from -1, to 1");
        assertMessage(() -> stack.run(x, 1, 2), "x must have 3 columns (the inputs of layer 1 Dense(3→2, tanh)), got 2345x4");
        assertMessage(() -> stack.activations(hidden, 2), "x must have 4 columns (the network's inputs), got 2345x2");
        Matrix withNaN = Matrix.zeros(2, 4);
        withNaN.set(1, 3, Float.NaN);
        assertMessage(() -> stack.activations(withNaN, 1), "x must be finite, got NaN at (1, 3)");
        assertMessage(() -> stack.checkInputs("inputs", null), "inputs must not be null");
    }

    @Test
    void weightDecayIsHalfLambdaTimesTheSquaredWeightsWithoutTheBiases() {
        Dense layer = Dense.of(2, 1, Activation.IDENTITY, "out");
        layer.weights().value().data()[0] = 3f;
        layer.weights().value().data()[1] = -4f;
        layer.bias().value().fill(10f);
        LayerStack stack = LayerStack.of(layer);
        Objective objective = Objective.of(Loss.HALF_SSE).withWeightDecay(0.5);
        Workspace ws = stack.workspace(1);
        ws.input().copyFrom(Matrix.of(new float[][] {{1f, 0f}}));
        stack.forward(ws);
        Matrix target = Matrix.of(new float[][] {{12f}});
        // y = 3 + 10 = 13; E = ½(13 − 12)² = 0.5; decay (0.5/2)·(9 + 16) = 6.25
        assertEquals(6.25, objective.penalty(ws), 1e-6);
        assertEquals(0.5, objective.lossSum(ws, target), 1e-6);
        assertEquals(6.75, objective.value(ws, target), 1e-6);
        objective.delta(ws, target);
        stack.backward(ws);
        // ∂J/∂W = x·(y − t) + λW = (1, 0) + (1.5, −2); ∂J/∂b = y − t = 1 (no decay)
        assertEquals(2.5f, layer.weights().gradient().data()[0], 1e-6);
        assertEquals(-2f, layer.weights().gradient().data()[1], 1e-6);
        assertEquals(1f, layer.bias().gradient().data()[0], 1e-6);
        assertEquals(Parameter.Kind.WEIGHTS, layer.weights().kind());
        assertEquals(Parameter.Kind.BIAS, layer.bias().kind());
        assertEquals("out.W 2x1", layer.weights().toString());
        assertEquals("out.b", layer.bias().name());
    }

    @Test
    void anObjectiveNamesItsTermsAndChecksThem() {
        Objective plain = Objective.of(Loss.MSE);
        assertEquals("loss=SquaredError(mean)", plain.toString());
        assertEquals(null, plain.penalty());
        assertEquals(-1, plain.penaltyLayer());
        assertEquals(0.0, plain.weightDecay());
        Objective full = plain.withPenalty(Penalty.klSparsity(0.05, 3), 1).withWeightDecay(1e-4);
        assertEquals("loss=SquaredError(mean) penalty=KL(ρ=0.05, β=3.0) on layer 1 weightDecay=1.0E-4", full.toString());
        assertEquals(1, full.penaltyLayer());
        assertEquals(1e-4, full.weightDecay());
        assertEquals(Penalty.klSparsity(0.05, 3), full.penalty());
        assertSame(Loss.MSE, full.loss());
        full.requireFits(threeLayers());
        assertMessage(() -> plain.withPenalty(Penalty.l1(1), 2).requireFits(threeLayers()),
                "the penalty must be on a hidden layer 0..1 of [Dense(4→3, sigmoid), Dense(3→2, tanh), Dense(2→4, sigmoid)], got layer 2");
        plain.requireFits(LayerStack.of(Dense.of(2, 2, Activation.SIGMOID, "only")));
        assertMessage(() -> plain.withPenalty(Penalty.l1(1), -1), "penalty layer must be >= 0, got -1");
        assertMessage(() -> plain.withWeightDecay(-0.1), "weightDecay must be finite and >= 0, got -0.1");
        assertMessage(() -> plain.withWeightDecay(Double.POSITIVE_INFINITY), "weightDecay must be finite and >= 0, got Infinity");
        assertMessage(() -> Objective.of(null), "loss must not be null");
        LayerStack stack = threeLayers();
        Workspace ws = stack.workspace(2);
        stack.forward(ws);
        assertMessage(() -> plain.delta(ws, Matrix.zeros(2, 3)), "target must be 2x4, got 2x3");
        assertMessage(() -> plain.evaluateLoss(stack, Matrix.zeros(3, 4), Matrix.zeros(3, 3)), "targets must be 3x4, got 3x3");
    }

    @Test
    void layersMakeNoScratchUnlessTheyNeedIt() {
        Dense layer = Dense.of(2, 3, Activation.RELU, "d");
        assertSame(Layer.Scratch.NONE, layer.scratch(8));
        assertEquals("no scratch", Layer.Scratch.NONE.toString());
        assertEquals(List.of(layer.weights(), layer.bias()), layer.parameters());
    }

    @Test
    void denseLayersCheckTheirSizesAndCopyTheirWeights() {
        assertMessage(() -> Dense.of(0, 3, Activation.SIGMOID, "enc"), "layer enc inputs must be positive, got 0");
        assertMessage(() -> Dense.of(3, 0, Activation.SIGMOID, "enc"), "layer enc outputs must be positive, got 0");
        assertMessage(() -> Dense.of(3, 2, null, "enc"), "activation of layer enc must not be null");
        Dense smallest = Dense.of(1, 1, Activation.SIGMOID, "one");
        assertEquals(1, smallest.inputs());
        Dense encoder = dense(3, 2, Activation.SIGMOID, "enc", 4);
        Dense decoder = Dense.tiedTo(encoder, Activation.IDENTITY, "dec");
        decoder.bias().value().fill(0.25f);
        assertTrue(decoder.isTied());
        assertEquals(false, encoder.isTied());
        assertEquals("Dense(2→3, identity, tied)", decoder.toString());
        assertSame(encoder.weights(), decoder.weights());
        Dense copy = decoder.untiedCopy("copy");
        assertEquals(false, copy.isTied());
        assertTrue(copy.weightsCopy().sameValues(encoder.weightsCopy().transposeCopy()));
        assertTrue(copy.biasCopy().sameValues(decoder.biasCopy()));
        encoder.weights().value().fill(0f);
        assertTrue(copy.weightsCopy().data()[0] != 0f, "the copy has weights of its own");
    }
}
