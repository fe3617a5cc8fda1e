package org.aelab.nn;

import java.util.function.IntConsumer;
import org.aelab.tensor.Matrix;

/**
 * The buffers of a {@link Conv2D}'s forward and backward passes: a {@link ConvChunk} per lane, the weights as the
 * products read them, and the batch being worked on. Chunk i of the batch goes to lane i mod 2, so lane 0 works on
 * chunks 0, 2, 4, … and lane 1 on 1, 3, 5, …; each writes its own rows of the output (or ∂E/∂x) and its own gradient
 * partial, and the partials are added in lane order, so the sums do not depend on how many cores ran the lanes.
 */
final class ConvScratch implements Layer.Scratch {
    private final ConvUnrolling unrolling;
    private final int images;
    private final ConvChunk[] lanes = new ConvChunk[Lanes.COUNT];
    private final Matrix weightBuffer;
    private final IntConsumer forwardLane = this::forwardLane;
    private final IntConsumer backwardLane = this::backwardLane;
    private Matrix w;
    private Matrix x;
    private Matrix out;
    private Matrix delta;
    private Matrix deltaInput;

    /** Buffers for chunks of up to {@code images} images in each lane. */
    ConvScratch(ConvUnrolling unrolling, int images) {
        this.unrolling = unrolling;
        this.images = images;
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = unrolling.chunk(images);
        }
        this.weightBuffer = unrolling.newWeightBuffer();
    }

    /** out = W ⋆ x + b (before the activation), chunk by chunk over the lanes. */
    void forward(Matrix x, Matrix out) {
        this.w = unrolling.multipliedWeights(weightBuffer);
        this.x = x;
        this.out = out;
        run(forwardLane, x.rows());
    }

    /** ∂E/∂W += the lanes' partials, added in lane order; ∂E/∂x into {@code deltaInput} when it is not null. */
    void backward(Matrix x, Matrix delta, Matrix deltaInput) {
        this.w = unrolling.multipliedWeights(weightBuffer);
        this.x = x;
        this.delta = delta;
        this.deltaInput = deltaInput;
        run(backwardLane, x.rows());
        for (ConvChunk lane : lanes) {
            unrolling.addWeightGradient(lane.gradient);
        }
    }

    /** Runs the lanes, on two threads when there is work for both. */
    private void run(IntConsumer task, int rows) {
        if (rows <= images) {
            lanes[1].gradient.fill(0f);
            task.accept(0);
        } else {
            Lanes.run(task);
        }
    }

    /** Chunks lane, lane + 2, lane + 4, … of the batch: each writes its own rows of the output. */
    private void forwardLane(int lane) {
        ConvChunk chunk = lanes[lane];
        for (int first = lane * images; first < x.rows(); first += Lanes.COUNT * images) {
            unrolling.forward(x, out, w, chunk, first, Math.min(images, x.rows() - first));
        }
    }

    /** Chunks lane, lane + 2, … of the batch: ∂E/∂x of its own rows, ∂E/∂W into the lane's partial. */
    private void backwardLane(int lane) {
        ConvChunk chunk = lanes[lane];
        chunk.gradient.fill(0f);
        for (int first = lane * images; first < x.rows(); first += Lanes.COUNT * images) {
            unrolling.backward(x, delta, deltaInput, w, chunk, first, Math.min(images, x.rows() - first));
        }
    }

    @Override
    public String toString() {
        return "unrolling buffers for " + Lanes.COUNT + " × " + images + " images of " + unrolling.input;
    }
}
