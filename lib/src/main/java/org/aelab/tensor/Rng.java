package org.aelab.tensor;

import java.util.random.RandomGenerator;

/**
 * A seeded random number generator. Every random choice in the library goes through one, so the same
 * seed gives the same numbers; {@link #split()} derives an independent stream (one per training run).
 *
 * <p>The generator is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 * OOPSLA 2014), the algorithm of {@link java.util.SplittableRandom}, whose numbers it reproduces exactly;
 * it is written out here because its state, two longs, must be saved and restored: a checkpoint of a training
 * run continues with exactly the numbers the run would have drawn ({@link #state()}, {@link #fromState}).
 */
public final class Rng {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private final SplitMix random;

    public Rng(long seed) {
        this(new SplitMix(seed, GOLDEN_GAMMA));
    }

    private Rng(SplitMix random) {
        this.random = random;
    }

    /** The generator's state, to be given to {@link #fromState} later. */
    public long[] state() {
        return new long[] {random.seed, random.gamma};
    }

    /** A generator that continues exactly where the one whose {@link #state()} this is stood. */
    public static Rng fromState(long[] state) {
        if (state == null || state.length != 2 || (state[1] & 1) == 0) {
            throw new IllegalArgumentException("an Rng state is two longs, the second odd, got "
                    + java.util.Arrays.toString(state));
        }
        return new Rng(new SplitMix(state[0], state[1]));
    }

    /** An independent generator derived from this one's state (advances this one). */
    public Rng split() {
        return new Rng(random.split());
    }
    /** Uniform in [0, 1). */
    public float nextFloat() {
        return (float) random.nextDouble();
    }

    /**
     * Skips the next {@code n} draws of {@link #nextFloat()} and returns where they start, so that they can be
     * computed in any order, or in parts at once, by {@link #floatAt}: SplitMix64's k-th output depends on k alone.
     */
    public long reserve(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("number of draws to reserve must be >= 0, got " + n);
        }
        return random.skip(n);
    }

    /**
     * The value the {@code k}-th (from 0) of the draws reserved at {@code position} takes: exactly what the k-th of
     * those {@link #nextFloat()} calls would have returned.
     */
    public float floatAt(long position, int k) {
        return (float) ((SplitMix.mix64(position + (k + 1L) * random.gamma) >>> 11) * 0x1.0p-53);
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return random.nextDouble(low, high);
    }

    public double gaussian() {
        return random.nextGaussian();
    }

    /** Uniform integer in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Fisher–Yates shuffle of {@code values} in place. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    /** A random permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order);
        return order;
    }

    /**
     * SplitMix64: the state advances by an odd gamma; each output is the new state through a bit mixer. Only
     * nextLong and nextInt are its own; the derived draws (doubles, bounded ints, Gaussians) are
     * {@link RandomGenerator}'s, as for {@link java.util.SplittableRandom}.
     */
    private static final class SplitMix implements RandomGenerator {
        private long seed;
        private final long gamma;

        SplitMix(long seed, long gamma) {
            this.seed = seed;
            this.gamma = gamma;
        }

        private long nextSeed() {
            return seed += gamma;
        }

        @Override
        public long nextLong() {
            return mix64(nextSeed());
        }

        static long mix64(long state) {
            long z = (state ^ (state >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }

        /** Advances past n outputs; returns the state before them. */
        long skip(int n) {
            long start = seed;
            seed += n * gamma;
            return start;
        }

        @Override
        public int nextInt() {
            long z = nextSeed();
            z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
            return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
        }

        /** A new stream: its seed is this one's next output, its gamma a mixed odd number with enough bit changes. */
        SplitMix split() {
            return new SplitMix(nextLong(), mixGamma(nextSeed()));
        }

        private static long mixGamma(long value) {
            long z = (value ^ (value >>> 33)) * 0xff51afd7ed558ccdL;
            z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
            z = (z ^ (z >>> 33)) | 1L;
            int transitions = Long.bitCount(z ^ (z >>> 1));
            return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
        }
    }
}
