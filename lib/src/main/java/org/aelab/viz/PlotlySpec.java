package org.aelab.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.plotly.components.Figure;

/**
 * A figure as Plotly JSON: its traces and its layout, written the way current plotly.js (2.x to 4.x)
 * reads them. {@link #json()} is the {@code application/vnd.plotly.v1+json} document
 * {@code {"data": [...], "layout": {...}, "config": {...}}}.
 */
final class PlotlySpec {
    /** plotly.js's own default size, for figures whose layout does not give one. */
    static final int DEFAULT_WIDTH = 700;
    static final int DEFAULT_HEIGHT = 450;
    private static final Map<String, Object> CONFIG = Map.of("displaylogo", false);

    private final List<Map<String, Object>> traces;
    private final Map<String, Object> layout;

    PlotlySpec(List<Map<String, Object>> traces, Map<String, Object> layout) {
        this.traces = List.copyOf(traces);
        this.layout = layout;
    }

    /** The figure of an aelab chart, or of any Tablesaw figure (its JavaScript read back and modernised). */
    static PlotlySpec of(Object chartOrFigure) {
        Figure figure = chartOrFigure instanceof Chart chart ? chart.figure() : (Figure) chartOrFigure;
        if (figure instanceof PlotlyFigure aelab) {
            return new PlotlySpec(aelab.traces(), aelab.layout());
        }
        return TablesawFigures.spec(figure);
    }

    List<Map<String, Object>> traces() {
        return traces;
    }

    Map<String, Object> layout() {
        return layout;
    }

    int width() {
        return layout.get("width") instanceof Number n ? n.intValue() : DEFAULT_WIDTH;
    }

    int height() {
        return layout.get("height") instanceof Number n ? n.intValue() : DEFAULT_HEIGHT;
    }

    String json() {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("data", traces);
        figure.put("layout", layout);
        figure.put("config", CONFIG);
        return Json.of(figure);
    }

    /** A deep copy of a trace or layout map, so combining figures never changes the originals. */
    @SuppressWarnings("unchecked")
    static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;  // strings, numbers, booleans and double[] are never modified in place
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copyMap(Map<String, Object> map) {
        return (Map<String, Object>) copy(map);
    }
}
