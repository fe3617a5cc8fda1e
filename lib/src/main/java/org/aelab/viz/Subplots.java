package org.aelab.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several charts and images side by side as ONE Plotly figure, so a row of panels is a single
 * {@code application/vnd.plotly.v1+json} output. Each item keeps its own margins, axes, title
 * (drawn as an annotation), colour bar and legend; images become {@code image} traces drawn pixel
 * for pixel. Plot areas are top-aligned in one row, {@value #GAP} px apart; when the row would be
 * wider than {@value #MAX_WIDTH} px the charts' plot areas narrow (to half their width at most).
 */
final class Subplots {
    static final int GAP = 16;
    static final int CAPTION_HEIGHT = 26;
    static final int COLORBAR_ROOM = 60;
    static final int TITLE_FONT = 16;
    /** About the width of a JupyterLab output area on a laptop screen. */
    static final int MAX_WIDTH = 1100;

    private Subplots() {
    }

    /** One slot of the row: a chart's figure or an image. */
    private record Slot(PlotlySpec spec, PngImage image, String caption) {
        Map<String, Object> margin() {
            if (spec != null && spec.layout().get("margin") instanceof Map<?, ?> m) {
                return Map.of("l", number(m.get("l"), 80), "r", number(m.get("r"), 80),
                        "t", number(m.get("t"), 100), "b", number(m.get("b"), 80));
            }
            return spec != null ? Map.of("l", 80, "r", 80, "t", 100, "b", 80) : Map.of("l", 0, "r", 0, "t", 0, "b", 0);
        }

        int left() {
            return (int) margin().get("l");
        }

        int right() {
            return (int) margin().get("r");
        }

        int top() {
            return (int) margin().get("t");
        }

        int bottom() {
            return (int) margin().get("b");
        }

        int plotWidth() {
            return spec != null ? Math.max(20, spec.width() - left() - right()) : image.width();
        }

        int plotHeight() {
            return spec != null ? Math.max(20, spec.height() - top() - bottom()) : image.height();
        }

        boolean colorbar() {
            return spec != null && spec.traces().stream().anyMatch(t -> "heatmap".equals(t.get("type"))
                    && !Boolean.FALSE.equals(t.get("showscale")));
        }

        boolean legend() {
            if (spec == null) {
                return false;
            }
            Object shown = spec.layout().get("showlegend");
            return shown instanceof Boolean b ? b : spec.traces().size() > 1;
        }

        /** Room for the legend: about 7 px per character of the longest trace name, plus the line sample. */
        int legendWidth() {
            int longest = 0;
            for (Map<String, Object> t : spec.traces()) {
                longest = Math.max(longest, String.valueOf(t.getOrDefault("name", "")).length());
            }
            return 50 + 7 * longest;
        }

        int extraRight() {
            return (colorbar() ? COLORBAR_ROOM : 0) + (legend() ? legendWidth() : 0);
        }
    }

    private static int number(Object v, int fallback) {
        return v instanceof Number n ? n.intValue() : fallback;
    }

    /** The items (charts, Tablesaw figures, images) and optional captions as one figure. */
    static PlotlySpec of(List<Object> items, List<String> captions) {
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            String caption = captions.isEmpty() ? "" : captions.get(i);
            if (item instanceof Chart || item instanceof tech.tablesaw.plotly.components.Figure) {
                slots.add(new Slot(PlotlySpec.of(item), null, caption));
            } else if (Renderer.isImage(item)) {
                slots.add(new Slot(null, Renderer.image(item), caption));
            } else {
                throw new IllegalArgumentException("a Panels row with a chart draws as one Plotly figure and can hold"
                        + " only charts and images; item " + i + " is a " + item.getClass().getSimpleName()
                        + ": show it on its own with Viz.show");
            }
        }
        int captionRoom = captions.isEmpty() ? 0 : CAPTION_HEIGHT;
        int fixed = -GAP;
        int scalable = 0;
        int top = 0;
        int below = 0;
        for (Slot s : slots) {
            fixed += s.left() + s.right() + s.extraRight() + GAP + (s.spec() == null ? s.plotWidth() : 0);
            scalable += s.spec() == null ? 0 : s.plotWidth();
            top = Math.max(top, s.top());
        }
        double factor = scalable == 0 ? 1 : Math.max(0.5, Math.min(1, (MAX_WIDTH - fixed) / (double) scalable));
        int[] plotWidths = new int[slots.size()];
        int totalWidth = fixed;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            plotWidths[i] = s.spec() == null ? s.plotWidth() : (int) Math.round(s.plotWidth() * factor);
            totalWidth += s.spec() == null ? 0 : plotWidths[i];
            below = Math.max(below, s.plotHeight() + s.bottom());
        }
        int totalHeight = captionRoom + top + below;
        List<Map<String, Object>> traces = new ArrayList<>();
        Map<String, Object> layout = new LinkedHashMap<>();
        List<Object> annotations = new ArrayList<>();
        List<Object> shapes = new ArrayList<>();
        layout.put("width", totalWidth);
        layout.put("height", totalHeight);
        layout.put("margin", Map.of("l", 0, "r", 0, "t", 0, "b", 0));
        int left = 0;
        boolean anyLegend = false;
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            String k = i == 0 ? "" : Integer.toString(i + 1);
            int plotLeft = left + s.left();
            int plotRight = plotLeft + plotWidths[i];
            int slotWidth = s.left() + plotWidths[i] + s.right() + s.extraRight();
            double x0 = plotLeft / (double) totalWidth;
            double x1 = plotRight / (double) totalWidth;
            double yTop = 1 - (captionRoom + top) / (double) totalHeight;
            double yBottom = 1 - (captionRoom + top + s.plotHeight()) / (double) totalHeight;
            Map<String, Object> xAxis;
            Map<String, Object> yAxis;
            if (s.spec() != null) {
                xAxis = axis(s.spec().layout().get("xaxis"));
                yAxis = axis(s.spec().layout().get("yaxis"));
                String legendName = "legend" + k;
                for (Map<String, Object> original : s.spec().traces()) {
                    Map<String, Object> trace = PlotlySpec.copyMap(original);
                    trace.put("xaxis", "x" + k);
                    trace.put("yaxis", "y" + k);
                    if (s.legend()) {
                        trace.put("legend", legendName);
                    } else {
                        trace.put("showlegend", false);
                    }
                    if (s.colorbar() && "heatmap".equals(trace.get("type"))) {
                        Map<String, Object> bar = new LinkedHashMap<>();
                        bar.put("x", (plotRight + 8) / (double) totalWidth);
                        bar.put("xanchor", "left");
                        bar.put("y", (yTop + yBottom) / 2);
                        bar.put("yanchor", "middle");
                        bar.put("len", yTop - yBottom);
                        bar.put("thickness", 14);
                        trace.put("colorbar", bar);
                    }
                    traces.add(trace);
                }
                if (s.legend()) {
                    anyLegend = true;
                    Map<String, Object> legend = new LinkedHashMap<>();
                    if (s.spec().layout().get("legend") instanceof Map<?, ?> own && own.get("itemsizing") != null) {
                        legend.put("itemsizing", own.get("itemsizing"));
                    }
                    legend.put("x", (plotRight + 8 + (s.colorbar() ? COLORBAR_ROOM : 0)) / (double) totalWidth);
                    legend.put("xanchor", "left");
                    legend.put("y", yTop);
                    legend.put("yanchor", "top");
                    layout.put(legendName, legend);
                }
                if (s.spec().layout().get("plot_bgcolor") instanceof String colour) {
                    shapes.add(Map.of("type", "rect", "xref", "x" + k + " domain", "yref", "y" + k + " domain",
                            "x0", 0, "x1", 1, "y0", 0, "y1", 1, "fillcolor", colour, "line", Map.of("width", 0),
                            "layer", "below"));
                }
                String title = titleText(s.spec().layout().get("title"));
                if (!title.isEmpty()) {
                    annotations.add(annotation(title, (plotLeft + plotRight) / 2.0 / totalWidth,
                            1 - (captionRoom + top - s.top() / 2.0) / totalHeight, TITLE_FONT));
                }
            } else {
                xAxis = imageAxis(new double[] {-0.5, s.image().width() - 0.5});
                yAxis = imageAxis(new double[] {s.image().height() - 0.5, -0.5});
                Map<String, Object> trace = new LinkedHashMap<>();
                trace.put("type", "image");
                trace.put("source", "data:image/png;base64," + s.image().toBase64());
                trace.put("hoverinfo", "skip");
                trace.put("xaxis", "x" + k);
                trace.put("yaxis", "y" + k);
                traces.add(trace);
            }
            xAxis.put("domain", List.of(x0, x1));
            xAxis.put("anchor", "y" + k);
            yAxis.put("domain", List.of(yBottom, yTop));
            yAxis.put("anchor", "x" + k);
            layout.put("xaxis" + k, xAxis);
            layout.put("yaxis" + k, yAxis);
            if (!s.caption().isEmpty()) {
                annotations.add(annotation("<b>" + Html.escape(s.caption()) + "</b>",
                        (left + slotWidth / 2.0) / totalWidth, 1 - (CAPTION_HEIGHT / 2.0) / totalHeight, 14));
            }
            left += slotWidth + GAP;
        }
        if (!annotations.isEmpty()) {
            layout.put("annotations", annotations);
        }
        if (!shapes.isEmpty()) {
            layout.put("shapes", shapes);
        }
        layout.put("showlegend", anyLegend);
        return new PlotlySpec(traces, layout);
    }

    private static Map<String, Object> axis(Object original) {
        return original instanceof Map<?, ?> m ? PlotlySpec.copyMap(cast(m)) : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static Map<String, Object> imageAxis(double[] range) {
        Map<String, Object> axis = new LinkedHashMap<>();
        axis.put("range", List.of(range[0], range[1]));
        axis.put("visible", false);
        axis.put("fixedrange", true);
        return axis;
    }

    private static String titleText(Object title) {
        if (title instanceof String s) {
            return s;
        }
        if (title instanceof Map<?, ?> m && m.get("text") instanceof String s) {
            return s;
        }
        return "";
    }

    private static Map<String, Object> annotation(String text, double x, double y, int fontSize) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("text", text);
        a.put("x", x);
        a.put("y", y);
        a.put("xref", "paper");
        a.put("yref", "paper");
        a.put("xanchor", "center");
        a.put("yanchor", "middle");
        a.put("showarrow", false);
        a.put("font", Map.of("size", fontSize));
        return a;
    }
}
