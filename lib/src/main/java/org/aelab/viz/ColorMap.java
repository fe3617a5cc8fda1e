package org.aelab.viz;

import java.util.List;

/**
 * How a value becomes a colour, for PNG tiles and Plotly heatmaps alike.
 *
 * <ul>
 *   <li>{@link #GRAY}: the lowest value of the range is black, the highest white.</li>
 *   <li>{@link #DIVERGING} for signed weights, centred at 0 as in 000_fa578f4f1251678e.txt's figures:
 *       negative is blue, 0 is white, positive is red. The range is symmetric, ±(largest |value|), so
 *       −a is rgb(33, 102, 172), 0 is rgb(255, 255, 255) and +a is rgb(178, 24, 43), linear in between.</li>
 * </ul>
 */
public enum ColorMap {
    GRAY(new int[] {0, 0, 0}, new int[] {128, 128, 128}, new int[] {255, 255, 255}, new int[] {255, 255, 255}),
    DIVERGING(new int[] {33, 102, 172}, new int[] {255, 255, 255}, new int[] {178, 24, 43}, new int[] {64, 64, 64});

    private final int[] low;
    private final int[] middle;
    private final int[] high;
    private final int[] padding;

    ColorMap(int[] low, int[] middle, int[] high, int[] padding) {
        this.low = low;
        this.middle = middle;
        this.high = high;
        this.padding = padding;
    }

    /** The colour at position {@code t} in [0, 1] of the range (clamped), as 0xRRGGBB. */
    public int rgb(double t) {
        double s = Double.isNaN(t) ? 0.5 : Math.max(0, Math.min(1, t));
        int[] from = s < 0.5 ? low : middle;
        int[] to = s < 0.5 ? middle : high;
        double u = s < 0.5 ? s * 2 : (s - 0.5) * 2;
        int r = (int) Math.round(from[0] + (to[0] - from[0]) * u);
        int g = (int) Math.round(from[1] + (to[1] - from[1]) * u);
        int b = (int) Math.round(from[2] + (to[2] - from[2]) * u);
        return (r << 16) | (g << 8) | b;
    }

    /** Colour of the lines between tiles: white between gray tiles, dark gray between diverging ones. */
    int paddingRgb() {
        return (padding[0] << 16) | (padding[1] << 8) | padding[2];
    }

    /** True when the range is centred at zero (symmetric ±max|value|). */
    boolean centredAtZero() {
        return this == DIVERGING;
    }

    /** The same scale as a Plotly colorscale: [[0, "rgb(…)"], [0.5, …], [1, …]]. */
    List<List<Object>> plotlyScale() {
        return List.of(
                List.of(0, css(low)), List.of(0.5, css(middle)), List.of(1, css(high)));
    }

    private static String css(int[] c) {
        return "rgb(" + c[0] + "," + c[1] + "," + c[2] + ")";
    }
}
