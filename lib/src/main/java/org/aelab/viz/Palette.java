package org.aelab.viz;

import java.util.List;

/**
 * Line and bar colours: trace {@code i} of a chart gets {@link #color(int) color(i)} and
 * {@link #dash(int) dash(i)}, so every trace in one chart looks different up to
 * {@value #DISTINCT} traces. The first ten colours are plotly.js's own defaults; fourteen more,
 * none lighter than CIELAB L* 75 so they show on white, were picked greedily to stay far from those
 * already chosen (the smallest CIE76 distance between any two of the 24 is 27.7). Past 24 traces
 * the colours repeat with a dash pattern: dashed, dotted, dash-dotted.
 */
public final class Palette {
    static final List<String> COLORS = List.of(
            "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
            "#17becf", "#0000e0", "#000020", "#e000e0", "#204000", "#000060", "#600040", "#a0c080", "#e0a060",
            "#008060", "#c00060", "#0060e0", "#004040", "#600000", "#8000a0");
    static final List<String> DASHES = List.of("solid", "dash", "dot", "dashdot");
    /** Traces with a (colour, dash) pair of their own. */
    public static final int DISTINCT = 24 * 4;

    private Palette() {
    }

    /** The colour of trace {@code index} (0-based), as "#rrggbb". */
    public static String color(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("trace index must be >= 0, got " + index);
        }
        return COLORS.get(index % COLORS.size());
    }

    /** The dash pattern of trace {@code index}: solid for the first 24, then dashed, dotted, dash-dotted. */
    public static String dash(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("trace index must be >= 0, got " + index);
        }
        return DASHES.get((index / COLORS.size()) % DASHES.size());
    }
}
