package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.api.LinePlot;
import tech.tablesaw.plotly.components.Figure;

class DisplayTest {

    /** Records what a kernel would receive. */
    static final class RecordingKernel implements Frontend {
        final List<Output> shown = new ArrayList<>();
        final List<String> updatedIds = new ArrayList<>();
        final List<Output> updates = new ArrayList<>();

        @Override
        public String display(Output output) {
            shown.add(output);
            return "id-" + shown.size();
        }

        @Override
        public void update(String displayId, Output output) {
            updatedIds.add(displayId);
            updates.add(output);
        }

        @Override
        public boolean isKernel() {
            return true;
        }

        @Override
        public String describe() {
            return "recording kernel";
        }
    }

    static Table history() {
        return Table.create("history",
                IntColumn.create("epoch", 1, 2, 3),
                DoubleColumn.create("loss", 0.75, 0.5, 0.125));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> figure(Output output) {
        assertTrue(output.isFigure(), "a figure output: " + output);
        return (Map<String, Object>) TablesawFigures.parse(output.get(Output.PLOTLY), "figure");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @Test
    void aFigureIsOneMimeBundleOfPlotlyJsonHtmlAndTextWithoutPlotlyJs() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel);
        LineChart chart = LineChart.of(history(), "epoch", "loss").withTitle("curve");
        display.show(chart);
        display.show(Heatmap.of(Matrix.of(new float[][] {{-0.25f, 0.5f}})));

        assertEquals(2, kernel.shown.size(), "one output per figure, nothing sent before them");
        Output line = kernel.shown.get(0);
        assertEquals(List.of(Output.PLOTLY, Output.HTML, Output.TEXT), List.copyOf(line.data().keySet()));
        assertEquals(chart.toString(), line.get(Output.TEXT));
        Map<String, Object> json = figure(line);
        assertEquals(List.of("data", "layout", "config"), List.copyOf(json.keySet()));
        Map<String, Object> trace = map(list(json.get("data")).get(0));
        assertEquals(List.of(1.0, 2.0, 3.0), trace.get("x"));
        assertEquals(List.of(0.75, 0.5, 0.125), trace.get("y"));
        assertEquals("curve", map(map(json.get("layout")).get("title")).get("text"));
        assertEquals(Boolean.FALSE, map(json.get("config")).get("displaylogo"));

        String html = line.get(Output.HTML);
        assertTrue(html.contains("var figure = " + line.get(Output.PLOTLY) + ";"), "the fallback draws the same JSON: " + html);
        assertTrue(html.contains("window.Plotly.newPlot(target, figure.data, figure.layout, figure.config)"), html);
        assertTrue(html.contains("plotly.js, which this page does not load"), "and says so when the page has no plotly.js");
        for (Output output : kernel.shown) {
            output.data().values().forEach(v -> assertFalse(v.contains("plotly.js v") || v.length() > 100_000,
                    "no plotly.js library in any output"));
        }
        Map<String, Object> heatmap = map(list(figure(kernel.shown.get(1)).get("data")).get(0));
        assertEquals(List.of(List.of(-0.25, 0.5)), heatmap.get("z"));
        assertEquals(-0.5, heatmap.get("zmin"));
    }

    @Test
    void tablesawFiguresAreReadBackAsModernPlotlyJson() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel);
        Figure tablesaw = LinePlot.create("tablesaw line", history(), "epoch", "loss");
        display.show(tablesaw);
        display.show(tablesaw);
        Map<String, Object> json = figure(kernel.shown.get(0));
        Map<String, Object> layout = map(json.get("layout"));
        assertEquals(Map.of("text", "tablesaw line"), layout.get("title"), "a string title becomes {text}: " + layout);
        assertEquals(Map.of("text", "epoch"), map(layout.get("xaxis")).get("title"));
        assertEquals("scatter", map(list(json.get("data")).get(0)).get("type"));
        String first = kernel.shown.get(0).get(Output.HTML);
        String second = kernel.shown.get(1).get(Output.HTML);
        String firstId = first.substring(first.indexOf("id=\"") + 4, first.indexOf('"', first.indexOf("id=\"") + 4));
        assertFalse(second.contains("id=\"" + firstId + "\""), "a new div id per figure");

        Map<String, Object> legacy = TablesawFigures.modernise(map(TablesawFigures.parse(
                "{title: 'loss', titlefont: {size: 20,}, yaxis: {title: \"y\", titlefont: {color: 'red'}},}", "test")));
        assertEquals(Map.of("text", "loss", "font", Map.of("size", 20.0)), legacy.get("title"));
        assertEquals(Map.of("text", "y", "font", Map.of("color", "red")), map(legacy.get("yaxis")).get("title"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> TablesawFigures.parse("{x: function() {}}", "trace 0"));
        assertTrue(bad.getMessage().contains("trace 0") && bad.getMessage().contains("function"), bad.getMessage());
    }

    @Test
    void jsonMimeTypesTravelAsJsonValuesOthersAsStrings() {
        JsonValues values = JsonValues.forLoader(getClass().getClassLoader());
        Object figure = values.value(Output.PLOTLY, "{\"data\":[{\"y\":[1,null]}],\"layout\":{}}");
        assertFalse(figure instanceof String, "a JSON object, not a string: " + figure);
        assertTrue(figure.toString().contains("1") && figure.toString().contains("null"), figure.toString());
        assertEquals("<b>x</b>", values.value(Output.HTML, "<b>x</b>"));
        assertTrue(Output.isJson("application/json") && Output.isJson(Output.PLOTLY) && !Output.isJson(Output.HTML));
    }

    @Test
    void tablesImagesAndTextGetTheirMimeTypes() throws IOException {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel);
        display.show(history());
        display.show(Tiles.of(Matrix.zeros(4, 4)).withZoom(3));
        display.show("**bold** markdown");
        display.show(Matrix.zeros(1, 2));

        assertEquals(Output.HTML, kernel.shown.get(0).mimeType());
        assertTrue(kernel.shown.get(0).content().contains("<th style=\"padding: 2px 8px; border-bottom: 1px solid #ddd; "
                + "font-family: monospace; border-bottom: 2px solid #888;\">loss</th>"));
        assertTrue(kernel.shown.get(0).content().contains("0.125"));
        assertFalse(kernel.shown.get(0).isFigure());

        assertEquals(Output.PNG, kernel.shown.get(1).mimeType());
        var image = ImageIO.read(new java.io.ByteArrayInputStream(Base64.getDecoder().decode(kernel.shown.get(1).content())));
        assertEquals(1 + 2 * (2 * 3 + 1), image.getWidth());

        assertEquals(Output.MARKDOWN, kernel.shown.get(2).mimeType());
        assertEquals(Output.TEXT, kernel.shown.get(3).mimeType());
        assertTrue(kernel.shown.get(3).content().startsWith("Matrix 1x2"));
    }

    @Test
    void longTablesShowHeadAndTailWithANote() {
        int[] epochs = new int[100];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
        }
        String html = TableHtml.of(Table.create("long", IntColumn.create("epoch", epochs)));
        assertTrue(html.contains("100 rows"), html);
        assertTrue(html.contains("80 more rows"), html);
        assertTrue(html.contains(">15</td>") && html.contains(">96</td>") && html.contains(">100</td>"));
        assertFalse(html.contains(">16</td>") || html.contains(">95</td>"));
    }

    @Test
    void panelsWithAChartAreOneSubplotFigureImagesIncluded() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel);
        LineChart curve = LineChart.create().withTitle("curves").withSize(400, 300)
                .withCurve("a", new double[] {1, 2}, new double[] {1, 2}).withCurve("b", new double[] {1, 2}, new double[] {2, 1});
        display.show(Panels.row(curve, Heatmap.of(Matrix.of(new float[][] {{1, -1}})).withTitle("weights"),
                Tiles.of(Matrix.zeros(1, 4))).withCaptions("curve", "map", "tile"));
        assertEquals(1, kernel.shown.size(), "one output for the whole row");
        Map<String, Object> json = figure(kernel.shown.get(0));
        List<Object> traces = list(json.get("data"));
        assertEquals(4, traces.size());
        assertEquals("x", map(traces.get(0)).get("xaxis"));
        assertEquals("legend", map(traces.get(1)).get("legend"), "the line chart keeps its legend");
        assertEquals("x2", map(traces.get(2)).get("xaxis"));
        assertTrue(map(traces.get(2)).containsKey("colorbar"), "the heatmap's colour bar sits beside its own panel");
        assertEquals("image", map(traces.get(3)).get("type"));
        assertTrue(((String) map(traces.get(3)).get("source")).startsWith("data:image/png;base64,"));
        Map<String, Object> layout = map(json.get("layout"));
        List<Object> d1 = list(map(layout.get("xaxis")).get("domain"));
        List<Object> d2 = list(map(layout.get("xaxis2")).get("domain"));
        List<Object> d3 = list(map(layout.get("xaxis3")).get("domain"));
        assertTrue((double) d1.get(1) < (double) d2.get(0) && (double) d2.get(1) < (double) d3.get(0),
                "panels left to right without overlap: " + d1 + d2 + d3);
        String annotations = layout.get("annotations").toString();
        for (String text : List.of("curves", "weights", "<b>curve</b>", "<b>map</b>", "<b>tile</b>")) {
            assertTrue(annotations.contains(text), text + " in " + annotations);
        }

        display.show(Panels.row(Tiles.of(Matrix.zeros(1, 4)), Tiles.of(Matrix.zeros(1, 4))).withCaptions("a", "b"));
        String html = kernel.shown.get(1).content();
        assertEquals(Output.HTML, kernel.shown.get(1).mimeType(), "images alone stay an HTML row");
        assertTrue(html.contains("display: flex") && html.contains("data:image/png;base64,") && html.contains(">a</div>"), html);
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> display.show(Panels.row(curve, history())));
        assertTrue(mixed.getMessage().contains("item 1") && mixed.getMessage().contains("Table"), mixed.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Panels.row(history()).withCaptions("a", "b"));
        assertThrows(IllegalArgumentException.class, Panels::row);
    }

    @Test
    void liveOutputUpdatesTheSameDisplayId() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel);
        LiveOutput live = display.live("starting");
        live.update("half way");
        live.update(LineChart.of(history(), "epoch", "loss"));
        assertEquals(List.of("id-1", "id-1", "id-1"), kernel.updatedIds);
        assertEquals("half way", kernel.updates.get(0).content());
        assertEquals(Output.TEXT, kernel.updates.get(1).mimeType(),
                "a figure update passes through another MIME type, so JupyterLab draws the new figure afresh");
        assertTrue(kernel.updates.get(2).isFigure(), "a live output can turn into a figure in place");
        assertEquals(1, kernel.shown.size(), "updates add no outputs");
    }

    @Test
    void outsideAKernelShowWritesAFileAndPrintsItsPath(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FileFrontend files = new FileFrontend(dir, new PrintStream(printed, true, StandardCharsets.UTF_8), false);
        Display display = new Display(files);
        display.show(LineChart.of(history(), "epoch", "loss").withTitle("learning curve"));
        display.show(Tiles.of(Matrix.zeros(4, 4)));

        String message = printed.toString(StandardCharsets.UTF_8);
        List<String> paths = message.lines().map(l -> l.substring(l.indexOf('/'))).toList();
        assertEquals(2, paths.size(), message);
        Path page = Path.of(paths.get(0));
        assertTrue(page.toString().endsWith(".html") && Files.isRegularFile(page), message);
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>") && html.contains("learning curve") && html.contains("\"y\":[0.75,0.5,0.125]"));
        assertTrue(html.contains("src=\"" + PlotlyJs.FILE_NAME + "\""), "loads plotly.js from beside the page");
        assertArrayEquals(PlotlyJs.bytes(), Files.readAllBytes(dir.resolve(PlotlyJs.FILE_NAME)),
                "and the plain copy is there, byte for byte");
        assertTrue(paths.get(1).endsWith(".png"));
        assertEquals(1 + 2 * 3, ImageIO.read(Path.of(paths.get(1)).toFile()).getWidth());
        try (var listing = Files.list(dir)) {
            assertTrue(listing.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
        }
    }

    @Test
    void noKernelIsFoundInAPlainJvm() {
        assertTrue(KernelFrontends.detect().isEmpty(), "unit tests do not run inside a kernel");
    }

    @Test
    void showRefusesNull() {
        Display display = new Display(new RecordingKernel());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> display.show(null));
        assertTrue(e.getMessage().contains("null"));
    }
}
