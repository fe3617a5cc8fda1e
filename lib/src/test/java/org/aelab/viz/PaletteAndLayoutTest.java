package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

/** Charts a student can read: a colour per line, titles that fit, log axes at powers of ten. */
class PaletteAndLayoutTest {

    private static Map<String, Object> figure(Chart chart) {
        RecordingFrontend frontend = new RecordingFrontend();
        new Display(frontend).show(chart);
        return DisplayTest.figure(frontend.last);
    }

    private static final class RecordingFrontend implements Frontend {
        Output last;

        @Override
        public String display(Output output) {
            last = output;
            return "id";
        }

        @Override
        public void update(String displayId, Output output) {
            last = output;
        }

        @Override
        public boolean isKernel() {
            return true;
        }

        @Override
        public String describe() {
            return "recording";
        }
    }

    /** CIELAB of "#rrggbb" (D65). */
    private static double[] lab(String hex) {
        double[] rgb = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            rgb[i] = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
        double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
        double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
        java.util.function.DoubleUnaryOperator f = t -> t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16.0 / 116;
        return new double[] {116 * f.applyAsDouble(y) - 16, 500 * (f.applyAsDouble(x) - f.applyAsDouble(y)),
                200 * (f.applyAsDouble(y) - f.applyAsDouble(z))};
    }

    @Test
    void twentyFourColoursAreFarApartAndNoneTooLightForWhite() {
        List<String> colours = Palette.COLORS;
        assertEquals(24, new HashSet<>(colours).size());
        for (int i = 0; i < colours.size(); i++) {
            double[] a = lab(colours.get(i));
            assertTrue(a[0] <= 75.5, colours.get(i) + " is too light on white: L* " + a[0]);
            for (int j = i + 1; j < colours.size(); j++) {
                double[] b = lab(colours.get(j));
                double distance = Math.sqrt(Math.pow(a[0] - b[0], 2) + Math.pow(a[1] - b[1], 2) + Math.pow(a[2] - b[2], 2));
                assertTrue(distance >= 27, colours.get(i) + " and " + colours.get(j) + " are only ΔE " + distance + " apart");
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Palette.color(-1));
    }

    @Test
    void everyLineOfAChartHasItsOwnLook() {
        for (int n : new int[] {11, 24, 30, Palette.DISTINCT}) {
            LineChart chart = LineChart.create();
            for (int i = 0; i < n; i++) {
                chart = chart.withCurve("M = " + i, new double[] {0, 1}, new double[] {i, i + 1});
            }
            List<?> traces = (List<?>) figure(chart).get("data");
            Set<String> looks = new HashSet<>();
            Set<String> colours = new HashSet<>();
            for (Object trace : traces) {
                Map<?, ?> line = (Map<?, ?>) ((Map<?, ?>) trace).get("line");
                looks.add(line.get("color") + " " + line.get("dash"));
                colours.add((String) line.get("color"));
            }
            assertEquals(n, looks.size(), n + " curves need " + n + " different (colour, dash) pairs: " + looks);
            assertEquals(Math.min(n, 24), colours.size(), "up to 24 curves each get a colour of their own");
        }
        BarChart bars = BarChart.of(new String[] {"a"}, new double[] {1}).withSeries("b", new double[] {2});
        List<?> traces = (List<?>) figure(bars).get("data");
        assertFalse(((Map<?, ?>) ((Map<?, ?>) traces.get(0)).get("marker")).get("color")
                .equals(((Map<?, ?>) ((Map<?, ?>) traces.get(1)).get("marker")).get("color")));
    }

    @Test
    void longTitlesWrapToTheFigureWidthWithRoomAbove() {
        String title = "density of ones in the stored pairs, sparse to dense codes, n = 1000 (8 recalls per point)";
        Heatmap narrow = Heatmap.of(Matrix.zeros(4, 4)).withTitle(title);
        Map<?, ?> layout = (Map<?, ?>) figure(narrow).get("layout");
        int width = ((Number) layout.get("width")).intValue();
        String text = (String) ((Map<?, ?>) layout.get("title")).get("text");
        String[] lines = text.split("<br>");
        assertTrue(lines.length >= 3, "a " + title.length() + "-character title on a " + width + " px figure wraps: " + text);
        assertEquals(title, String.join(" ", lines), "wrapping only breaks at spaces");
        for (String line : lines) {
            assertTrue(line.length() * Sizes.TITLE_FONT * Sizes.GLYPH_WIDTH <= width - 20, "'" + line + "' fits " + width + " px");
        }
        int top = ((Number) ((Map<?, ?>) layout.get("margin")).get("t")).intValue();
        assertTrue(top >= lines.length * Sizes.TITLE_LINE_HEIGHT, "top margin " + top + " px holds " + lines.length + " lines");

        Map<?, ?> wide = (Map<?, ?>) figure(LineChart.create().withTitle("short").withCurve("a", new double[] {1}, new double[] {1}))
                .get("layout");
        assertEquals("short", ((Map<?, ?>) wide.get("title")).get("text"));
        assertEquals(List.of("ab…"), Sizes.wrap("abcdefghijklmnopqrstuvwxyz", 50, 10).subList(0, 1).stream()
                .map(s -> s.substring(0, 2) + s.substring(s.length() - 1)).toList(), "a word longer than a line is cut");
    }

    @Test
    void logAxesSpanningDecadesAreLabelledAtPowersOfTenOnly() {
        LineChart decades = LineChart.create().withLogY().withCurve("loss", new double[] {1, 2, 3}, new double[] {0.9, 0.02, 0.0004});
        Map<?, ?> y = (Map<?, ?>) ((Map<?, ?>) figure(decades).get("layout")).get("yaxis");
        assertEquals("log", y.get("type"));
        assertEquals(1.0, ((Number) y.get("dtick")).doubleValue(), "one tick per decade: " + y);
        assertEquals("power", y.get("exponentformat"));
        LineChart oneDecade = LineChart.create().withLogY().withCurve("loss", new double[] {1, 2}, new double[] {0.7, 0.068});
        Map<?, ?> narrow = (Map<?, ?>) ((Map<?, ?>) figure(oneDecade).get("layout")).get("yaxis");
        assertFalse(narrow.containsKey("dtick"), narrow.toString());
        assertEquals(List.of(0.1, 0.2, 0.5), narrow.get("tickvals"), "one power of ten inside: 1, 2, 5 × 10ⁿ");
        assertEquals(List.of("0.1", "0.2", "0.5"), narrow.get("ticktext"), "labelled as numbers, not bare digits");
        Map<?, ?> twoDecades = Sizes.logAxis("", 0.0018, 0.7);
        assertEquals(1, twoDecades.get("dtick"), "0.01 and 0.1 inside: powers of ten only");
    }
}
