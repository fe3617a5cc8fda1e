package org.aelab.nn;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;

/** Weight initialisers for a fan-in × fan-out weight matrix. Biases start at zero. */
public interface Init {

    void fill(Matrix weights, Rng rng);

    /** Uniform in (−a, a); 000_fa578f4f1251678e.txt uses a = 0.1. */
    static Init uniform(double a) {
        if (!(a > 0) || Double.isInfinite(a)) {
            throw new IllegalArgumentException("uniform init bound a must be finite and > 0, got " + a);
        }
        return new Named("uniform(±" + a + ")", (w, rng) -> fillUniform(w, rng, a));
    }

    /** Glorot/Xavier uniform: a = √(6 / (fanIn + fanOut)). */
    static Init glorot() {
        return new Named("glorot", (w, rng) -> fillUniform(w, rng, Math.sqrt(6.0 / (w.rows() + w.cols()))));
    }

    /** He normal: N(0, 2 / fanIn), for ReLU layers. */
    static Init he() {
        return new Named("he", (w, rng) -> {
            double std = Math.sqrt(2.0 / w.rows());
            float[] d = w.data();
            for (int i = 0; i < d.length; i++) {
                d[i] = (float) (std * rng.gaussian());
            }
        });
    }

    private static void fillUniform(Matrix w, Rng rng, double a) {
        float[] d = w.data();
        for (int i = 0; i < w.rows() * w.cols(); i++) {
            d[i] = (float) rng.uniform(-a, a);
        }
    }

    /** An initialiser with a printable name. */
    record Named(String name, Init init) implements Init {
        @Override
        public void fill(Matrix weights, Rng rng) {
            init.fill(weights, rng);
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
