package org.aelab.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Curves against a common x axis: learning curves, sweeps. Immutable; {@code with…} returns a copy.
 *
 * <pre>{@code
 * Viz.show(LineChart.of(history.table(), "epoch", "loss", "validation").withTitle("8-3-8, lr 0.05").withLogY());
 * LineChart sweep = LineChart.create().withTitle("momentum sweep, lr 0.01");
 * for (Run run : runs) {
 *     sweep = sweep.withCurve("m = " + run.momentum(), run.history().table(), "epoch", "loss");
 * }
 * }</pre>
 * (compiled and run in {@code JavadocExamplesTest})
 *
 * Each curve gets its own colour (and past 24 curves its own dash pattern, see {@link Palette}); a
 * long title is wrapped to the chart's width; a log y axis spanning decades is labelled at powers
 * of ten. Curves longer than {@link #withMaxPoints max points} (default 2 000) are thinned to every k-th
 * point, keeping the last, so a 20 000-epoch history does not put megabytes into the notebook.
 */
public final class LineChart implements Chart {
    /** One named curve. */
    public record Curve(String name, double[] x, double[] y) {
        public Curve {
            if (x == null || y == null || x.length != y.length) {
                throw new IllegalArgumentException("curve '" + name + "' needs x and y of equal length, got "
                        + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
            }
            if (x.length == 0) {
                throw new IllegalArgumentException("curve '" + name + "' has no points");
            }
            x = x.clone();
            y = y.clone();
        }

        @Override
        public String toString() {
            return name + " (" + x.length + " points)";
        }
    }

    private final List<Curve> curves;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final boolean logY;
    private final int width;
    private final int height;
    private final int maxPoints;

    private LineChart(List<Curve> curves, String title, String xTitle, String yTitle, boolean logY,
                      int width, int height, int maxPoints) {
        this.curves = List.copyOf(curves);
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.logY = logY;
        this.width = width;
        this.height = height;
        this.maxPoints = maxPoints;
    }

    /** An empty chart; add curves with {@link #withCurve}. */
    public static LineChart create() {
        return new LineChart(List.of(), "", "", "", false, 640, 400, 2000);
    }

    /** One curve per y column, named after it, against column {@code xColumn}; axis titles from the column names. */
    public static LineChart of(Table table, String xColumn, String... yColumns) {
        if (yColumns == null || yColumns.length == 0) {
            throw new IllegalArgumentException("yColumns must name at least one column of table '"
                    + (table == null ? null : table.name()) + "', got none");
        }
        LineChart chart = create().withAxisTitles(xColumn, yColumns.length == 1 ? yColumns[0] : "");
        for (String y : yColumns) {
            chart = chart.withCurve(y, table, xColumn, y);
        }
        return chart;
    }

    public LineChart withCurve(String name, double[] x, double[] y) {
        List<Curve> more = new ArrayList<>(curves);
        more.add(new Curve(name, x, y));
        return new LineChart(more, title, xTitle, yTitle, logY, width, height, maxPoints);
    }

    public LineChart withCurve(String name, Table table, String xColumn, String yColumn) {
        return withCurve(name, Columns.numbers(table, xColumn), Columns.numbers(table, yColumn));
    }

    public LineChart withTitle(String title) {
        return new LineChart(curves, text(title), xTitle, yTitle, logY, width, height, maxPoints);
    }

    public LineChart withAxisTitles(String xTitle, String yTitle) {
        return new LineChart(curves, title, text(xTitle), text(yTitle), logY, width, height, maxPoints);
    }

    /** A logarithmic y axis, for losses spanning decades. */
    public LineChart withLogY() {
        return new LineChart(curves, title, xTitle, yTitle, true, width, height, maxPoints);
    }

    public LineChart withSize(int width, int height) {
        Sizes.check(width, height);
        return new LineChart(curves, title, xTitle, yTitle, logY, width, height, maxPoints);
    }

    public LineChart withMaxPoints(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("maxPoints must be at least 2, got " + maxPoints);
        }
        return new LineChart(curves, title, xTitle, yTitle, logY, width, height, maxPoints);
    }

    public List<Curve> curves() {
        return curves;
    }

    @Override
    public Figure figure() {
        if (curves.isEmpty()) {
            throw new IllegalStateException("this LineChart has no curves; add one with withCurve(name, x, y)");
        }
        List<Map<String, Object>> traces = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = 0;
        for (int c = 0; c < curves.size(); c++) {
            Curve curve = curves.get(c);
            int[] kept = thinned(curve.x().length, maxPoints);
            double[] x = new double[kept.length];
            double[] y = new double[kept.length];
            for (int i = 0; i < kept.length; i++) {
                x[i] = curve.x()[kept[i]];
                y[i] = curve.y()[kept[i]];
                if (y[i] > 0 && Double.isFinite(y[i])) {
                    low = Math.min(low, y[i]);
                    high = Math.max(high, y[i]);
                }
            }
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("type", "scatter");
            trace.put("mode", kept.length == 1 ? "markers" : "lines");
            trace.put("name", curve.name());
            trace.put("x", x);
            trace.put("y", y);
            trace.put("line", Map.of("color", Palette.color(c), "dash", Palette.dash(c)));
            trace.put("marker", Map.of("color", Palette.color(c)));
            traces.add(trace);
        }
        Map<String, Object> layout = Sizes.layout(title, width, height);
        layout.put("xaxis", Sizes.axis(xTitle, false));
        layout.put("yaxis", logY ? Sizes.logAxis(yTitle, low, high) : Sizes.axis(yTitle, false));
        layout.put("showlegend", curves.size() > 1);
        return new PlotlyFigure(traces, layout, toString());
    }

    /** Indices 0, k, 2k, … and the last, with k the smallest stride giving at most {@code maxPoints}. */
    static int[] thinned(int n, int maxPoints) {
        if (n <= maxPoints) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) {
                all[i] = i;
            }
            return all;
        }
        int stride = (n - 1 + maxPoints - 2) / (maxPoints - 1);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < n - 1; i += stride) {
            kept.add(i);
        }
        kept.add(n - 1);
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        return "LineChart[" + (title.isEmpty() ? "" : "\"" + title + "\", ") + curves.size()
                + (curves.size() == 1 ? " curve " : " curves ") + curves + (logY ? ", log y" : "") + "]";
    }
}
