package org.aelab.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random binary patterns of length {@code n} with exactly {@code ones} (M) ones, every
 * position equally likely: the sparse codes of source 002's storage analysis. The same record
 * always generates the same patterns, so rerunning a notebook cell gives the same numbers.
 *
 * <pre>{@code new RandomPatterns(2000, 10, 42).generate(20_000)}</pre>
 */
public record RandomPatterns(int length, int ones, long seed) {

    public RandomPatterns {
        if (length <= 0) {
            throw new IllegalArgumentException("pattern length n must be positive, got " + length);
        }
        if (ones <= 0 || ones > length) {
            throw new IllegalArgumentException("ones per pattern M must be in [1, n] = [1, " + length + "], got " + ones);
        }
    }

    /** A copy drawing from another seed, e.g. for the answer vectors of hetero-association. */
    public RandomPatterns withSeed(long newSeed) {
        return new RandomPatterns(length, ones, newSeed);
    }

    /** The first {@code count} patterns of this seed's stream. */
    public List<BinaryPattern> generate(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("pattern count must be non-negative, got " + count);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<BinaryPattern> patterns = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            patterns.add(next(rng));
        }
        return List.copyOf(patterns);
    }

    /** Floyd's sampling: M distinct positions out of n in M draws, uniform over all subsets. */
    private BinaryPattern next(SplittableRandom rng) {
        long[] words = new long[BinaryPattern.wordsFor(length)];
        for (int candidate = length - ones; candidate < length; candidate++) {
            int index = rng.nextInt(candidate + 1);
            if ((words[index >>> 6] & (1L << index)) != 0) {
                index = candidate;
            }
            words[index >>> 6] |= 1L << index;
        }
        return BinaryPattern.ofWords(length, words);
    }

    @Override
    public String toString() {
        return "RandomPatterns(n=" + length + ", M=" + ones + ", seed=" + seed + ")";
    }
}
