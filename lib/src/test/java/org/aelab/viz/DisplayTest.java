package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPInputStream;
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
    private static final String PLOTLY_BANNER = "plotly.js v" + PlotlyJs.VERSION;

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

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    @Test
    void plotlyJsIsSentExactlyOnceAcrossTwoFiguresAndComesFirst() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel, false);
        display.show(LineChart.of(history(), "epoch", "loss"));
        display.show(Heatmap.of(Matrix.of(new float[][] {{-0.25f, 0.5f}})));

        String all = String.join("\n", kernel.shown.stream().map(Output::content).toList());
        assertEquals(1, count(all, PLOTLY_BANNER), "plotly.js appears once across the session");
        assertEquals(3, kernel.shown.size(), "the loader, then one output per figure");
        assertTrue(kernel.shown.get(0).content().contains(PLOTLY_BANNER), "the loader goes out before the first plot");
        assertFalse(kernel.shown.get(1).content().contains(PLOTLY_BANNER));
        assertFalse(kernel.shown.get(2).content().contains(PLOTLY_BANNER));

        String line = kernel.shown.get(1).content();
        assertEquals(Output.HTML, kernel.shown.get(1).mimeType());
        assertTrue(line.contains("\"x\":[1,2,3]") && line.contains("\"y\":[0.75,0.5,0.125]"), "trace data: " + line);
        assertTrue(line.contains("Plotly.newPlot"), line);
        assertTrue(line.contains("window.Plotly"), "the plot waits for plotly.js to be defined");
        String heatmap = kernel.shown.get(2).content();
        assertTrue(heatmap.contains("\"z\":[[-0.25,0.5]]") && heatmap.contains("\"zmin\":-0.5"), heatmap);
    }

    @Test
    void theInlinePlotlyJsIsTheWebjarGzippedAndBase64EncodedAndUnder3point5Mb() throws IOException {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel, false);
        display.show(LineChart.of(history(), "epoch", "loss"));
        String loader = kernel.shown.get(0).content();

        int start = loader.indexOf(PlotlyJs.PACKED_START);
        assertTrue(start > 0, "the loader carries the packed bundle");
        start += PlotlyJs.PACKED_START.length();
        String base64 = loader.substring(start, loader.indexOf('"', start));
        byte[] unpacked;
        try (var gunzip = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64)))) {
            unpacked = gunzip.readAllBytes();
        }
        byte[] webjar = PlotlyJs.bytes();
        assertTrue(webjar.length > 10_000_000, "the webjar's plotly.js is the unminified 10.8 MB bundle: " + webjar.length);
        assertArrayEquals(webjar, unpacked, "base64 -> gunzip gives back the webjar's bytes exactly");

        int bytes = loader.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes < 3_500_000, "the whole loader output is " + bytes + " bytes");
        assertEquals(1, count(loader, PLOTLY_BANNER), "plotly.js's licence header stays readable, once");
        assertEquals(1, count(loader, "Licensed under the MIT license"));
        assertTrue(loader.contains("new DecompressionStream('gzip')") && loader.contains("atob(packed)"), loader.substring(0, 2000));
        assertTrue(loader.contains("new Function('define', 'exports', 'module', source"),
                "AMD/CommonJS names are shadowed so plotly.js lands on window even under RequireJS");
        assertTrue(loader.contains("typeof DecompressionStream !== 'function'") && loader.contains("no DecompressionStream"),
                "a browser that cannot unpack it gets a message");
        String id = loader.substring(loader.indexOf("id=\"") + 4, loader.indexOf('"', loader.indexOf("id=\"") + 4));
        assertTrue(id.startsWith("aelab-plotly-loader-") && loader.contains("document.getElementById('" + id + "')")
                && loader.indexOf("<div id=\"" + id) < loader.indexOf("<script"),
                "the message goes into the loader's own div: " + id);
        assertTrue(kernel.shown.get(1).content().contains("window." + PlotlyJs.ERROR_GLOBAL),
                "a plot stops waiting and shows the loader's error");

        assertSame(PlotlyJs.packedBase64(), PlotlyJs.packedBase64(), "the packed bundle is computed once and cached");
        display.forgetPlotly();
        display.show(LineChart.of(history(), "epoch", "loss"));
        String again = kernel.shown.get(2).content();
        assertTrue(again.contains(PlotlyJs.PACKED_START + base64 + "\""), "a resend carries the same payload");
        assertFalse(again.contains("id=\"" + id + "\""), "each loader gets its own div id");
    }

    @Test
    void eachFigureGetsItsOwnDivAndTablesawFiguresWorkToo() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel, false);
        Figure tablesaw = LinePlot.create("tablesaw line", history(), "epoch", "loss");
        display.show(tablesaw);
        display.show(tablesaw);
        String first = kernel.shown.get(1).content();
        String second = kernel.shown.get(2).content();
        String firstId = first.substring(first.indexOf("id=\"") + 4, first.indexOf('"', first.indexOf("id=\"") + 4));
        assertTrue(first.contains("var target_" + firstId), first);
        assertFalse(second.contains("id=\"" + firstId + "\""), "a new div id per figure");
        assertTrue(first.contains("tablesaw line") && first.contains("Plotly.newPlot"), first);
        assertFalse(first.contains("<script>\n        var target"), "Tablesaw's own script tags are unwrapped");
    }

    @Test
    void cdnModeSendsAScriptTagInsteadOfTheBundle() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel, true);
        display.show(LineChart.of(history(), "epoch", "loss"));
        assertTrue(kernel.shown.get(0).content().contains(PlotlyJs.CDN_URL));
        assertFalse(kernel.shown.get(0).content().contains(PLOTLY_BANNER));
        assertFalse(kernel.shown.get(0).content().contains(PlotlyJs.PACKED_START));
    }

    @Test
    void tablesImagesAndTextGetTheirMimeTypes() throws IOException {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel, false);
        display.show(history());
        display.show(Tiles.of(Matrix.zeros(4, 4)).withZoom(3));
        display.show("**bold** markdown");
        display.show(Matrix.zeros(1, 2));

        assertEquals(Output.HTML, kernel.shown.get(0).mimeType());
        assertTrue(kernel.shown.get(0).content().contains("<th style=\"padding: 2px 8px; border-bottom: 1px solid #ddd; "
                + "font-family: monospace; border-bottom: 2px solid #888;\">loss</th>"));
        assertTrue(kernel.shown.get(0).content().contains("0.125"));
        assertFalse(kernel.shown.get(0).needsPlotly());

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
    void panelsPutItemsInOneFlexRowAndLoadPlotlyOnce() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel, false);
        display.show(Panels.row(LineChart.of(history(), "epoch", "loss"), Tiles.of(Matrix.zeros(1, 4)))
                .withCaptions("curve", "tile"));
        assertEquals(2, kernel.shown.size());
        String html = kernel.shown.get(1).content();
        assertTrue(html.contains("display: flex"), html);
        assertTrue(html.contains("data:image/png;base64,") && html.contains("Plotly.newPlot"), html);
        assertTrue(html.contains(">curve</div>") && html.contains(">tile</div>"), html);
        assertThrows(IllegalArgumentException.class, () -> Panels.row(history()).withCaptions("a", "b"));
        assertThrows(IllegalArgumentException.class, Panels::row);
    }

    @Test
    void liveOutputUpdatesTheSameDisplayId() {
        RecordingKernel kernel = new RecordingKernel();
        Display display = new Display(kernel, false);
        LiveOutput live = display.live("starting");
        live.update("half way");
        live.update(LineChart.of(history(), "epoch", "loss"));
        assertEquals(List.of("id-1", "id-1"), kernel.updatedIds);
        assertEquals("half way", kernel.updates.get(0).content());
        assertTrue(kernel.shown.get(1).content().contains(PLOTLY_BANNER),
                "plotly.js goes out as its own output, so replacing the live output keeps it on the page");
    }

    @Test
    void outsideAKernelShowWritesAFileAndPrintsItsPath(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        FileFrontend files = new FileFrontend(dir, new PrintStream(printed, true, StandardCharsets.UTF_8), false);
        Display display = new Display(files, false);
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
        Display display = new Display(new RecordingKernel(), false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> display.show(null));
        assertTrue(e.getMessage().contains("null"));
    }
}
