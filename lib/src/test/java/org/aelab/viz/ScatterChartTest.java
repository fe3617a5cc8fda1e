package org.aelab.viz;

import static org.aelab.viz.DisplayTest.figure;
import static org.aelab.viz.DisplayTest.list;
import static org.aelab.viz.DisplayTest.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;

class ScatterChartTest {

    /** Five points: labels 7, 2, 7, 0, 2 → traces "0" (1 point), "2" (2 points), "7" (2 points). */
    private static final Matrix POINTS = Matrix.of(new float[][] {{0.5f, 1f}, {2f, -1f}, {3f, 0.25f}, {-4f, 4f}, {1f, 1f}});
    private static final int[] LABELS = {7, 2, 7, 0, 2};

    private static Map<String, Object> shown(Object content) {
        DisplayTest.RecordingKernel kernel = new DisplayTest.RecordingKernel();
        new Display(kernel).show(content);
        assertEquals(1, kernel.shown.size());
        Output output = kernel.shown.get(0);
        assertEquals(List.of(Output.PLOTLY, Output.HTML, Output.TEXT), List.copyOf(output.data().keySet()),
                "a Plotly bundle with an HTML fallback");
        return figure(output);
    }

    @Test
    void oneTracePerLabelInAscendingOrderWithItsPoints() {
        ScatterChart chart = ScatterChart.of(POINTS, LABELS).withTitle("2-D codes").withAxisTitles("code 1", "code 2");
        Map<String, Object> json = shown(chart);
        List<Object> traces = list(json.get("data"));
        assertEquals(3, traces.size());
        assertEquals(List.of("0", "2", "7"), traces.stream().map(t -> map(t).get("name")).toList());
        Map<String, Object> zero = map(traces.get(0));
        assertEquals(List.of(-4.0), zero.get("x"));
        assertEquals(List.of(4.0), zero.get("y"));
        Map<String, Object> two = map(traces.get(1));
        assertEquals(List.of(2.0, 1.0), two.get("x"), "rows 1 and 4 in their original order");
        assertEquals(List.of(-1.0, 1.0), two.get("y"));
        Map<String, Object> seven = map(traces.get(2));
        assertEquals(List.of(0.5, 3.0), seven.get("x"));
        assertEquals(List.of(1.0, 0.25), seven.get("y"));
        for (int i = 0; i < 3; i++) {
            Map<String, Object> trace = map(traces.get(i));
            assertEquals("scatter", trace.get("type"));
            assertEquals("markers", trace.get("mode"));
            assertEquals(Palette.color(i), map(trace.get("marker")).get("color"), "colour by the label's rank");
            assertEquals(3.0, map(trace.get("marker")).get("size"));
        }
        Map<String, Object> layout = map(json.get("layout"));
        assertEquals("2-D codes", map(layout.get("title")).get("text"));
        assertEquals("code 1", map(map(layout.get("xaxis")).get("title")).get("text"));
        assertEquals("code 2", map(map(layout.get("yaxis")).get("title")).get("text"));
        assertEquals(Boolean.TRUE, layout.get("showlegend"));
        assertArrayEquals(new int[] {0, 2, 7}, chart.labels());
        assertEquals("ScatterChart[\"2-D codes\", 5 points, 3 labels {0: 1, 2: 2, 7: 2}]", chart.toString());
    }

    @Test
    void tenThousandPointsOfTenDigitsKeepEveryPoint() {
        int n = 10_000;
        Matrix points = Matrix.zeros(n, 2);
        int[] digits = new int[n];
        for (int i = 0; i < n; i++) {
            digits[i] = i % 10;
            points.set(i, 0, (float) Math.cos(i));
            points.set(i, 1, (float) Math.sin(i));
        }
        List<Object> traces = list(shown(ScatterChart.of(points, digits)).get("data"));
        assertEquals(10, traces.size());
        for (int d = 0; d < 10; d++) {
            assertEquals(1000, list(map(traces.get(d)).get("x")).size(), "digit " + d);
            assertEquals(Integer.toString(d), map(traces.get(d)).get("name"));
        }
        String js = ScatterChart.of(points, digits).figure().asJavascript("div0");
        assertTrue(js.length() < 400_000, "small enough for a notebook: " + js.length() + " characters");
    }

    @Test
    void unlabelledPointsAreOneTraceWithoutLegend() {
        Map<String, Object> json = shown(ScatterChart.of(POINTS).withMarkerSize(6).withSize(400, 300));
        List<Object> traces = list(json.get("data"));
        assertEquals(1, traces.size());
        assertEquals(5, list(map(traces.get(0)).get("x")).size());
        assertEquals(6.0, map(map(traces.get(0)).get("marker")).get("size"));
        Map<String, Object> layout = map(json.get("layout"));
        assertEquals(Boolean.FALSE, layout.get("showlegend"));
        assertEquals(400.0, layout.get("width"));
    }

    @Test
    void twoScattersSideBySideAreOneFigureWithTwoLegends() {
        ScatterChart left = ScatterChart.of(POINTS, LABELS).withTitle("autoencoder");
        ScatterChart right = ScatterChart.of(POINTS.times(2), LABELS).withTitle("PCA");
        Map<String, Object> json = shown(Panels.row(left, right));
        List<Object> traces = list(json.get("data"));
        assertEquals(6, traces.size());
        assertEquals("x", map(traces.get(0)).get("xaxis"));
        assertEquals("x2", map(traces.get(3)).get("xaxis"));
        assertEquals(List.of(-8.0), map(traces.get(3)).get("x"));
        Map<String, Object> layout = map(json.get("layout"));
        assertEquals("constant", map(layout.get("legend")).get("itemsizing"), "legend symbols larger than the markers");
        assertTrue(layout.containsKey("legend2"), layout.keySet().toString());
    }

    @Test
    void badInputNamesParameterValueAndExpectation() {
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> ScatterChart.of(Matrix.zeros(4, 3), new int[4]));
        assertTrue(columns.getMessage().contains("points must have 2 columns") && columns.getMessage().contains("4x3"),
                columns.getMessage());
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
                () -> ScatterChart.of(POINTS, new int[] {1, 2}));
        assertTrue(count.getMessage().contains("labels must have one entry per row of points (5)")
                && count.getMessage().contains("got 2"), count.getMessage());
        IllegalArgumentException nullLabels = assertThrows(IllegalArgumentException.class, () -> ScatterChart.of(POINTS, null));
        assertTrue(nullLabels.getMessage().contains("got null"), nullLabels.getMessage());
        Matrix withNaN = POINTS.copy();
        withNaN.set(3, 1, Float.NaN);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> ScatterChart.of(withNaN, LABELS));
        assertTrue(nan.getMessage().contains("points must be finite") && nan.getMessage().contains("NaN")
                && nan.getMessage().contains("(3, 1)"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScatterChart.of(null, LABELS));
        IllegalArgumentException marker = assertThrows(IllegalArgumentException.class, () -> ScatterChart.of(POINTS).withMarkerSize(0));
        assertTrue(marker.getMessage().contains("marker size") && marker.getMessage().contains("got 0"));
        assertThrows(IllegalArgumentException.class, () -> ScatterChart.of(POINTS).withSize(50, 300));
        assertFalse(ScatterChart.of(POINTS, LABELS).toString().contains("@"));
    }
}
