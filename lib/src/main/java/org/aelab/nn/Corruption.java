package org.aelab.nn;

import org.aelab.tensor.Matrix;
import org.aelab.tensor.Rng;

/**
 * Input corruption for denoising autoencoders: the network sees {@code corrupt(x)} and is asked to
 * reconstruct the clean x, so targets stay clean.
 */
public interface Corruption {

    /** Writes a corrupted copy of the first {@code clean.rows()} rows of {@code clean} into {@code out}. */
    void corrupt(Matrix clean, Matrix out, Rng rng);

    /**
     * Masking (multiplicative) noise: each input is set to 0 with probability ν, kept otherwise
     * (003_06d01c1066b95d79.txt: "multiplicative noise, 10% corruption level" is ν = 0.1).
     */
    static Corruption masking(double nu) {
        return new Masking(nu);
    }

    /** Additive Gaussian noise x + N(0, σ²). */
    static Corruption gaussian(double sigma) {
        return new GaussianNoise(sigma);
    }

    /**
     * Additive Gaussian noise clipped to the pixel range: min(1, max(0, x + σ·N(0, 1))). With σ = 0.5 it is the
     * "noise factor 0.5" of 002_30a0b8d3c8338d16.txt's Keras denoising convolutional autoencoder.
     */
    static Corruption clippedGaussian(double sigma) {
        return new ClippedGaussianNoise(sigma);
    }

    /** Each input is, with probability p, set to 0 or 1 (each with probability ½). */
    static Corruption saltAndPepper(double p) {
        return new SaltAndPepper(p);
    }

    record Masking(double nu) implements Corruption {
        public Masking {
            if (!(nu >= 0 && nu < 1)) {
                throw new IllegalArgumentException("masking drop probability nu must be in [0, 1), got " + nu);
            }
        }

        @Override
        public void corrupt(Matrix clean, Matrix out, Rng rng) {
            clean.requireSameShape("out", out);
            Lanes.inHalves(clean.data(), out.data(), clean.rows() * clean.cols(), rng, (float) nu, MASK);
        }

        /** Element i is dropped when its draw, the i-th nextFloat() of the reserved ones, is below ν. */
        private static final Lanes.RandomPass MASK = (x, o, from, to, rng, position, drop) -> {
            for (int i = from; i < to; i++) {
                o[i] = rng.floatAt(position, i) < drop ? 0f : x[i];
            }
        };

        @Override
        public String toString() {
            return "masking(ν=" + nu + ")";
        }
    }

    record GaussianNoise(double sigma) implements Corruption {
        public GaussianNoise {
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("Gaussian noise sigma must be finite and >= 0, got " + sigma);
            }
        }

        @Override
        public void corrupt(Matrix clean, Matrix out, Rng rng) {
            clean.requireSameShape("out", out);
            float[] x = clean.data();
            float[] o = out.data();
            for (int i = 0; i < clean.rows() * clean.cols(); i++) {
                o[i] = x[i] + (float) (sigma * rng.gaussian());
            }
        }

        @Override
        public String toString() {
            return "gaussian(σ=" + sigma + ")";
        }
    }

    record SaltAndPepper(double p) implements Corruption {
        public SaltAndPepper {
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("salt-and-pepper probability p must be in [0, 1), got " + p);
            }
        }

        @Override
        public void corrupt(Matrix clean, Matrix out, Rng rng) {
            clean.requireSameShape("out", out);
            float[] x = clean.data();
            float[] o = out.data();
            for (int i = 0; i < clean.rows() * clean.cols(); i++) {
                float u = rng.nextFloat();
                o[i] = u < p ? (u < p / 2 ? 0f : 1f) : x[i];
            }
        }

        @Override
        public String toString() {
            return "saltAndPepper(p=" + p + ")";
        }
    }

    record ClippedGaussianNoise(double sigma) implements Corruption {
        public ClippedGaussianNoise {
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("Gaussian noise sigma must be finite and >= 0, got " + sigma);
            }
        }

        @Override
        public void corrupt(Matrix clean, Matrix out, Rng rng) {
            clean.requireSameShape("out", out);
            float[] x = clean.data();
            float[] o = out.data();
            for (int i = 0; i < clean.rows() * clean.cols(); i++) {
                o[i] = Math.min(1f, Math.max(0f, x[i] + (float) (sigma * rng.gaussian())));
            }
        }

        @Override
        public String toString() {
            return "clippedGaussian(σ=" + sigma + ", [0, 1])";
        }
    }
}
