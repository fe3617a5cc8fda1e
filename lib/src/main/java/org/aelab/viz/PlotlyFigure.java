package org.aelab.viz;

import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;
import tech.tablesaw.plotly.components.Layout;

/**
 * A Tablesaw {@link Figure} whose traces and layout are Plotly JSON written by aelab, for what
 * Tablesaw's builders cannot say (colour scales centred at zero, value labels on heatmap cells,
 * reversed axes). {@link Viz} sends its traces and layout as Plotly JSON (see {@link PlotlySpec});
 * for Tablesaw code it renders like a Tablesaw figure: {@code asJavascript(div)} returns a script
 * calling {@code Plotly.newPlot(target, data, layout)}.
 */
final class PlotlyFigure extends Figure {
    private final List<Map<String, Object>> traces;
    private final Map<String, Object> layout;
    private final String summary;

    PlotlyFigure(List<Map<String, Object>> traces, Map<String, Object> layout, String summary) {
        super(Layout.builder().build());
        this.traces = List.copyOf(traces);
        this.layout = layout;
        this.summary = summary;
    }

    List<Map<String, Object>> traces() {
        return traces;
    }

    Map<String, Object> layout() {
        return layout;
    }

    @Override
    public String divString(String divName) {
        return "<div id=\"" + divName + "\"></div>\n";
    }

    @Override
    public String asJavascript(String divName) {
        return "<script>\n"
                + "var target_" + divName + " = document.getElementById('" + divName + "');\n"
                + "var data = " + Json.of(traces) + ";\n"
                + "var layout = " + Json.of(layout) + ";\n"
                + "Plotly.newPlot(target_" + divName + ", data, layout, {displaylogo: false});\n"
                + "</script>\n";
    }

    @Override
    public String toString() {
        return summary;
    }
}
