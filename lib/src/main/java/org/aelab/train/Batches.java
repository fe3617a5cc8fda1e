package org.aelab.train;

import org.aelab.nn.LayerStack;
import org.aelab.nn.Workspace;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;

/**
 * The minibatches of one training run: the order of the rows (shuffled anew every epoch when asked), the
 * buffers a batch's rows are gathered into, and the layer stack's workspaces, one for a full batch and a view
 * for the shorter last one. Everything is made once; {@link #select} allocates nothing.
 */
final class Batches {
    private final Matrix inputs;
    private final Matrix targets;
    private final int[] order;
    private final int size;
    private final Workspace fullWorkspace;
    private final Workspace lastWorkspace;
    private final Matrix fullInputs;
    private final Matrix fullTargets;
    private final Matrix lastInputs;
    private final Matrix lastTargets;
    private Workspace workspace;
    private Matrix batchInputs;
    private Matrix batchTargets;

    Batches(LayerStack layers, Matrix inputs, Matrix targets, int batchSize) {
        int n = inputs.rows();
        this.inputs = inputs;
        this.targets = targets;
        this.size = Math.min(batchSize, n);
        this.order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        fullWorkspace = layers.workspace(size);
        lastWorkspace = fullWorkspace.topRows(n % size == 0 ? size : n % size);
        fullInputs = Matrix.zeros(size, inputs.cols());
        fullTargets = Matrix.zeros(size, targets.cols());
        lastInputs = fullInputs.topRows(lastWorkspace.rows());
        lastTargets = fullTargets.topRows(lastWorkspace.rows());
    }

    /** Batches per epoch. */
    int count() {
        return (order.length + size - 1) / size;
    }

    /** Rows of a full batch. */
    int size() {
        return size;
    }

    /** True when one batch holds the whole data set (full-batch training: the order does not matter). */
    boolean isWholeDataSet() {
        return size == order.length;
    }

    /** A new random order of the rows. */
    void shuffle(Rng rng) {
        rng.shuffle(order);
    }

    /** The current order of the rows (live), for checkpoints. */
    int[] order() {
        return order;
    }

    /** Gathers the rows of batch {@code b} (in the current order) into the batch buffers. */
    void select(int b) {
        int start = b * size;
        boolean last = start + size > order.length;
        workspace = last ? lastWorkspace : fullWorkspace;
        batchInputs = last ? lastInputs : fullInputs;
        batchTargets = last ? lastTargets : fullTargets;
        inputs.gatherRows(order, start, workspace.rows(), batchInputs);
        targets.gatherRows(order, start, workspace.rows(), batchTargets);
    }

    /** The selected batch's workspace. */
    Workspace workspace() {
        return workspace;
    }

    /** The selected batch's clean inputs. */
    Matrix inputs() {
        return batchInputs;
    }

    /** The selected batch's targets. */
    Matrix targets() {
        return batchTargets;
    }
}
