package org.aelab.memory;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An immutable binary vector of fixed length, kept both as the sorted indices of its ones (cheap to
 * walk for sparse codes) and as 64-bit words (cheap to AND and count against a weight row).
 * Bit {@code j} lives in {@code words[j / 64]} at bit position {@code j % 64}.
 *
 * <p>Corruption returns a new pattern ({@code withOnesRemoved}, {@code withOnesAdded}); the original
 * never changes.
 */
public final class BinaryPattern {
    private final int length;
    private final int[] ones;
    private final long[] words;

    private BinaryPattern(int length, long[] words) {
        this.length = length;
        this.words = words;
        this.ones = indicesOfOnes(words);
    }

    /** A pattern from 0/1 values, e.g. {@code BinaryPattern.of(1, 1, 0, 0)}. */
    public static BinaryPattern of(int... values) {
        checkLength(values.length);
        long[] words = new long[wordsFor(values.length)];
        for (int j = 0; j < values.length; j++) {
            if (values[j] != 0 && values[j] != 1) {
                throw new IllegalArgumentException("values[" + j + "] must be 0 or 1, got " + values[j]
                        + " (a binary pattern holds only zeros and ones)");
            }
            if (values[j] == 1) {
                words[j >>> 6] |= 1L << j;
            }
        }
        return new BinaryPattern(values.length, words);
    }

    /** A pattern of the given length with ones exactly at {@code oneIndices} (any order, no repeats). */
    public static BinaryPattern ofOnes(int length, int... oneIndices) {
        checkLength(length);
        long[] words = new long[wordsFor(length)];
        for (int index : oneIndices) {
            if (index < 0 || index >= length) {
                throw new IllegalArgumentException("one index " + index + " is outside the pattern, expected 0 <= index < "
                        + length);
            }
            long bit = 1L << index;
            if ((words[index >>> 6] & bit) != 0) {
                throw new IllegalArgumentException("one index " + index + " is given twice, expected distinct indices");
            }
            words[index >>> 6] |= bit;
        }
        return new BinaryPattern(length, words);
    }

    /** Wraps words the caller will not touch again; bits at or beyond {@code length} must be zero. */
    static BinaryPattern ofWords(int length, long[] words) {
        return new BinaryPattern(length, words);
    }

    static int wordsFor(int length) {
        return (length + 63) >>> 6;
    }

    private static void checkLength(int length) {
        if (length <= 0) {
            throw new IllegalArgumentException("pattern length n must be positive, got " + length);
        }
    }

    private static int[] indicesOfOnes(long[] words) {
        int count = 0;
        for (long word : words) {
            count += Long.bitCount(word);
        }
        int[] indices = new int[count];
        int k = 0;
        for (int w = 0; w < words.length; w++) {
            for (long rest = words[w]; rest != 0; rest &= rest - 1) {
                indices[k++] = (w << 6) + Long.numberOfTrailingZeros(rest);
            }
        }
        return indices;
    }

    public int length() {
        return length;
    }

    /** How many ones the pattern has (M for a sparse code). */
    public int onesCount() {
        return ones.length;
    }

    public boolean isEmpty() {
        return ones.length == 0;
    }

    /** The bit at {@code index}: 0 or 1. */
    public int bit(int index) {
        if (index < 0 || index >= length) {
            throw new IllegalArgumentException("index " + index + " is outside the pattern, expected 0 <= index < " + length);
        }
        return (int) (words[index >>> 6] >>> index) & 1;
    }

    /** The indices of the ones, ascending (a copy). */
    public int[] onesIndices() {
        return ones.clone();
    }

    /** The pattern as 0/1 values (a copy). */
    public int[] toArray() {
        int[] values = new int[length];
        for (int index : ones) {
            values[index] = 1;
        }
        return values;
    }

    /** The indices of the ones, shared: callers in this package read them and never write. */
    int[] ones() {
        return ones;
    }

    /** The 64-bit words, shared: callers in this package read them and never write. */
    long[] words() {
        return words;
    }

    /** Ones of this pattern at indices where {@code other} has ones too. */
    public int overlap(BinaryPattern other) {
        checkSameLength(other);
        int common = 0;
        for (int w = 0; w < words.length; w++) {
            common += Long.bitCount(words[w] & other.words[w]);
        }
        return common;
    }

    /** The number of positions where the two patterns differ. */
    public int hammingDistance(BinaryPattern other) {
        checkSameLength(other);
        int differ = 0;
        for (int w = 0; w < words.length; w++) {
            differ += Long.bitCount(words[w] ^ other.words[w]);
        }
        return differ;
    }

    private void checkSameLength(BinaryPattern other) {
        if (other.length != length) {
            throw new IllegalArgumentException("other pattern has length " + other.length + ", expected " + length
                    + " like this one");
        }
    }

    /**
     * A copy with {@code count} of its ones, chosen uniformly by {@code rng}, set to zero: a question
     * with incomplete information.
     */
    public BinaryPattern withOnesRemoved(int count, RandomGenerator rng) {
        if (count < 0 || count > ones.length) {
            throw new IllegalArgumentException("ones to remove must be in [0, " + ones.length + "] for a pattern with "
                    + ones.length + " ones, got " + count);
        }
        long[] corrupted = words.clone();
        int[] pool = ones.clone();
        sampleInPlace(pool, count, rng);
        for (int k = 0; k < count; k++) {
            corrupted[pool[k] >>> 6] &= ~(1L << pool[k]);
        }
        return new BinaryPattern(length, corrupted);
    }

    /**
     * A copy with {@code count} of its zeros, chosen uniformly by {@code rng}, set to one: a question
     * with false information.
     */
    public BinaryPattern withOnesAdded(int count, RandomGenerator rng) {
        int zeros = length - ones.length;
        if (count < 0 || count > zeros) {
            throw new IllegalArgumentException("ones to add must be in [0, " + zeros + "] for a pattern with " + zeros
                    + " zeros, got " + count);
        }
        long[] corrupted = words.clone();
        int[] pool = new int[zeros];
        for (int j = 0, k = 0; j < length; j++) {
            if ((words[j >>> 6] & (1L << j)) == 0) {
                pool[k++] = j;
            }
        }
        sampleInPlace(pool, count, rng);
        for (int k = 0; k < count; k++) {
            corrupted[pool[k] >>> 6] |= 1L << pool[k];
        }
        return new BinaryPattern(length, corrupted);
    }

    /** Partial Fisher–Yates: afterwards {@code pool[0..count)} is a uniform sample without repeats. */
    static void sampleInPlace(int[] pool, int count, RandomGenerator rng) {
        for (int k = 0; k < count; k++) {
            int pick = k + rng.nextInt(pool.length - k);
            int chosen = pool[pick];
            pool[pick] = pool[k];
            pool[k] = chosen;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryPattern other && other.length == length && Arrays.equals(other.words, words);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(words);
    }

    /** Short patterns print as bits ({@code BinaryPattern[0110]}), long ones as the indices of their ones. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("BinaryPattern[");
        if (length <= 64) {
            for (int j = 0; j < length; j++) {
                s.append(bit(j));
            }
            return s.append(']').toString();
        }
        s.append("n=").append(length).append(", ").append(ones.length).append(" ones");
        int shown = Math.min(ones.length, 12);
        for (int k = 0; k < shown; k++) {
            s.append(k == 0 ? " at " : ", ").append(ones[k]);
        }
        if (shown < ones.length) {
            s.append(", …");
        }
        return s.append(']').toString();
    }
}
