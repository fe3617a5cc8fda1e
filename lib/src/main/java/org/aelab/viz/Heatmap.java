package org.aelab.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aelab.tensor.Matrix;
import tech.tablesaw.plotly.components.Figure;

/**
 * A matrix as coloured cells, row 0 at the top, as a Plotly heatmap (hover shows each value).
 * Signed weights use {@link ColorMap#DIVERGING} (the default): blue negative, white zero, red
 * positive, symmetric about 0; activations in [0, 1] read better with {@link ColorMap#GRAY}.
 *
 * <pre>{@code
 * Viz.show(Heatmap.of(encoder.weights()).withTitle("input → hidden").withAxisTitles("hidden unit j", "input n").withValues());
 * }</pre>
 */
public final class Heatmap implements Chart {
    /** Beyond this the page gets megabytes of JSON; PNG tiles are the better picture. */
    static final int MAX_CELLS = 100_000;

    private final double[][] values;
    private final ColorMap colorMap;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final List<String> rowLabels;
    private final List<String> columnLabels;
    private final boolean showValues;
    private final int width;
    private final int height;

    private Heatmap(double[][] values, ColorMap colorMap, String title, String xTitle, String yTitle,
                    List<String> rowLabels, List<String> columnLabels, boolean showValues, int width, int height) {
        this.values = values;
        this.colorMap = colorMap;
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.rowLabels = rowLabels;
        this.columnLabels = columnLabels;
        this.showValues = showValues;
        this.width = width;
        this.height = height;
    }

    /** A heatmap of {@code matrix} (copied), diverging colours centred at 0. */
    public static Heatmap of(Matrix matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException("matrix must not be null");
        }
        int rows = matrix.rows();
        int cols = matrix.cols();
        if ((long) rows * cols > MAX_CELLS) {
            throw new IllegalArgumentException("a " + matrix.shape() + " matrix has " + (long) rows * cols
                    + " cells, too many for an interactive heatmap (at most " + MAX_CELLS + "); draw it as a PNG: "
                    + "Tiles.ofMatrix(matrix).withColorMap(ColorMap.DIVERGING)");
        }
        int cell = Math.max(8, Math.min(48, 640 / Math.max(rows, cols)));
        int width = Math.max(240, Math.min(1400, 140 + cols * cell));
        int height = Math.max(200, Math.min(1400, 100 + rows * cell));
        return new Heatmap(matrix.toDoubleArray(), ColorMap.DIVERGING, "", "", "", List.of(), List.of(), false, width, height);
    }

    public Heatmap withColorMap(ColorMap colorMap) {
        if (colorMap == null) {
            throw new IllegalArgumentException("colorMap must be ColorMap.GRAY or ColorMap.DIVERGING, got null");
        }
        return new Heatmap(values, colorMap, title, xTitle, yTitle, rowLabels, columnLabels, showValues, width, height);
    }

    public Heatmap withTitle(String title) {
        return new Heatmap(values, colorMap, text(title), xTitle, yTitle, rowLabels, columnLabels, showValues, width, height);
    }

    /** Titles of the x axis (columns) and y axis (rows). */
    public Heatmap withAxisTitles(String xTitle, String yTitle) {
        return new Heatmap(values, colorMap, title, text(xTitle), text(yTitle), rowLabels, columnLabels, showValues, width, height);
    }

    /** Names for the rows, top to bottom (one per row). */
    public Heatmap withRowLabels(String... labels) {
        return new Heatmap(values, colorMap, title, xTitle, yTitle, labels("rowLabels", labels, values.length),
                columnLabels, showValues, width, height);
    }

    /** Names for the columns, left to right (one per column). */
    public Heatmap withColumnLabels(String... labels) {
        return new Heatmap(values, colorMap, title, xTitle, yTitle, rowLabels,
                labels("columnLabels", labels, values[0].length), showValues, width, height);
    }

    /** Writes each value in its cell (whole numbers as they are, others with 2 decimals): for small matrices. */
    public Heatmap withValues() {
        return new Heatmap(values, colorMap, title, xTitle, yTitle, rowLabels, columnLabels, true, width, height);
    }

    public Heatmap withSize(int width, int height) {
        Sizes.check(width, height);
        return new Heatmap(values, colorMap, title, xTitle, yTitle, rowLabels, columnLabels, showValues, width, height);
    }

    @Override
    public Figure figure() {
        Map<String, Object> trace = new LinkedHashMap<>();
        trace.put("type", "heatmap");
        List<Object> z = new ArrayList<>();
        for (double[] row : values) {
            z.add(row);
        }
        trace.put("z", z);
        trace.put("x", columnLabels.isEmpty() ? indices(values[0].length) : columnLabels);
        trace.put("y", rowLabels.isEmpty() ? indices(values.length) : rowLabels);
        trace.put("colorscale", colorMap.plotlyScale());
        if (colorMap.centredAtZero()) {
            double a = largestMagnitude();
            trace.put("zmin", -a);
            trace.put("zmax", a);
        }
        trace.put("xgap", 1);
        trace.put("ygap", 1);
        if (showValues) {
            trace.put("texttemplate", allWhole() ? "%{z}" : "%{z:.2f}");
            trace.put("textfont", Map.of("size", 10));
        }
        Map<String, Object> layout = Sizes.layout(title, width, height);
        Map<String, Object> xAxis = Sizes.axis(xTitle, false);
        xAxis.put("type", "category");
        Map<String, Object> yAxis = Sizes.axis(yTitle, false);
        yAxis.put("type", "category");
        yAxis.put("autorange", "reversed");
        layout.put("xaxis", xAxis);
        layout.put("yaxis", yAxis);
        layout.put("plot_bgcolor", "#888");
        return new PlotlyFigure(List.of(trace), layout, toString());
    }

    private boolean allWhole() {
        for (double[] row : values) {
            for (double v : row) {
                if (v != Math.rint(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    private double largestMagnitude() {
        double a = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    a = Math.max(a, Math.abs(v));
                }
            }
        }
        return a == 0 ? 1 : a;
    }

    private static List<String> indices(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }

    private static List<String> labels(String parameter, String[] labels, int expected) {
        if (labels == null || labels.length != expected) {
            throw new IllegalArgumentException(parameter + " must have " + expected + " labels, one per "
                    + (parameter.startsWith("row") ? "row" : "column") + ", got " + (labels == null ? "null" : labels.length));
        }
        return List.of(labels);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "Heatmap[" + (title.isEmpty() ? "" : "\"" + title + "\", ") + values.length + "x" + values[0].length
                + ", " + colorMap.name().toLowerCase() + (showValues ? ", values shown" : "") + "]";
    }
}
