package org.aelab.model;

import java.util.List;
import org.aelab.nn.GaussianKl;
import org.aelab.tensor.Matrix;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Where a set of codes lies, to compare with the standard normal N(0, I) a variational autoencoder's prior is:
 * the mean of the codes, their covariance (1/N)·Σ (μ − m)(μ − m)ᵀ and, for a VAE's Gaussian codes, the mean of
 * the variances σ² and the mean KL(N(μ, σ²) ‖ N(0, I)) per image (in total and per latent dimension).
 *
 * <p>The codes of all the images together form the aggregate posterior, a mixture of N(μ_i, σ_i²); its covariance
 * is cov(μ) + diag(mean σ²) ({@link #aggregateCovariance}). The KL term pulls it towards the identity.
 * For deterministic codes (PCA, a plain autoencoder) the variances and KL are NaN.
 */
public record LatentStatistics(int count, double[] mean, double[][] covariance, double[] meanVariance,
                               double klPerImage, double[] klPerDimension) {

    /** Statistics of deterministic codes, one per row (no variances, no KL). */
    public static LatentStatistics ofCodes(Matrix codes) {
        int d = checkCodes(codes);
        double[] nan = new double[d];
        java.util.Arrays.fill(nan, Double.NaN);
        return new LatentStatistics(codes.rows(), means(codes), covariance(codes), nan, Double.NaN, nan.clone());
    }

    /** Statistics of Gaussian codes N(μ, σ²), given as rows of means and log-variances. */
    public static LatentStatistics of(Matrix mean, Matrix logVariance) {
        int d = checkCodes(mean);
        mean.requireSameShape("logVariance", logVariance);
        double[] meanVariance = new double[d];
        double[] klPerDimension = new double[d];
        for (int r = 0; r < mean.rows(); r++) {
            for (int j = 0; j < d; j++) {
                double mu = mean.get(r, j);
                double logVar = logVariance.get(r, j);
                meanVariance[j] += Math.exp(logVar) / mean.rows();
                klPerDimension[j] += -0.5 * (1 + logVar - mu * mu - Math.exp(logVar)) / mean.rows();
            }
        }
        double kl = GaussianKl.sum(mean, logVariance) / mean.rows();
        return new LatentStatistics(mean.rows(), means(mean), covariance(mean), meanVariance, kl, klPerDimension);
    }

    /** cov(μ) + diag(mean σ²): the covariance of all the codes sampled together (cov(μ) for deterministic codes). */
    public double[][] aggregateCovariance() {
        double[][] out = new double[covariance.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = covariance[i].clone();
            if (!Double.isNaN(meanVariance[i])) {
                out[i][i] += meanVariance[i];
            }
        }
        return out;
    }

    /** The codes' dimensions. */
    public int dimensions() {
        return mean.length;
    }

    /**
     * A table comparing code sets, one row per set: mean, variance of each dimension, the covariance of the first
     * two, mean σ² and KL per image. A VAE's row is followed by its aggregate (μ and σ² together), and the standard
     * normal ends the table as the yardstick.
     */
    public static Table table(String title, List<String> names, List<LatentStatistics> statistics) {
        if (names == null || statistics == null || names.size() != statistics.size() || names.isEmpty()) {
            throw new IllegalArgumentException("give one name per statistics, got " + names + " for "
                    + (statistics == null ? "null" : statistics.size() + " statistics"));
        }
        int d = statistics.get(0).dimensions();
        for (LatentStatistics s : statistics) {
            if (s.dimensions() != d) {
                throw new IllegalArgumentException("all codes must have the same dimensions, got " + d + " and " + s.dimensions());
            }
        }
        StringColumn codes = StringColumn.create("codes");
        DoubleColumn[] means = new DoubleColumn[d];
        DoubleColumn[] variances = new DoubleColumn[d];
        for (int j = 0; j < d; j++) {
            means[j] = DoubleColumn.create("mean z" + (j + 1));
            variances[j] = DoubleColumn.create("variance z" + (j + 1));
        }
        DoubleColumn covariance12 = DoubleColumn.create("covariance z1, z2");
        DoubleColumn meanSigma2 = DoubleColumn.create("mean σ² (per dimension)");
        DoubleColumn kl = DoubleColumn.create("KL per image");
        for (int k = 0; k < statistics.size(); k++) {
            LatentStatistics s = statistics.get(k);
            addRow(codes, means, variances, covariance12, meanSigma2, kl, names.get(k) + (Double.isNaN(s.klPerImage) ? "" : ": μ"),
                    s.mean, s.covariance, averageOf(s.meanVariance), s.klPerImage);
            if (!Double.isNaN(s.klPerImage)) {
                addRow(codes, means, variances, covariance12, meanSigma2, kl, names.get(k) + ": all codes (μ + σ·ε)",
                        s.mean, s.aggregateCovariance(), Double.NaN, Double.NaN);
            }
        }
        double[][] identity = new double[d][d];
        for (int j = 0; j < d; j++) {
            identity[j][j] = 1;
        }
        addRow(codes, means, variances, covariance12, meanSigma2, kl, "N(0, I), the prior", new double[d], identity,
                Double.NaN, Double.NaN);
        Table table = Table.create(title, codes);
        table.addColumns(means);
        table.addColumns(variances);
        if (d >= 2) {
            table.addColumns(covariance12);
        }
        table.addColumns(meanSigma2, kl);
        return table;
    }

    private static void addRow(StringColumn codes, DoubleColumn[] means, DoubleColumn[] variances, DoubleColumn covariance12,
                               DoubleColumn meanSigma2, DoubleColumn kl, String name, double[] mean, double[][] covariance,
                               double sigma2, double klValue) {
        codes.append(name);
        for (int j = 0; j < means.length; j++) {
            means[j].append(mean[j]);
            variances[j].append(covariance[j][j]);
        }
        covariance12.append(means.length >= 2 ? covariance[0][1] : Double.NaN);
        meanSigma2.append(sigma2);
        kl.append(klValue);
    }

    private static double averageOf(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static int checkCodes(Matrix codes) {
        if (codes == null || codes.rows() < 2) {
            throw new IllegalArgumentException("code statistics need at least 2 codes, got "
                    + (codes == null ? "null" : codes.shape()));
        }
        codes.requireFinite("codes");
        return codes.cols();
    }

    private static double[] means(Matrix codes) {
        double[] out = new double[codes.cols()];
        for (int r = 0; r < codes.rows(); r++) {
            for (int j = 0; j < out.length; j++) {
                out[j] += codes.get(r, j);
            }
        }
        for (int j = 0; j < out.length; j++) {
            out[j] /= codes.rows();
        }
        return out;
    }

    private static double[][] covariance(Matrix codes) {
        double[] m = means(codes);
        int d = m.length;
        double[][] out = new double[d][d];
        for (int r = 0; r < codes.rows(); r++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out[i][j] += (codes.get(r, i) - m[i]) * (codes.get(r, j) - m[j]) / codes.rows();
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("LatentStatistics[" + count + " codes, mean ");
        sb.append(format(mean)).append(", covariance ");
        for (double[] row : covariance) {
            sb.append(format(row));
        }
        if (!Double.isNaN(klPerImage)) {
            sb.append(", mean σ² ").append(format(meanVariance)).append(String.format(", KL per image %.4f", klPerImage))
                    .append(" (per dimension ").append(format(klPerDimension)).append(")");
        }
        return sb.append("]").toString();
    }

    private static String format(double[] values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(String.format("%.4f", values[i]));
        }
        return sb.append("]").toString();
    }
}
