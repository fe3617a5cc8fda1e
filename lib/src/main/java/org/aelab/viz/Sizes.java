package org.aelab.viz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Layout pieces shared by the charts: size checks, titles that fit, axes. */
final class Sizes {
    /** plotly.js's title font size. */
    static final int TITLE_FONT = 17;
    /** A generous average glyph width of plotly.js's default font, as a fraction of its size. */
    static final double GLYPH_WIDTH = 0.6;
    static final int TITLE_LINE_HEIGHT = 22;

    private Sizes() {
    }

    static void check(int width, int height) {
        if (width < 100 || width > 4000) {
            throw new IllegalArgumentException("width must be 100..4000 pixels, got " + width);
        }
        if (height < 100 || height > 4000) {
            throw new IllegalArgumentException("height must be 100..4000 pixels, got " + height);
        }
    }

    /**
     * A title broken at spaces into lines that fit {@code widthPx} at {@code fontPx}; a word longer
     * than a line is cut with "…".
     */
    static List<String> wrap(String title, int widthPx, int fontPx) {
        int perLine = Math.max(8, (int) (widthPx / (fontPx * GLYPH_WIDTH)));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : title.trim().split("\\s+")) {
            if (word.length() > perLine) {
                word = word.substring(0, perLine - 1) + "…";
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > perLine) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** Width, height, margins and the title, wrapped to the figure's width with room for it in the top margin. */
    static Map<String, Object> layout(String title, int width, int height) {
        Map<String, Object> layout = new LinkedHashMap<>();
        int top = 20;
        if (!title.isEmpty()) {
            List<String> lines = wrap(title, width - 20, TITLE_FONT);
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("text", String.join("<br>", lines));
            t.put("x", 0.5);
            t.put("xanchor", "center");
            top = 24 + TITLE_LINE_HEIGHT * lines.size();
            // centred in the top margin, which is sized for its lines
            t.put("y", 1 - top / 2.0 / height);
            t.put("yref", "container");
            t.put("yanchor", "middle");
            t.put("font", Map.of("size", TITLE_FONT));
            layout.put("title", t);
        }
        layout.put("width", width);
        layout.put("height", height);
        layout.put("margin", Map.of("l", 60, "r", 20, "t", top, "b", 50));
        return layout;
    }

    static Map<String, Object> axis(String title, boolean log) {
        Map<String, Object> axis = new LinkedHashMap<>();
        if (!title.isEmpty()) {
            axis.put("title", Map.of("text", title));
        }
        if (log) {
            axis.put("type", "log");
        }
        return axis;
    }

    /**
     * A log axis over values from {@code low} to {@code high} (positive). When two or more powers of
     * ten lie in the range, ticks sit at powers of ten only, labelled 10ⁿ, with unlabelled grid lines
     * between. In a narrower range, ticks sit at 1, 2 and 5 × 10ⁿ, labelled as plain numbers (0.1,
     * 0.2, 0.5), instead of plotly.js's bare digits at every minor tick.
     */
    static Map<String, Object> logAxis(String title, double low, double high) {
        Map<String, Object> axis = axis(title, true);
        if (!(low > 0) || !(high >= low) || !Double.isFinite(high)) {
            return axis;
        }
        int first = (int) Math.ceil(Math.log10(low) - 1e-9);
        int last = (int) Math.floor(Math.log10(high) + 1e-9);
        if (last - first >= 1) {
            axis.put("dtick", 1);
            axis.put("exponentformat", "power");
            axis.put("showexponent", "all");
            axis.put("minor", Map.of("dtick", "D1", "showgrid", true, "gridcolor", "#f2f2f2", "ticks", ""));
            return axis;
        }
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int k = first - 1; k <= last; k++) {
            for (int m : new int[] {1, 2, 5}) {
                double v = m * Math.pow(10, k);
                if (v >= low * (1 - 1e-9) && v <= high * (1 + 1e-9)) {
                    values.add(Double.parseDouble(String.format(java.util.Locale.ROOT, "%.1e", v)));
                    labels.add(new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.1e", v))
                            .stripTrailingZeros().toPlainString());
                }
            }
        }
        if (values.size() >= 2) {
            axis.put("tickmode", "array");
            axis.put("tickvals", values);
            axis.put("ticktext", labels);
        }
        return axis;
    }
}
