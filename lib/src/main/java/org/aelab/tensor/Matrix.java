package org.aelab.tensor;

import java.util.Arrays;

/**
 * A dense float32 matrix stored row-major in one {@code float[]}: element (r, c) lives at
 * {@code data[r * cols + c]}. Shapes are fixed; values are mutable and changed only by the
 * {@code void} verbs ({@link #set}, {@link #fill}, {@link #copyFrom}). Methods that return a
 * new matrix say so in their name ({@code …Copy}, {@code with…}).
 */
public final class Matrix {
    private final int rows;
    private final int cols;
    private final float[] data;

    private Matrix(int rows, int cols, float[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A new matrix of zeros. */
    public static Matrix zeros(int rows, int cols) {
        checkShape(rows, cols);
        return new Matrix(rows, cols, new float[Math.multiplyExact(rows, cols)]);
    }

    /** Wraps {@code data} (row-major, not copied): writes through the matrix show in the array. */
    public static Matrix wrap(int rows, int cols, float[] data) {
        checkShape(rows, cols);
        if (data.length < (long) rows * cols) {
            throw new IllegalArgumentException("data has " + data.length + " values, a " + rows + "x" + cols
                    + " matrix needs at least " + (long) rows * cols);
        }
        return new Matrix(rows, cols, data);
    }

    /** A copy of a rectangular array of rows; every row must have the same length. */
    public static Matrix of(float[][] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values must have at least one row, got 0");
        }
        int cols = values[0].length;
        Matrix m = zeros(values.length, cols);
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("values row " + r + " has " + values[r].length
                        + " columns, expected " + cols + " like row 0");
            }
            System.arraycopy(values[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    /** A copy of a rectangular array of doubles, rounded to float. */
    public static Matrix of(double[][] values) {
        float[][] f = new float[values.length][];
        for (int r = 0; r < values.length; r++) {
            f[r] = new float[values[r].length];
            for (int c = 0; c < f[r].length; c++) {
                f[r][c] = (float) values[r][c];
            }
        }
        return of(f);
    }

    static void checkShape(int rows, int cols) {
        if (rows <= 0) {
            throw new IllegalArgumentException("rows must be positive, got " + rows);
        }
        if (cols <= 0) {
            throw new IllegalArgumentException("cols must be positive, got " + cols);
        }
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing array (row-major, live): hot loops read and write it directly. */
    public float[] data() {
        return data;
    }

    public float get(int row, int col) {
        return data[index(row, col)];
    }

    public void set(int row, int col, float value) {
        data[index(row, col)] = value;
    }

    private int index(int row, int col) {
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("(" + row + ", " + col + ") is outside a " + rows + "x" + cols + " matrix");
        }
        return row * cols + col;
    }

    public void fill(float value) {
        Arrays.fill(data, 0, rows * cols, value);
    }

    /** Copies every value of {@code source}, which must have this shape. */
    public void copyFrom(Matrix source) {
        requireSameShape("source", source);
        System.arraycopy(source.data, 0, data, 0, rows * cols);
    }

    /** The first {@code n} rows as a matrix sharing this one's storage (row-major makes them a prefix). */
    public Matrix topRows(int n) {
        if (n <= 0 || n > rows) {
            throw new IllegalArgumentException("n must be in 1.." + rows + ", got " + n);
        }
        return n == rows ? this : new Matrix(n, cols, data);
    }

    public Matrix copy() {
        return new Matrix(rows, cols, Arrays.copyOf(data, rows * cols));
    }

    /** A new matrix holding the given rows, in the given order. */
    public Matrix rowsCopy(int[] rowIndices) {
        Matrix out = zeros(rowIndices.length, cols);
        gatherRows(rowIndices, 0, rowIndices.length, out);
        return out;
    }

    /** A new matrix holding rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Matrix rowRangeCopy(int from, int to) {
        if (from < 0 || to > rows || from >= to) {
            throw new IllegalArgumentException("row range must satisfy 0 <= from < to <= " + rows + ", got [" + from + ", " + to + ")");
        }
        return new Matrix(to - from, cols, Arrays.copyOfRange(data, from * cols, to * cols));
    }

    /** Writes rows {@code order[start..start+count)} of this matrix into the first rows of {@code out}. */
    public void gatherRows(int[] order, int start, int count, Matrix out) {
        if (out.cols != cols || out.rows < count) {
            throw new IllegalArgumentException("out must be at least " + count + "x" + cols + ", got " + out.shape());
        }
        for (int i = 0; i < count; i++) {
            int r = order[start + i];
            if (r < 0 || r >= rows) {
                throw new IndexOutOfBoundsException("row " + r + " is outside a matrix of " + rows + " rows");
            }
            System.arraycopy(data, r * cols, out.data, i * cols, cols);
        }
    }

    /**
     * A new matrix holding the rows of {@code blocks} one after another, e.g. corrupted inputs, their
     * reconstructions and the clean images as three bands of one picture. All blocks need the same columns.
     */
    public static Matrix stackRows(Matrix... blocks) {
        if (blocks == null || blocks.length == 0) {
            throw new IllegalArgumentException("stackRows needs at least one matrix, got none");
        }
        int cols = blocks[0].cols;
        int rows = 0;
        for (int b = 0; b < blocks.length; b++) {
            if (blocks[b] == null) {
                throw new IllegalArgumentException("stackRows block " + b + " is null");
            }
            if (blocks[b].cols != cols) {
                throw new IllegalArgumentException("stackRows block " + b + " is " + blocks[b].shape()
                        + ", expected " + cols + " columns like block 0");
            }
            rows = Math.addExact(rows, blocks[b].rows);
        }
        Matrix out = zeros(rows, cols);
        int offset = 0;
        for (Matrix block : blocks) {
            System.arraycopy(block.data, 0, out.data, offset, block.rows * cols);
            offset += block.rows * cols;
        }
        return out;
    }

    /** The element-wise sum this + {@code other}, as a new matrix of the same shape. */
    public Matrix plus(Matrix other) {
        requireSameShape("other", other);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            out.data[i] = data[i] + other.data[i];
        }
        return out;
    }

    /** The element-wise difference this − {@code other}, as a new matrix of the same shape. */
    public Matrix minus(Matrix other) {
        requireSameShape("other", other);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            out.data[i] = data[i] - other.data[i];
        }
        return out;
    }

    /** Every value multiplied by {@code factor}, as a new matrix. */
    public Matrix times(double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("factor must be finite, got " + factor);
        }
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            out.data[i] = (float) (data[i] * factor);
        }
        return out;
    }

    /** The sum of all values. */
    public double sum() {
        double sum = 0;
        for (int i = 0; i < rows * cols; i++) {
            sum += data[i];
        }
        return sum;
    }

    /** How many values are greater than {@code threshold}. */
    public long countAbove(double threshold) {
        long count = 0;
        for (int i = 0; i < rows * cols; i++) {
            if (data[i] > threshold) {
                count++;
            }
        }
        return count;
    }

    /** How many values are less than {@code threshold}. */
    public long countBelow(double threshold) {
        long count = 0;
        for (int i = 0; i < rows * cols; i++) {
            if (data[i] < threshold) {
                count++;
            }
        }
        return count;
    }

    /** A new matrix of the same shape with 1 where this matrix's value differs from {@code other}'s, 0 elsewhere. */
    public Matrix differsFrom(Matrix other) {
        requireSameShape("other", other);
        Matrix out = zeros(rows, cols);
        for (int i = 0; i < rows * cols; i++) {
            out.data[i] = data[i] != other.data[i] ? 1f : 0f;
        }
        return out;
    }

    /** The mean of (a − b)² over all values: the mean squared error of {@code a} against {@code b}. */
    public static double meanSquaredError(Matrix a, Matrix b) {
        a.requireSameShape("b", b);
        double sum = 0;
        for (int i = 0; i < a.rows * a.cols; i++) {
            double e = a.data[i] - b.data[i];
            sum += e * e;
        }
        return sum / ((double) a.rows * a.cols);
    }

    /**
     * The mean of (a − b)² over the values where {@code mask} is not 0 (e.g. the pixels a noise changed, from
     * {@link #differsFrom}); NaN when the mask selects nothing.
     */
    public static double meanSquaredError(Matrix a, Matrix b, Matrix mask) {
        a.requireSameShape("b", b);
        a.requireSameShape("mask", mask);
        double sum = 0;
        long selected = 0;
        for (int i = 0; i < a.rows * a.cols; i++) {
            if (mask.data[i] != 0) {
                double e = a.data[i] - b.data[i];
                sum += e * e;
                selected++;
            }
        }
        return selected == 0 ? Double.NaN : sum / selected;
    }

    /** Row {@code r} as a new array. */
    public float[] rowCopy(int r) {
        if (r < 0 || r >= rows) {
            throw new IndexOutOfBoundsException("row " + r + " is outside a matrix of " + rows + " rows");
        }
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    /** The transpose, as a new matrix. */
    public Matrix transposeCopy() {
        Matrix t = zeros(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t.data[c * rows + r] = data[r * cols + c];
            }
        }
        return t;
    }

    public double[][] toDoubleArray() {
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = data[r * cols + c];
            }
        }
        return out;
    }

    /** Index of the largest value in row {@code r} (first one on ties). */
    public int argmaxOfRow(int r) {
        int best = 0;
        int base = r * cols;
        for (int c = 1; c < cols; c++) {
            if (data[base + c] > data[base + best]) {
                best = c;
            }
        }
        return best;
    }

    public double mean() {
        double sum = 0;
        for (int i = 0; i < rows * cols; i++) {
            sum += data[i];
        }
        return sum / ((double) rows * cols);
    }

    /** Mean of each column, as a new 1 x cols matrix. */
    public Matrix columnMeans() {
        Matrix out = zeros(1, cols);
        double[] sums = new double[cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                sums[c] += data[r * cols + c];
            }
        }
        for (int c = 0; c < cols; c++) {
            out.data[c] = (float) (sums[c] / rows);
        }
        return out;
    }

    /** Throws unless every value is finite; {@code name} tells the user which input was bad. */
    public void requireFinite(String name) {
        for (int i = 0; i < rows * cols; i++) {
            if (!Float.isFinite(data[i])) {
                throw new IllegalArgumentException(name + " must be finite, got " + data[i]
                        + " at (" + i / cols + ", " + i % cols + ")");
            }
        }
    }

    /** Throws unless {@code other} has this matrix's shape; {@code name} names it in the message. */
    public void requireSameShape(String name, Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException(name + " must be " + shape() + ", got " + other.shape());
        }
    }

    public String shape() {
        return rows + "x" + cols;
    }

    /** Element-wise equality of shape and every value (bit-for-bit, NaN equal to NaN). */
    public boolean sameValues(Matrix other) {
        return rows == other.rows && cols == other.cols
                && Arrays.equals(data, 0, rows * cols, other.data, 0, rows * cols);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Matrix ").append(shape());
        int shownRows = Math.min(rows, 8);
        int shownCols = Math.min(cols, 10);
        for (int r = 0; r < shownRows; r++) {
            sb.append("\n  ");
            for (int c = 0; c < shownCols; c++) {
                sb.append(String.format("%8.4f", data[r * cols + c]));
            }
            if (shownCols < cols) {
                sb.append("  …");
            }
        }
        if (shownRows < rows) {
            sb.append("\n  … ").append(rows - shownRows).append(" more rows");
        }
        return sb.toString();
    }
}
