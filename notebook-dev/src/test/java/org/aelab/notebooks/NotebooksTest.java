package org.aelab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every notebooks/*.ipynb headless on the {@code aelab} kernel in quick mode and checks it:
 * the README conventions, no error output, no FAIL, its CHECK lines printed by the final cell tagged {@code check}, the
 * outputs it declares in {@code metadata.aelab.expects}, Plotly figures as JSON bundles with no copy of
 * plotly.js in the notebook, and its HTML export rendered by a real Chromium with the network off,
 * fetching nothing from the network. Notebooks that declare
 * {@code metadata.aelab.nonsense} are also run with nonsense parameters, which must show the
 * library's message and leave the kernel alive. Each edit a notebook declares in {@code metadata.aelab.edits} (a
 * student's realistic change of the parameters) runs once more in quick mode with its lines: no error output, no
 * FAIL (checks of the source's recipe must SKIP when the edit leaves the recipe), the check cell's lines printed.
 * No output may show a stray return value ({@code java.io.PrintStream@1a2b3c}). Writes target/report.md.
 */
class NotebooksTest {

    static final Path EXECUTED = Jupyter.TARGET.resolve("executed");
    static final Path BAD = Jupyter.TARGET.resolve("nonsense");
    static final Path EDITED = Jupyter.TARGET.resolve("edits");
    /** A notebook declares at least this many student edits. */
    static final int MIN_EDITS = 2;
    /**
     * Seconds after which a quick run counts as hung (a kernel that stopped answering). Not a speed check: the
     * quick times are reported by the summary of `make test`; speed is measured by `make bench`.
     */
    static final long RUN_TIMEOUT_SECONDS = Long.getLong("aelab.runTimeoutSeconds", 600);

    record Row(String notebook, String status, double seconds, long bytes, List<String> checks) {
    }

    static final Pattern SOURCE_FILE = Pattern.compile("\\d{3}_[0-9a-f]{16}\\.txt");

    static final Map<String, Row> REPORT = new ConcurrentSkipListMap<>();

    static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(Jupyter.NOTEBOOKS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicNode> everyNotebook() throws IOException {
        List<Path> notebooks = notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks/*.ipynb found in " + Jupyter.NOTEBOOKS);
        return notebooks.stream().map(this::testsFor);
    }

    private DynamicContainer testsFor(Path notebook) {
        String name = notebook.getFileName().toString().replaceFirst("\\.ipynb$", "");
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("follows the notebook conventions", () -> conventions(notebook, name)));
        tests.add(DynamicTest.dynamicTest("executes in quick mode", () -> executeQuick(notebook, name)));
        tests.add(DynamicTest.dynamicTest("renders offline in Chromium", () -> rendersInBrowser(notebook, name)));
        JsonNode edits = metadata(notebook).path("edits");
        for (int i = 0; i < edits.size(); i++) {
            JsonNode edit = edits.get(i);
            String label = name + "-edit" + (i + 1);
            tests.add(DynamicTest.dynamicTest("runs with the edit \"" + edit.path("name").asText() + "\"",
                    () -> executeEdited(notebook, name, label, edit)));
        }
        if (metadata(notebook).has("nonsense")) {
            tests.add(DynamicTest.dynamicTest("nonsense parameters show the library's message",
                    () -> nonsenseParameters(notebook, name)));
        }
        return DynamicContainer.dynamicContainer(name, tests);
    }

    static JsonNode metadata(Path notebook) {
        try {
            return ExecutedNotebook.JSON.readTree(notebook.toFile()).path("metadata").path("aelab");
        } catch (IOException e) {
            throw new AssertionError(notebook + " is not readable JSON: " + e.getMessage(), e);
        }
    }

    static JsonNode runJson(Path dir, String name) throws IOException {
        Path file = dir.resolve(name + ".run.json");
        if (!Files.exists(file)) {
            fail("the runner wrote no " + file + "; see " + dir.resolve(name + ".log"));
        }
        return ExecutedNotebook.JSON.readTree(file.toFile());
    }

    /** The shape README.md asks of every notebook, checked on the committed file (no kernel needed). */
    private void conventions(Path notebook, String name) throws Exception {
        ExecutedNotebook nb = new ExecutedNotebook(notebook);
        JsonNode cells = nb.cells();
        assertTrue(cells.size() >= 3, () -> name + ": too few cells");
        JsonNode first = cells.get(0);
        assertEquals("markdown", first.path("cell_type").asText(), () -> name + ": cell 1 must be Markdown stating the"
                + " exercise and its source file");
        assertTrue(SOURCE_FILE.matcher(ExecutedNotebook.text(first.path("source"))).find(), () -> name
                + ": cell 1 must name its source file (e.g. 000_fa578f4f1251678e.txt)");
        JsonNode firstCode = null;
        for (JsonNode cell : cells) {
            if (cell.path("cell_type").asText().equals("code")) {
                firstCode = cell;
                break;
            }
        }
        assertTrue(firstCode != null && ExecutedNotebook.hasTag(firstCode, "parameters"), () -> name
                + ": the first code cell must be tagged 'parameters'");
        assertEquals("markdown", cells.get(cells.size() - 1).path("cell_type").asText(), () -> name
                + ": the last cell must be Markdown comparing the result with the source");
        JsonNode quick = metadata(notebook).path("quick");
        assertTrue(quick.isMissingNode() || quick.isArray(), () -> name + ": metadata.aelab.quick must be a list of"
                + " Java lines, got " + quick);
        JsonNode edits = metadata(notebook).path("edits");
        assertTrue(edits.isArray() && edits.size() >= MIN_EDITS, () -> name + ": metadata.aelab.edits must list at least "
                + MIN_EDITS + " student edits, {\"name\": \"another learning rate\", \"lines\": [\"learningRate = 0.2;\"]};"
                + " got " + edits);
        for (JsonNode edit : edits) {
            assertFalse(edit.path("name").asText().isBlank(), () -> name + ": every edit needs a \"name\", got " + edit);
            JsonNode lines = edit.path("lines");
            assertTrue(lines.isArray() && !lines.isEmpty() && StreamSupport.stream(lines.spliterator(), false)
                    .allMatch(JsonNode::isTextual), () -> name + ": edit \"" + edit.path("name").asText()
                    + "\" needs \"lines\", a non-empty list of Java lines, got " + lines);
            JsonNode differs = edit.path("differs");
            assertTrue(differs.isMissingNode() || differs.isArray(), () -> name + ": edit \"" + edit.path("name").asText()
                    + "\": \"differs\" must list the recipe parameters it changes, got " + differs);
        }
        for (JsonNode cell : cells) {
            assertTrue(cell.path("outputs").isEmpty() && cell.path("execution_count").isNull()
                    || !cell.path("cell_type").asText().equals("code"), () -> name
                    + ": commit notebooks without outputs (JupyterLab: Edit > Clear Outputs of All Cells)");
        }
    }

    private void executeQuick(Path notebook, String name) throws Exception {
        Path log = EXECUTED.resolve(name + ".log");
        Jupyter.Run run = Jupyter.tool("run_notebook.py", List.of(notebook.toString(), "--out", EXECUTED.toString(),
                "--mode", "quick", "--kernel", Jupyter.kernel()), Map.of(), log, RUN_TIMEOUT_SECONDS);
        if (run.exitCode() != 0) {
            fail("run_notebook.py failed on " + notebook + " (exit " + run.exitCode() + "):\n" + run.tail(30));
        }
        JsonNode result = runJson(EXECUTED, name);
        ExecutedNotebook executed = new ExecutedNotebook(EXECUTED.resolve(name + ".ipynb"));
        double seconds = result.path("seconds").asDouble();
        List<String> checks = executed.checkLines(-1);
        String status = result.path("status").asText();
        REPORT.put(name, new Row(name, status, seconds,
                Files.size(EXECUTED.resolve(name + ".ipynb")), checks));

        List<String> errors = executed.errors();
        assertTrue(errors.isEmpty(), () -> name + ": error output(s):\n" + String.join("\n", errors)
                + "\n(executed notebook: " + EXECUTED.resolve(name + ".ipynb") + ")");
        assertEquals("ok", result.path("status").asText(), () -> name + ": " + result.path("status").asText()
                + " at cell " + result.path("failed_cell") + ": " + result.path("message").asText()
                + "\nkernel log tail:\n" + run.tail(15));
        assertChecksRan(executed, name);
        List<String> skipped = executed.checkLines(-1).stream().filter(l -> l.contains(") SKIP (")).toList();
        assertTrue(skipped.isEmpty(), () -> name + ": with the notebook's own parameters every recipe check must run,"
                + " but these skipped:\n" + String.join("\n", skipped));

        JsonNode expects = metadata(notebook).path("expects");
        for (Iterator<Map.Entry<String, JsonNode>> it = expects.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> expected = it.next();
            int found = executed.count(expected.getKey());
            assertTrue(found >= expected.getValue().asInt(), () -> name + ": metadata.aelab.expects."
                    + expected.getKey() + " = " + expected.getValue() + " but the executed notebook has " + found
                    + " such output(s)");
        }
        assertEquals(0, executed.plotlyLibraryCopies(), () -> name + ": the executed notebook carries plotly.js "
                + executed.plotlyLibraryCopies() + " time(s); figures must go out as " + ExecutedNotebook.PLOTLY_MIME
                + " JSON, drawn by the front end's own plotly.js");
        List<String> incomplete = executed.incompleteFigures();
        assertTrue(incomplete.isEmpty(), () -> name + ": " + String.join("; ", incomplete));
    }

    /** No error, no FAIL, no stray return value; the last code cell is the check cell, it ran and printed CHECK lines. */
    private static void assertChecksRan(ExecutedNotebook executed, String name) {
        List<String> stray = executed.strayReturnValues();
        assertTrue(stray.isEmpty(), () -> name + ": output shows a stray return value (end the cell with a statement"
                + " that returns nothing, e.g. System.out.println):\n" + String.join("\n", stray));
        List<String> failing = executed.streamLines(-1).stream().filter(l -> l.contains("FAIL")).toList();
        assertTrue(failing.isEmpty(), () -> name + ": printed FAIL:\n" + String.join("\n", failing));

        int checkCell = executed.lastCodeCell();
        assertTrue(checkCell >= 0 && ExecutedNotebook.hasTag(executed.cells().get(checkCell), "check"),
                () -> name + ": the last code cell must be the check cell, tagged 'check'");
        assertFalse(executed.cells().get(checkCell).path("execution_count").isNull(),
                () -> name + ": the check cell did not run");
        assertFalse(executed.checkLines(checkCell).isEmpty(), () -> name + ": the check cell printed no line"
                + " `CHECK <name> = <value> (expected <condition>) PASS|SKIP …`; it printed: "
                + executed.streamLines(checkCell));
    }

    /**
     * Runs the notebook in quick mode with one declared edit's lines after the quick ones. The run must be clean (no
     * error, no FAIL: a recipe check SKIPs instead); an edit that declares {@code differs} must make the recipe checks
     * SKIP and name those parameters.
     */
    private void executeEdited(Path notebook, String name, String label, JsonNode edit) throws Exception {
        String what = name + " with the edit \"" + edit.path("name").asText() + "\" " + edit.path("lines");
        Path dir = EDITED.resolve(label);
        Files.createDirectories(dir);
        Path lines = dir.resolve(name + ".inject.json");
        Files.writeString(lines, ExecutedNotebook.JSON.writeValueAsString(edit.path("lines")));
        Jupyter.Run run = Jupyter.tool("run_notebook.py", List.of(notebook.toString(), "--out", dir.toString(),
                "--mode", "quick", "--kernel", Jupyter.kernel(), "--inject", lines.toString()),
                Map.of(), dir.resolve(name + ".log"), RUN_TIMEOUT_SECONDS);
        assertEquals(0, run.exitCode(), () -> "run_notebook.py failed on " + what + ":\n" + run.tail(30));
        JsonNode result = runJson(dir, name);
        ExecutedNotebook executed = new ExecutedNotebook(dir.resolve(name + ".ipynb"));
        List<String> errors = executed.errors();
        assertTrue(errors.isEmpty(), () -> what + ": error output(s):\n" + String.join("\n", errors)
                + "\n(executed notebook: " + dir.resolve(name + ".ipynb") + ")");
        assertEquals("ok", result.path("status").asText(), () -> what + ": " + result.path("status").asText()
                + " at cell " + result.path("failed_cell") + ": " + result.path("message").asText());
        assertChecksRan(executed, what);
        List<String> checks = executed.checkLines(-1);
        REPORT.put(label, new Row(label + " (" + edit.path("name").asText() + ")", result.path("status").asText(),
                result.path("seconds").asDouble(), Files.size(dir.resolve(name + ".ipynb")), checks));
        for (JsonNode parameter : edit.path("differs")) {
            String differs = parameter.asText();
            List<String> skips = checks.stream().filter(l -> l.contains(") SKIP (")).toList();
            assertFalse(skips.isEmpty(), () -> what + ": changes the recipe parameter " + differs
                    + ", so its recipe checks must SKIP; none did:\n" + String.join("\n", checks));
            List<String> unnamed = skips.stream().filter(l -> !l.replaceFirst(".*\\) SKIP \\(", "").matches(
                    ".*[:,] " + Pattern.quote(differs) + "[,)].*")).toList();
            assertTrue(unnamed.isEmpty(), () -> what + ": SKIP lines must name the changed parameter " + differs
                    + ":\n" + String.join("\n", unnamed));
        }
    }

    private void rendersInBrowser(Path notebook, String name) throws Exception {
        Path html = EXECUTED.resolve(name + ".html");
        assertTrue(Files.exists(html), () -> html + " missing: the notebook did not execute (see the test above)");
        JsonNode expects = metadata(notebook).path("expects");
        int plots = expects.path("plotly").asInt(0);
        int images = expects.path("png").asInt(0);
        Map<String, String> seen = Chromium.probe(html, Jupyter.TARGET.resolve("browser").resolve(name));
        int drawn = Integer.parseInt(seen.getOrDefault("plotly-plots", "0"));
        int svgs = Integer.parseInt(seen.getOrDefault("plotly-svgs", "0"));
        int decoded = Integer.parseInt(seen.getOrDefault("images-decoded", "0"));
        int broken = Integer.parseInt(seen.getOrDefault("images-broken", "0"));
        assertTrue(drawn >= plots && (plots == 0 || svgs >= plots), () -> name + ".html offline in Chromium: "
                + drawn + " Plotly figure(s) with " + svgs + " svg.main-svg, expected at least " + plots
                + " (window.Plotly is " + seen.get("window-plotly") + ")");
        assertTrue(decoded >= images, () -> name + ".html offline in Chromium: " + decoded
                + " image(s) decoded, expected at least " + images);
        assertEquals(0, broken, () -> name + ".html offline in Chromium: " + broken + " image(s) failed to decode");
        assertEquals("0", seen.get("network-requests"), () -> name + ".html must fetch nothing from the network when"
                + " opened, but asked for: " + seen.get("network-urls"));
        String page = Files.readString(html);
        int plotlyCopies = page.split("\\* plotly\\.js v", -1).length - 1;
        assertEquals(plots > 0 ? 1 : 0, plotlyCopies, () -> name + ".html inlines plotly.js " + plotlyCopies
                + " times; it needs it exactly once when it has figures");
        assertFalse(page.contains("<title>Notebook</title>"), () -> name + ".html is titled \"Notebook\", not after its heading");
    }

    private void nonsenseParameters(Path notebook, String name) throws Exception {
        JsonNode nonsense = metadata(notebook).path("nonsense");
        String message = nonsense.path("message").asText();
        assertFalse(message.isBlank(), name + ": metadata.aelab.nonsense.message must give the expected text");
        Files.createDirectories(BAD);
        Path lines = BAD.resolve(name + ".inject.json");
        Files.writeString(lines, ExecutedNotebook.JSON.writeValueAsString(nonsense.path("lines")));
        Jupyter.Run run = Jupyter.tool("run_notebook.py", List.of(notebook.toString(), "--out", BAD.toString(),
                "--mode", "quick", "--kernel", Jupyter.kernel(), "--inject", lines.toString(), "--probe"),
                Map.of(), BAD.resolve(name + ".log"), RUN_TIMEOUT_SECONDS);
        assertEquals(0, run.exitCode(), () -> "run_notebook.py failed:\n" + run.tail(30));
        JsonNode result = runJson(BAD, name);
        ExecutedNotebook executed = new ExecutedNotebook(BAD.resolve(name + ".ipynb"));
        assertEquals("cell-error", result.path("status").asText(), () -> name + " with " + nonsense.path("lines")
                + ": expected a cell to fail with the library's message, got status " + result.path("status"));
        List<String> errors = executed.errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains(message)), () -> name + " with "
                + nonsense.path("lines") + ": expected an error containing \"" + message + "\", got " + errors);
        assertTrue(result.path("probe").asText().contains("KERNEL-ALIVE 42"), () -> name
                + ": the kernel did not survive the error; probe gave " + result.path("probe"));
    }

    @AfterAll
    static void writeReport() throws IOException {
        StringBuilder md = new StringBuilder("# Notebook execution report (quick mode, kernel `")
                .append(Jupyter.kernel()).append("`)\n\n| notebook | status | wall time (s) | executed .ipynb (KiB) |\n"
                        + "| --- | --- | ---: | ---: |\n");
        REPORT.values().forEach(r -> md.append(String.format("| %s | %s | %.1f | %d |%n", r.notebook(), r.status(),
                r.seconds(), r.bytes() / 1024)));
        for (Row r : REPORT.values()) {
            md.append("\n## ").append(r.notebook()).append("\n\n```\n");
            r.checks().forEach(c -> md.append(c).append('\n'));
            md.append("```\n");
        }
        Files.createDirectories(Jupyter.TARGET);
        Files.writeString(Jupyter.TARGET.resolve("report.md"), md);
    }
}
