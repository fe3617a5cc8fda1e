package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartsTest {

    private static String js(Chart chart) {
        return chart.figure().asJavascript("div0");
    }

    @Test
    void lineChartHasOneTracePerColumnAndOptionalLogAxis() {
        Table history = Table.create("history", IntColumn.create("epoch", 1, 2),
                DoubleColumn.create("loss", 0.5, 0.25), DoubleColumn.create("validationLoss", 0.625, Double.NaN));
        LineChart chart = LineChart.of(history, "epoch", "loss", "validationLoss").withTitle("8-3-8").withLogY();
        String js = js(chart);
        assertTrue(js.contains("\"name\":\"loss\",\"x\":[1,2],\"y\":[0.5,0.25]"), js);
        assertTrue(js.contains("\"y\":[0.625,null]"), "NaN becomes a gap: " + js);
        assertTrue(js.contains("\"yaxis\":{\"type\":\"log\"}") && js.contains("\"text\":\"8-3-8\""), js);
        assertTrue(js.contains("\"showlegend\":true"));
        assertEquals("LineChart[\"8-3-8\", 2 curves [loss (2 points), validationLoss (2 points)], log y]", chart.toString());
    }

    @Test
    void curvesFromSeveralRunsShareOneChart() {
        LineChart chart = LineChart.create().withTitle("momentum")
                .withCurve("m = 0", new double[] {1, 2}, new double[] {1, 0.5})
                .withCurve("m = 0.9", new double[] {1, 2}, new double[] {1, 0.1})
                .withAxisTitles("epoch", "BCE");
        String js = js(chart);
        assertTrue(js.contains("\"name\":\"m = 0\"") && js.contains("\"name\":\"m = 0.9\""), js);
        assertTrue(js.contains("\"xaxis\":{\"title\":{\"text\":\"epoch\"}}"), js);
    }

    @Test
    void titlesAreEscapedForTheScriptTheyLiveIn() {
        String js = js(LineChart.create().withTitle("</script><b>\"ρ\"</b>").withCurve("a", new double[] {1}, new double[] {2}));
        assertTrue(js.contains("\\u003c/script\\u003e\\u003cb\\u003e\\\"ρ\\\""), js);
    }

    @Test
    void longCurvesAreThinnedKeepingFirstAndLast() {
        int[] kept = LineChart.thinned(20_000, 2000);
        assertTrue(kept.length <= 2000, "at most maxPoints: " + kept.length);
        assertEquals(0, kept[0]);
        assertEquals(19_999, kept[kept.length - 1]);
        assertArrayEquals(new int[] {0, 1, 2}, LineChart.thinned(3, 2000));
        assertArrayEquals(new int[] {0, 2, 4}, LineChart.thinned(5, 3));
    }

    @Test
    void heatmapIsDivergingAndSymmetricAroundZeroByDefault() {
        Matrix w = Matrix.of(new float[][] {{-0.5f, 2f}, {0f, 1f}});
        String js = js(Heatmap.of(w).withValues().withRowLabels("i0", "i1").withColumnLabels("j0", "j1"));
        assertTrue(js.contains("\"z\":[[-0.5,2],[0,1]]"), js);
        assertTrue(js.contains("\"zmin\":-2,\"zmax\":2"), js);
        assertTrue(js.contains("[0,\"rgb(33,102,172)\"],[0.5,\"rgb(255,255,255)\"],[1,\"rgb(178,24,43)\"]"), js);
        assertTrue(js.contains("\"y\":[\"i0\",\"i1\"]") && js.contains("\"autorange\":\"reversed\""), js);
        assertTrue(js.contains("\"texttemplate\":\"%{z:.2f}\""), js);
        String counts = js(Heatmap.of(Matrix.of(new float[][] {{980, 0}, {3, 1010}})).withValues());
        assertTrue(counts.contains("\"texttemplate\":\"%{z}\""), "whole numbers print as they are: " + counts);
        String gray = js(Heatmap.of(w).withColorMap(ColorMap.GRAY));
        assertTrue(gray.contains("rgb(0,0,0)") && !gray.contains("zmin"), gray);
    }

    @Test
    void barChartGroupsSeriesPerCategory() {
        Table results = Table.create("results", StringColumn.create("model", "frozen", "fine-tuned"),
                DoubleColumn.create("accuracy", 0.95, 0.98));
        String js = js(BarChart.of(results, "model", "accuracy").withSeries("scratch", new double[] {0.9, 0.97}));
        assertTrue(js.contains("\"x\":[\"frozen\",\"fine-tuned\"],\"y\":[0.95,0.98]"), js);
        assertTrue(js.contains("\"barmode\":\"group\""));
    }

    @Test
    void badInputNamesTheParameterAndValue() {
        Table history = Table.create("history", IntColumn.create("epoch", 1, 2), StringColumn.create("note", "a", "b"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LineChart.of(history, "epoch", "los"));
        assertTrue(missing.getMessage().contains("'los'") && missing.getMessage().contains("[epoch, note]"), missing.getMessage());
        IllegalArgumentException text = assertThrows(IllegalArgumentException.class, () -> LineChart.of(history, "epoch", "note"));
        assertTrue(text.getMessage().contains("numeric"), text.getMessage());
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> LineChart.create().withCurve("loss", new double[0], new double[0]));
        assertTrue(empty.getMessage().contains("'loss'") && empty.getMessage().contains("no points"));
        IllegalArgumentException lengths = assertThrows(IllegalArgumentException.class,
                () -> LineChart.create().withCurve("loss", new double[2], new double[3]));
        assertTrue(lengths.getMessage().contains("2 and 3"), lengths.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LineChart.of(history, "epoch"));
        IllegalStateException noCurves = assertThrows(IllegalStateException.class, () -> LineChart.create().figure());
        assertTrue(noCurves.getMessage().contains("withCurve"));
        IllegalArgumentException labels = assertThrows(IllegalArgumentException.class,
                () -> Heatmap.of(Matrix.zeros(2, 3)).withRowLabels("a"));
        assertTrue(labels.getMessage().contains("rowLabels must have 2") && labels.getMessage().contains("got 1"));
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> Heatmap.of(Matrix.zeros(2, 3)).withSize(0, 300));
        assertTrue(size.getMessage().contains("width") && size.getMessage().contains("got 0"));
        IllegalArgumentException bars = assertThrows(IllegalArgumentException.class,
                () -> BarChart.of(new String[] {"a", "b"}, new double[] {1}));
        assertTrue(bars.getMessage().contains("2 values") && bars.getMessage().contains("got 1"));
        assertThrows(IllegalArgumentException.class, () -> Heatmap.of(null));
        IllegalArgumentException big = assertThrows(IllegalArgumentException.class, () -> Heatmap.of(Matrix.zeros(784, 625)));
        assertTrue(big.getMessage().contains("784x625") && big.getMessage().contains("Tiles.ofMatrix"), big.getMessage());
    }
}
