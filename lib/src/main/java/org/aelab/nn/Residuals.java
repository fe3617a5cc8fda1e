package org.aelab.nn;

import org.aelab.tensor.Matrix;

/** The residual y − t that every loss's output delta starts from. */
final class Residuals {
    private Residuals() {
    }

    /** delta = (y − t)·scale, element by element. */
    static void scaledDifference(Matrix output, Matrix target, float scale, Matrix delta) {
        float[] y = output.data();
        float[] t = target.data();
        float[] d = delta.data();
        for (int i = 0; i < output.rows() * output.cols(); i++) {
            d[i] = (y[i] - t[i]) * scale;
        }
    }
}
