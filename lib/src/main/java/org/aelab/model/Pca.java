package org.aelab.model;

import java.util.Arrays;
import org.aelab.tensor.Gemm;
import org.aelab.tensor.Matrix;
import org.aelab.tensor.SymmetricEigen;

/**
 * Principal component analysis of the rows of a data matrix: the mean row, and the eigenvectors of the
 * covariance C = (1/N)·X_cᵀ·X_c of the centred rows X_c, ordered by the variance along them. The top k
 * components span the k-dimensional subspace with the least squared reconstruction error, which is why PCA
 * is the yardstick for a linear autoencoder with k hidden units: its training MSE per value can be no lower
 * than {@link #discardedVariance(int)} / d.
 *
 * <pre>{@code
 * Pca pca = Pca.fit(images);                       // N × d
 * Matrix codes = pca.encode(images, 49);           // N × 49
 * Matrix back = pca.reconstruct(heldOut, 49);      // N' × d, in the training mean and components
 * }</pre>
 */
public final class Pca {
    private final Matrix mean;
    private final Matrix components;
    private final double[] variances;
    private final int rows;

    private Pca(Matrix mean, Matrix components, double[] variances, int rows) {
        this.mean = mean;
        this.components = components;
        this.variances = variances;
        this.rows = rows;
    }

    /** Fits the mean and the principal components of {@code data}'s rows (at least 2 rows). */
    public static Pca fit(Matrix data) {
        if (data.rows() < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 rows of data, got " + data.shape());
        }
        data.requireFinite("data");
        Matrix mean = data.columnMeans();
        Matrix centred = centre(data, mean);
        Matrix covariance = Matrix.zeros(data.cols(), data.cols());
        Gemm.standard().gemm(true, false, 1f / data.rows(), centred, centred, 0f, covariance);
        SymmetricEigen eigen = SymmetricEigen.of(covariance);
        double[] variances = eigen.values().clone();
        for (int k = 0; k < variances.length; k++) {
            variances[k] = Math.max(0, variances[k]);  // rounding can leave -1e-9 where the variance is 0
        }
        return new Pca(mean, eigen.vectors(), variances, data.rows());
    }

    /** The number of values per row, d. */
    public int dimensions() {
        return mean.cols();
    }

    /** The mean row (1 × d), a copy. */
    public Matrix meanCopy() {
        return mean.copy();
    }

    /** The variance of the data along each component, largest first (the covariance's eigenvalues). */
    public double[] variances() {
        return variances.clone();
    }

    /** The top {@code k} components as the columns of a new d × k matrix. */
    public Matrix components(int k) {
        checkK(k, 1);
        Matrix out = Matrix.zeros(dimensions(), k);
        for (int i = 0; i < dimensions(); i++) {
            for (int c = 0; c < k; c++) {
                out.set(i, c, components.get(i, c));
            }
        }
        return out;
    }

    /** Each row of {@code x} minus the fitted mean row: a new N × d matrix, the data a linear autoencoder is compared on. */
    public Matrix centred(Matrix x) {
        checkColumns(x);
        return centre(x, mean);
    }

    /** Codes (x − mean)·V_k of each row of {@code x}: a new N × k matrix. */
    public Matrix encode(Matrix x, int k) {
        checkK(k, 1);
        checkColumns(x);
        Matrix codes = Matrix.zeros(x.rows(), k);
        Gemm.standard().gemm(false, false, 1f, centre(x, mean), components(k), 0f, codes);
        return codes;
    }

    /** Rows mean + codes·V_kᵀ for N × k {@code codes}: a new N × d matrix. */
    public Matrix decode(Matrix codes) {
        int k = codes.cols();
        checkK(k, 1);
        Matrix out = Matrix.zeros(codes.rows(), dimensions());
        Gemm.standard().gemm(false, true, 1f, codes, components(k), 0f, out);
        float[] o = out.data();
        float[] m = mean.data();
        for (int r = 0; r < out.rows(); r++) {
            for (int c = 0; c < m.length; c++) {
                o[r * m.length + c] += m[c];
            }
        }
        return out;
    }

    /** The rank-{@code k} reconstruction decode(encode(x, k)). With k = 0 every row becomes the mean row. */
    public Matrix reconstruct(Matrix x, int k) {
        checkK(k, 0);
        checkColumns(x);
        if (k > 0) {
            return decode(encode(x, k));
        }
        Matrix means = Matrix.zeros(x.rows(), dimensions());
        for (int r = 0; r < x.rows(); r++) {
            System.arraycopy(mean.data(), 0, means.data(), r * dimensions(), dimensions());
        }
        return means;
    }

    /**
     * The variance the top {@code k} components leave out: the sum of the remaining eigenvalues, which is the
     * mean squared reconstruction error per row on the fitted data (divide by d for the error per value).
     */
    public double discardedVariance(int k) {
        checkK(k, 0);
        double sum = 0;
        for (int i = k; i < variances.length; i++) {
            sum += variances[i];
        }
        return sum;
    }

    private static Matrix centre(Matrix x, Matrix mean) {
        Matrix centred = x.copy();
        float[] d = centred.data();
        float[] m = mean.data();
        for (int r = 0; r < x.rows(); r++) {
            for (int c = 0; c < m.length; c++) {
                d[r * m.length + c] -= m[c];
            }
        }
        return centred;
    }

    private void checkK(int k, int smallest) {
        if (k < smallest || k > dimensions()) {
            throw new IllegalArgumentException("number of components k must be in " + smallest + ".." + dimensions()
                    + ", got " + k);
        }
    }

    private void checkColumns(Matrix x) {
        if (x.cols() != dimensions()) {
            throw new IllegalArgumentException("x must have " + dimensions() + " columns like the data PCA was fitted"
                    + " to, got " + x.shape());
        }
        x.requireFinite("x");
    }

    @Override
    public String toString() {
        return "Pca[" + dimensions() + " dimensions from " + rows + " rows, variances " + (float) variances[0] + " … "
                + (float) variances[variances.length - 1] + ", total " + (float) Arrays.stream(variances).sum() + "]";
    }
}
