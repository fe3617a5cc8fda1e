package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * One lane's buffers for a chunk of images of a {@link Conv2D}, shaped by its {@link ConvUnrolling}. Unrolling the
 * input: {@code columns} is im2col(x) (K × P), in backward also ∂E/∂col, {@code planes} is Z (F × P), in backward δ,
 * and {@code gradient} the lane's part of ∂E/∂W. Unrolling the output: {@code columns} is T ((F·k·k) × P), in
 * backward ∂E/∂T, {@code planes} is X (C × P), in backward ∂E/∂X, and {@code gradient} the lane's part of ∂E/∂V.
 */
final class ConvChunk {
    private final int columnRows;
    private final int planeRows;
    private final int positions;
    private final float[] columns;
    private final float[] planes;
    private final Matrix[] columnViews;   // by images in the chunk: the last batch of an epoch may be shorter
    private final Matrix[] planeViews;
    final Matrix gradient;

    /** Buffers for up to {@code images} images of {@code positions} pixels each on the unrolled side. */
    ConvChunk(int images, int columnRows, int planeRows, int positions) {
        this.columnRows = columnRows;
        this.planeRows = planeRows;
        this.positions = positions;
        this.columns = new float[Math.multiplyExact(columnRows, images * positions)];
        this.planes = new float[Math.multiplyExact(planeRows, images * positions)];
        this.columnViews = new Matrix[images + 1];
        this.planeViews = new Matrix[images + 1];
        this.gradient = Matrix.zeros(columnRows, planeRows);
    }

    /** The unrolled matrix of {@code n} images, columnRows × (n · positions). */
    Matrix columns(int n) {
        if (columnViews[n] == null) {
            columnViews[n] = Matrix.wrap(columnRows, n * positions, columns);
        }
        return columnViews[n];
    }

    /** The channel planes of {@code n} images, planeRows × (n · positions). */
    Matrix planes(int n) {
        if (planeViews[n] == null) {
            planeViews[n] = Matrix.wrap(planeRows, n * positions, planes);
        }
        return planeViews[n];
    }
}
