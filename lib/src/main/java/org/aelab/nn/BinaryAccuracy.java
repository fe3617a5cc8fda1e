package org.aelab.nn;

import org.aelab.tensor.Matrix;

/**
 * Per-unit "accuracy" of outputs in [0, 1] against targets in [0, 1], the two ways it can be read for an
 * autoencoder of grey images (002_30a0b8d3c8338d16.txt quotes a Keras "92% accuracy" for its denoiser).
 *
 * <ul>
 *   <li>{@link #keras}: Keras's {@code binary_accuracy}, the metric {@code 'accuracy'} becomes with
 *   {@code binary_crossentropy}: the output is thresholded at 0.5 and compared for equality with the target as it
 *   is. A grey target pixel (strictly between 0 and 1) never equals 0 or 1, so only pixels that are exactly 0 or 1
 *   can count.</li>
 *   <li>{@link #thresholded}: both output and target thresholded at 0.5, the fraction of pixels on the same side.</li>
 * </ul>
 * Neither says how close a grey level is; on MNIST most pixels are background, so an all-black output already
 * scores the fraction of pixels that are 0 (pass {@code Matrix.zeros} as the output to get it).
 */
public final class BinaryAccuracy {
    /** Keras's default threshold: an output above 0.5 counts as 1. */
    public static final double THRESHOLD = 0.5;

    private BinaryAccuracy() {
    }

    /** Fraction of units whose target equals the thresholded output, (y > 0.5 ? 1 : 0) == t, as Keras computes it. */
    public static double keras(Matrix output, Matrix target) {
        check(output, target);
        float[] y = output.data();
        float[] t = target.data();
        long agree = 0;
        int n = output.rows() * output.cols();
        for (int i = 0; i < n; i++) {
            float predicted = y[i] > THRESHOLD ? 1f : 0f;
            if (predicted == t[i]) {
                agree++;
            }
        }
        return (double) agree / n;
    }

    /** Fraction of units where output and target lie on the same side of 0.5: (y > 0.5) == (t > 0.5). */
    public static double thresholded(Matrix output, Matrix target) {
        check(output, target);
        float[] y = output.data();
        float[] t = target.data();
        long agree = 0;
        int n = output.rows() * output.cols();
        for (int i = 0; i < n; i++) {
            if ((y[i] > THRESHOLD) == (t[i] > THRESHOLD)) {
                agree++;
            }
        }
        return (double) agree / n;
    }

    private static void check(Matrix output, Matrix target) {
        if (output == null || target == null) {
            throw new IllegalArgumentException("binary accuracy needs outputs and targets, got " + output + " and " + target);
        }
        output.requireSameShape("target", target);
        if (output.rows() * output.cols() == 0) {
            throw new IllegalArgumentException("binary accuracy needs at least one unit, got outputs of shape " + output.shape());
        }
    }
}
