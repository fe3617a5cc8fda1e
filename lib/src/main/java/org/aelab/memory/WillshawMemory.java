package org.aelab.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Willshaw associative memory of source 002: an m×n matrix of binary weights w_ij that
 * associates question vectors x (length n) with answer vectors y (length m). Auto-association is
 * the square case where each pattern is its own answer.
 *
 * <p>Learning is the binary Hebb rule, w_ij ← 1 if y_i·x_j = 1, else unchanged. Retrieval is one
 * step: y_i = 1 if Σ_j w_ij·x_j ≥ T, with T chosen by a {@link Threshold}.
 *
 * <p>Weights are bits: row i is {@code wordsPerRow} longs starting at {@code weights[i * wordsPerRow]},
 * so the dendritic sum Σ_j w_ij·x_j is the popcount of (row i AND x), and learning ORs x into the
 * rows where y is one. n = 2 000 needs 4·10⁶ bits = 500 KB. The weights change only through the
 * {@code void} verbs {@link #store} and {@link #clear}.
 */
public final class WillshawMemory {
    private final int rows;
    private final int cols;
    private final int wordsPerRow;
    private final long[] weights;
    private long pairsStored;

    private WillshawMemory(int rows, int cols) {
        if (rows <= 0) {
            throw new IllegalArgumentException("answer length m (rows) must be positive, got " + rows);
        }
        if (cols <= 0) {
            throw new IllegalArgumentException("question length n (columns) must be positive, got " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.wordsPerRow = BinaryPattern.wordsFor(cols);
        this.weights = new long[Math.multiplyExact(rows, wordsPerRow)];
    }

    /** An empty n×n memory for auto-association (every weight zero: nothing stored). */
    public static WillshawMemory auto(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("pattern length n must be positive, got " + n);
        }
        return new WillshawMemory(n, n);
    }

    /** An empty m×n memory associating questions of length n with answers of length m. */
    public static WillshawMemory hetero(int answerLength, int questionLength) {
        return new WillshawMemory(answerLength, questionLength);
    }

    /** Answer length m. */
    public int rows() {
        return rows;
    }

    /** Question length n. */
    public int cols() {
        return cols;
    }

    /** How many pairs {@link #store} has learned since creation or the last {@link #clear}. */
    public long pairsStored() {
        return pairsStored;
    }

    /** Learns the pair (x, y) by the binary Hebb rule: w_ij ← 1 wherever y_i·x_j = 1. */
    public void store(BinaryPattern question, BinaryPattern answer) {
        checkQuestion(question);
        checkAnswer(answer);
        long[] x = question.words();
        int[] activeWords = nonZeroWords(x);
        for (int i : answer.ones()) {
            int row = i * wordsPerRow;
            for (int w : activeWords) {
                weights[row + w] |= x[w];
            }
        }
        pairsStored++;
    }

    /** Auto-association: learns the pair (x, x). */
    public void store(BinaryPattern pattern) {
        store(pattern, pattern);
    }

    /** Learns each pair (questions[k], answers[k]). */
    public void storeAll(List<BinaryPattern> questions, List<BinaryPattern> answers) {
        if (questions.size() != answers.size()) {
            throw new IllegalArgumentException("got " + questions.size() + " questions and " + answers.size()
                    + " answers, expected one answer per question");
        }
        for (int k = 0; k < questions.size(); k++) {
            store(questions.get(k), answers.get(k));
        }
    }

    /** Auto-association: learns each pattern as its own answer. */
    public void storeAll(List<BinaryPattern> patterns) {
        storeAll(patterns, patterns);
    }

    /** Forgets everything: every weight back to zero. */
    public void clear() {
        Arrays.fill(weights, 0L);
        pairsStored = 0;
    }

    /** The dendritic sums s_i = Σ_j w_ij·x_j, one per answer unit. */
    public int[] dendriticSums(BinaryPattern question) {
        checkQuestion(question);
        long[] x = question.words();
        int[] activeWords = nonZeroWords(x);
        int[] sums = new int[rows];
        for (int i = 0; i < rows; i++) {
            int row = i * wordsPerRow;
            int sum = 0;
            for (int w : activeWords) {
                sum += Long.bitCount(weights[row + w] & x[w]);
            }
            sums[i] = sum;
        }
        return sums;
    }

    /**
     * One-step retrieval: y_i = 1 if s_i ≥ T. With {@link Threshold#HARD} the answer is empty when no
     * unit reaches the number of ones in the question. A question with no ones gives T = 0 under
     * either threshold, and then, as the rule says, every unit fires.
     */
    public BinaryPattern recall(BinaryPattern question, Threshold threshold) {
        int[] sums = dendriticSums(question);
        int t = threshold == Threshold.HARD ? question.onesCount() : max(sums);
        long[] answer = new long[BinaryPattern.wordsFor(rows)];
        for (int i = 0; i < rows; i++) {
            if (sums[i] >= t) {
                answer[i >>> 6] |= 1L << i;
            }
        }
        return BinaryPattern.ofWords(rows, answer);
    }

    /** {@link #recall} for each question, in order. */
    public List<BinaryPattern> recallAll(List<BinaryPattern> questions, Threshold threshold) {
        List<BinaryPattern> answers = new ArrayList<>(questions.size());
        for (BinaryPattern question : questions) {
            answers.add(recall(question, threshold));
        }
        return List.copyOf(answers);
    }

    /** The weight w_ij: 0 or 1. */
    public int weight(int i, int j) {
        if (i < 0 || i >= rows) {
            throw new IllegalArgumentException("row i must be in [0, " + rows + "), got " + i);
        }
        if (j < 0 || j >= cols) {
            throw new IllegalArgumentException("column j must be in [0, " + cols + "), got " + j);
        }
        return (int) (weights[i * wordsPerRow + (j >>> 6)] >>> j) & 1;
    }

    /** Number of weights that are one. */
    public long onesCount() {
        long ones = 0;
        for (long word : weights) {
            ones += Long.bitCount(word);
        }
        return ones;
    }

    /** Fraction of weights that are one; compare with {@link WillshawCapacity#expectedFill}. */
    public double fillFraction() {
        return onesCount() / ((double) rows * cols);
    }

    /**
     * The weight matrix shrunk to {@code gridRows × gridCols} cells for display: each cell holds
     * the fraction of ones in its block of weights (blocks differ by at most one row or column).
     */
    public double[][] densityGrid(int gridRows, int gridCols) {
        if (gridRows <= 0 || gridRows > rows) {
            throw new IllegalArgumentException("gridRows must be in [1, " + rows + "], got " + gridRows);
        }
        if (gridCols <= 0 || gridCols > cols) {
            throw new IllegalArgumentException("gridCols must be in [1, " + cols + "], got " + gridCols);
        }
        double[][] grid = new double[gridRows][gridCols];
        for (int gr = 0; gr < gridRows; gr++) {
            int i0 = (int) ((long) gr * rows / gridRows);
            int i1 = (int) ((long) (gr + 1) * rows / gridRows);
            for (int gc = 0; gc < gridCols; gc++) {
                int j0 = (int) ((long) gc * cols / gridCols);
                int j1 = (int) ((long) (gc + 1) * cols / gridCols);
                int ones = 0;
                for (int i = i0; i < i1; i++) {
                    for (int j = j0; j < j1; j++) {
                        ones += (int) (weights[i * wordsPerRow + (j >>> 6)] >>> j) & 1;
                    }
                }
                grid[gr][gc] = ones / (double) ((i1 - i0) * (j1 - j0));
            }
        }
        return grid;
    }

    private static int[] nonZeroWords(long[] x) {
        int count = 0;
        for (long word : x) {
            if (word != 0) {
                count++;
            }
        }
        int[] active = new int[count];
        for (int w = 0, k = 0; w < x.length; w++) {
            if (x[w] != 0) {
                active[k++] = w;
            }
        }
        return active;
    }

    private static int max(int[] values) {
        int best = 0;
        for (int v : values) {
            best = Math.max(best, v);
        }
        return best;
    }

    private void checkQuestion(BinaryPattern question) {
        if (question.length() != cols) {
            throw new IllegalArgumentException("question has length " + question.length() + ", expected " + cols
                    + " (the memory's question length n)");
        }
    }

    private void checkAnswer(BinaryPattern answer) {
        if (answer.length() != rows) {
            throw new IllegalArgumentException("answer has length " + answer.length() + ", expected " + rows
                    + " (the memory's answer length m)");
        }
    }

    /** E.g. {@code WillshawMemory[2000x2000, 20000 pairs stored, fill 0.3935]}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "WillshawMemory[%dx%d, %d pairs stored, fill %.4f]",
                rows, cols, pairsStored, fillFraction());
    }
}
