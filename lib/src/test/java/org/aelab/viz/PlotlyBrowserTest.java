package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packed plotly.js really unpacks and draws in a browser: the kernel outputs (loader, then two
 * figures) are put in a page the way nbconvert's HTML export holds them and opened offline in
 * headless Chromium. Skipped when no Chromium is found (set AELAB_CHROMIUM to point at one).
 */
class PlotlyBrowserTest {

    private static Optional<Path> chromium() {
        String configured = System.getenv("AELAB_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The outputs a kernel receives for two plots, as nbconvert's lab template lays out text/html outputs. */
    private static String exportedPage(String head) {
        DisplayTest.RecordingKernel kernel = new DisplayTest.RecordingKernel();
        Display display = new Display(kernel, false);
        display.show(LineChart.of(DisplayTest.history(), "epoch", "loss"));
        display.show(Heatmap.of(Matrix.of(new float[][] {{-0.25f, 0.5f}, {1f, 0f}})));
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>export</title>\n"
                + "<script src=\"https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js\"></script>\n"
                + head + "</head>\n<body class=\"jp-Notebook\">\n");
        for (Output output : kernel.shown) {
            page.append("<div class=\"jp-Cell jp-CodeCell\"><div class=\"jp-OutputArea-child\">\n"
                    + "<div class=\"jp-RenderedHTMLCommon jp-RenderedHTML jp-OutputArea-output\" data-mime-type=\"text/html\">\n")
                    .append(output.content()).append("\n</div>\n</div></div>\n");
        }
        return page.append("</body>\n</html>\n").toString();
    }

    /** Opens the page offline and returns the DOM once virtual time has run out (all timers and promises done). */
    private static String dumpDom(Path chromium, Path dir, String name, String html) throws IOException, InterruptedException {
        Path page = dir.resolve(name + ".html");
        Files.writeString(page, html);
        Path dom = dir.resolve(name + "-dom.html");
        Path log = dir.resolve(name + "-chromium.log");
        Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--virtual-time-budget=15000", "--dump-dom", page.toUri().toString())
                .redirectOutput(dom.toFile()).redirectError(log.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError("Chromium did not finish within 120 s; log: " + log);
        }
        String text = Files.readString(dom);
        assertTrue(process.exitValue() == 0 && text.contains("<body"),
                "Chromium exited " + process.exitValue() + " without a DOM; log:\n" + Files.readString(log));
        return text;
    }

    private static int count(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void bothPlotsDrawOfflineEvenWithAnAmdLoaderOnThePage(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no Chromium on PATH");
        // classic Notebook has RequireJS: plotly.js must still land on window, not call define
        String amd = "<script>window.define = function () { document.documentElement.setAttribute('data-define', 'called'); };"
                + " window.define.amd = {}; window.module = {exports: {}}; window.exports = window.module.exports;</script>\n";
        String dom = dumpDom(chromium.get(), dir, "amd", exportedPage(amd));
        assertEquals(2, count(dom, "class=\"aelab-plot js-plotly-plot\""), "both figures became Plotly plots");
        assertTrue(count(dom, "class=\"main-svg\"") >= 2, "and drew their SVG");
        assertFalse(dom.contains("data-define=\"called\""), "plotly.js did not register with the AMD loader");
        assertFalse(dom.contains(">aelab: "), "no error message on the page");
    }

    @Test
    void withoutDecompressionStreamTheLoaderAndThePlotsSayWhy(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no Chromium on PATH");
        String old = "<script>window.DecompressionStream = undefined;</script>\n";
        String dom = dumpDom(chromium.get(), dir, "old", exportedPage(old));
        assertEquals(0, count(dom, "class=\"main-svg\""));
        // the loader's div plus both plots' divs, at once rather than after the 30 s wait
        assertEquals(3, count(dom, ">aelab: this browser cannot unpack the inline plotly.js \\(it has no DecompressionStream"), dom.length() > 4000 ? "" : dom);
    }
}
