package org.aelab.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.aelab.tensor.Matrix;
import tech.tablesaw.plotly.components.Figure;

/**
 * Points in the plane, one colour per label: 2-D codes of an autoencoder or a PCA projection,
 * coloured by digit. Each distinct label becomes one trace, named after the label and listed in
 * ascending order, so the legend toggles a class on and off; the i-th smallest label gets
 * {@link Palette#color(int) colour i}, so two charts of the same labels use the same colours.
 * Immutable; {@code with…} returns a copy.
 *
 * <pre>{@code
 * Viz.show(Panels.row(
 *         ScatterChart.of(codes, test.labels()).withTitle("deep autoencoder, 2-D codes").withAxisTitles("code 1", "code 2"),
 *         ScatterChart.of(pca.encode(test.images()), test.labels()).withTitle("PCA, first 2 components")));
 * }</pre>
 *
 * Markers are small (3 px, slightly transparent) so that 10 000 points still show their clusters.
 */
public final class ScatterChart implements Chart {
    /** One label's points. */
    private record Group(int label, double[] x, double[] y) {
    }

    private final List<Group> groups;
    private final int pointCount;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final int markerSize;
    private final int width;
    private final int height;

    private ScatterChart(List<Group> groups, int pointCount, String title, String xTitle, String yTitle,
                         int markerSize, int width, int height) {
        this.groups = groups;
        this.pointCount = pointCount;
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.markerSize = markerSize;
        this.width = width;
        this.height = height;
    }

    /**
     * Row {@code i} of {@code points} (n×2: x, y) drawn in the colour of {@code labels[i]}; the
     * points are copied.
     */
    public static ScatterChart of(Matrix points, int[] labels) {
        requirePlanePoints(points);
        if (labels == null || labels.length != points.rows()) {
            throw new IllegalArgumentException("labels must have one entry per row of points (" + points.rows()
                    + "), got " + (labels == null ? "null" : labels.length));
        }
        TreeMap<Integer, List<Integer>> rowsByLabel = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            rowsByLabel.computeIfAbsent(labels[i], label -> new ArrayList<>()).add(i);
        }
        List<Group> groups = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> entry : rowsByLabel.entrySet()) {
            List<Integer> rows = entry.getValue();
            double[] x = new double[rows.size()];
            double[] y = new double[rows.size()];
            for (int k = 0; k < rows.size(); k++) {
                x[k] = points.get(rows.get(k), 0);
                y[k] = points.get(rows.get(k), 1);
            }
            groups.add(new Group(entry.getKey(), x, y));
        }
        return new ScatterChart(List.copyOf(groups), points.rows(), "", "", "", 3, 560, 480);
    }

    /** All points in one colour, without a legend. */
    public static ScatterChart of(Matrix points) {
        requirePlanePoints(points);
        return of(points, new int[points.rows()]);
    }

    private static void requirePlanePoints(Matrix points) {
        if (points == null) {
            throw new IllegalArgumentException("points must be an n×2 matrix (x, y per row), got null");
        }
        if (points.cols() != 2) {
            throw new IllegalArgumentException("points must have 2 columns (x, y per row), got " + points.shape()
                    + "; for codes of more dimensions pick two columns or project them first");
        }
        points.requireFinite("points");
    }

    public ScatterChart withTitle(String title) {
        return new ScatterChart(groups, pointCount, text(title), xTitle, yTitle, markerSize, width, height);
    }

    public ScatterChart withAxisTitles(String xTitle, String yTitle) {
        return new ScatterChart(groups, pointCount, title, text(xTitle), text(yTitle), markerSize, width, height);
    }

    /** Marker diameter in pixels (default 3). */
    public ScatterChart withMarkerSize(int pixels) {
        if (pixels < 1 || pixels > 40) {
            throw new IllegalArgumentException("marker size must be 1..40 pixels, got " + pixels);
        }
        return new ScatterChart(groups, pointCount, title, xTitle, yTitle, pixels, width, height);
    }

    public ScatterChart withSize(int width, int height) {
        Sizes.check(width, height);
        return new ScatterChart(groups, pointCount, title, xTitle, yTitle, markerSize, width, height);
    }

    /** The distinct labels, ascending: one trace each. */
    public int[] labels() {
        return groups.stream().mapToInt(Group::label).toArray();
    }

    @Override
    public Figure figure() {
        List<Map<String, Object>> traces = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("type", "scatter");
            trace.put("mode", "markers");
            trace.put("name", Integer.toString(group.label()));
            trace.put("x", group.x());
            trace.put("y", group.y());
            trace.put("marker", Map.of("color", Palette.color(g), "size", markerSize, "opacity", 0.7));
            traces.add(trace);
        }
        Map<String, Object> layout = Sizes.layout(title, width, height);
        layout.put("xaxis", Sizes.axis(xTitle, false));
        layout.put("yaxis", Sizes.axis(yTitle, false));
        layout.put("showlegend", groups.size() > 1);
        // bigger legend symbols than the 3-px markers, so the colours can be told apart
        layout.put("legend", Map.of("itemsizing", "constant"));
        return new PlotlyFigure(traces, layout, toString());
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String toString() {
        StringBuilder counts = new StringBuilder();
        for (Group group : groups) {
            counts.append(counts.length() == 0 ? "" : ", ").append(group.label()).append(": ").append(group.x().length);
        }
        return "ScatterChart[" + (title.isEmpty() ? "" : "\"" + title + "\", ") + pointCount
                + (pointCount == 1 ? " point, " : " points, ") + groups.size()
                + (groups.size() == 1 ? " label {" : " labels {") + counts + "}]";
    }
}
