package org.aelab.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Bars per category, one or more series side by side (mean activation per hidden unit, accuracy per setting).
 *
 * <pre>{@code
 * Viz.show(BarChart.of(units, meanPlain).withSeries("sparse", meanSparse).withTitle("mean hidden activation"));
 * Viz.show(BarChart.of(results, "model", "testAccuracy"));
 * }</pre>
 */
public final class BarChart implements Chart {
    private record Series(String name, double[] values) {
    }

    private final List<String> categories;
    private final List<Series> series;
    private final String title;
    private final String xTitle;
    private final String yTitle;
    private final int width;
    private final int height;

    private BarChart(List<String> categories, List<Series> series, String title, String xTitle, String yTitle,
                     int width, int height) {
        this.categories = categories;
        this.series = List.copyOf(series);
        this.title = title;
        this.xTitle = xTitle;
        this.yTitle = yTitle;
        this.width = width;
        this.height = height;
    }

    /** One series named "value": a bar of height {@code values[i]} for {@code categories[i]}. */
    public static BarChart of(String[] categories, double[] values) {
        if (categories == null || categories.length == 0) {
            throw new IllegalArgumentException("categories must name at least one bar, got "
                    + (categories == null ? "null" : "none"));
        }
        return new BarChart(List.of(categories), List.of(), "", "", "", 640, 400).withSeries("value", values);
    }

    /** Bars labelled by {@code categoryColumn}, one series per value column. */
    public static BarChart of(Table table, String categoryColumn, String... valueColumns) {
        if (valueColumns == null || valueColumns.length == 0) {
            throw new IllegalArgumentException("valueColumns must name at least one numeric column, got none");
        }
        String[] categories = Columns.strings(table, categoryColumn);
        BarChart chart = new BarChart(List.of(categories), List.of(), "", categoryColumn,
                valueColumns.length == 1 ? valueColumns[0] : "", 640, 400);
        for (String column : valueColumns) {
            chart = chart.withSeries(column, Columns.numbers(table, column));
        }
        return chart;
    }

    /** Another series of bars, one value per category. */
    public BarChart withSeries(String name, double[] values) {
        if (values == null || values.length != categories.size()) {
            throw new IllegalArgumentException("series '" + name + "' must have " + categories.size()
                    + " values, one per category, got " + (values == null ? "null" : values.length));
        }
        List<Series> more = new ArrayList<>(series);
        more.add(new Series(name, values.clone()));
        return new BarChart(categories, more, title, xTitle, yTitle, width, height);
    }

    public BarChart withTitle(String title) {
        return new BarChart(categories, series, title == null ? "" : title, xTitle, yTitle, width, height);
    }

    public BarChart withAxisTitles(String xTitle, String yTitle) {
        return new BarChart(categories, series, title, xTitle == null ? "" : xTitle, yTitle == null ? "" : yTitle,
                width, height);
    }

    public BarChart withSize(int width, int height) {
        Sizes.check(width, height);
        return new BarChart(categories, series, title, xTitle, yTitle, width, height);
    }

    @Override
    public Figure figure() {
        List<Map<String, Object>> traces = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            Map<String, Object> trace = new LinkedHashMap<>();
            trace.put("type", "bar");
            trace.put("name", s.name());
            trace.put("x", categories);
            trace.put("y", s.values());
            trace.put("marker", Map.of("color", Palette.color(i)));
            traces.add(trace);
        }
        Map<String, Object> layout = Sizes.layout(title, width, height);
        Map<String, Object> xAxis = Sizes.axis(xTitle, false);
        xAxis.put("type", "category");
        layout.put("xaxis", xAxis);
        layout.put("yaxis", Sizes.axis(yTitle, false));
        layout.put("barmode", "group");
        layout.put("showlegend", series.size() > 1);
        return new PlotlyFigure(traces, layout, toString());
    }

    @Override
    public String toString() {
        List<String> names = series.stream().map(Series::name).toList();
        return "BarChart[" + (title.isEmpty() ? "" : "\"" + title + "\", ") + categories.size() + " categories, series "
                + names + "]";
    }
}
