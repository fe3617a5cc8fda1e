package org.aelab.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** An executed notebook read back from its .ipynb: its outputs and what they contain. */
final class ExecutedNotebook {

    static final ObjectMapper JSON = new ObjectMapper();
    /**
     * One line per check: {@code CHECK <name> = <value> (expected <condition>) PASS|FAIL}, or for a check of the
     * source's recipe run with other parameters {@code … SKIP (parameters differ from the source's: a, b)}
     * (or {@code from this notebook's recipe: a, b} where the notebook's recipe is its own).
     */
    static final Pattern CHECK_LINE = Pattern.compile(
            "^CHECK \\S.* = .+ \\(expected .+\\) (PASS|FAIL|SKIP \\(parameters differ from (the source's|this notebook's recipe): .+\\))$");
    /** What Object.toString() prints when a class does not override it: a stray return value in an output. */
    static final Pattern DEFAULT_TO_STRING = Pattern.compile("\\b[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)+@[0-9a-f]{4,}\\b");
    /** The first lines of every plotly.js bundle ("/**\n* plotly.js v2.35.3" …): an executed notebook has none. */
    static final String PLOTLY_BANNER = "* plotly.js v";
    /** The MIME type of a Plotly figure, drawn by JupyterLab's Plotly extension. */
    static final String PLOTLY_MIME = "application/vnd.plotly.v1+json";

    final String name;
    final JsonNode root;
    final String rawText;

    ExecutedNotebook(Path file) throws IOException {
        this.name = file.getFileName().toString();
        this.rawText = Files.readString(file);
        this.root = JSON.readTree(rawText);
    }

    JsonNode cells() {
        return root.path("cells");
    }

    /** Text of a multiline notebook field (string or list of strings). */
    static String text(JsonNode field) {
        if (field.isArray()) {
            StringBuilder joined = new StringBuilder();
            field.forEach(part -> joined.append(part.asText()));
            return joined.toString();
        }
        return field.asText("");
    }

    static boolean hasTag(JsonNode cell, String tag) {
        for (JsonNode t : cell.path("metadata").path("tags")) {
            if (t.asText().equals(tag)) {
                return true;
            }
        }
        return false;
    }

    /** "cell 7 (`int epochs = 20000; ...`)": how a message points at a cell. */
    String describe(int index) {
        String source = text(cells().get(index).path("source")).strip().replace('\n', ' ');
        return name + " cell " + index + " (`" + (source.length() > 60 ? source.substring(0, 60) + "…" : source) + "`)";
    }

    List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < cells().size(); i++) {
            for (JsonNode output : cells().get(i).path("outputs")) {
                if (output.path("output_type").asText().equals("error")) {
                    errors.add(describe(i) + ": " + output.path("ename").asText() + ": "
                            + output.path("evalue").asText());
                }
            }
        }
        return errors;
    }

    /**
     * Lines of stdout/stderr of one cell (index) or of all cells (-1); a line written in several pieces
     * (several stream outputs of one cell) is joined first.
     */
    List<String> streamLines(int index) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < cells().size(); i++) {
            if (index >= 0 && i != index) {
                continue;
            }
            StringBuilder stdout = new StringBuilder();
            StringBuilder stderr = new StringBuilder();
            for (JsonNode output : cells().get(i).path("outputs")) {
                if (output.path("output_type").asText().equals("stream")) {
                    (output.path("name").asText().equals("stderr") ? stderr : stdout).append(text(output.path("text")));
                }
            }
            lines.addAll(List.of(stdout.toString().split("\n")));
            lines.addAll(List.of(stderr.toString().split("\n")));
        }
        return lines;
    }

    /**
     * Outputs whose text holds a default {@code Object.toString()} ({@code java.io.PrintStream@1a2b3c}): the value a
     * cell returned by accident, e.g. a cell ending with {@code System.out.printf(…)}. One entry per output, naming the cell.
     */
    List<String> strayReturnValues() {
        List<String> stray = new ArrayList<>();
        for (int i = 0; i < cells().size(); i++) {
            for (JsonNode output : cells().get(i).path("outputs")) {
                String type = output.path("output_type").asText();
                String text = switch (type) {
                    case "stream" -> text(output.path("text"));
                    case "execute_result", "display_data" -> text(output.path("data").path("text/plain"));
                    default -> "";
                };
                var match = DEFAULT_TO_STRING.matcher(text);
                if (match.find()) {
                    stray.add(describe(i) + ": " + type + " shows `" + match.group() + "`");
                }
            }
        }
        return stray;
    }

    List<String> checkLines(int index) {
        return streamLines(index).stream().map(String::strip).filter(l -> CHECK_LINE.matcher(l).matches()).toList();
    }

    /** Index of the last code cell. */
    int lastCodeCell() {
        for (int i = cells().size() - 1; i >= 0; i--) {
            if (cells().get(i).path("cell_type").asText().equals("code")) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Counts outputs by kind: "plotly" (a Plotly figure), "png" (a PNG image: image/png, an inline
     * {@code <img>}, or an image drawn in a figure), "table" (an HTML table).
     */
    int count(String kind) {
        int count = 0;
        for (JsonNode cell : cells()) {
            for (JsonNode output : cell.path("outputs")) {
                JsonNode data = output.path("data");
                String html = text(data.path("text/html"));
                boolean matches = switch (kind) {
                    case "plotly" -> data.has(PLOTLY_MIME);
                    case "png" -> data.has("image/png") || html.contains("src=\"data:image/png;base64,")
                            || data.path(PLOTLY_MIME).toString().contains("\"source\":\"data:image/png;base64,");
                    case "table" -> html.contains("<table");
                    default -> throw new IllegalArgumentException(name + ": metadata.aelab.expects has unknown kind '"
                            + kind + "'; use plotly, png or table");
                };
                if (matches) {
                    count++;
                }
            }
        }
        return count;
    }

    /**
     * Figure outputs that are not a whole bundle: the figure as a JSON object with data and layout
     * (not a string), and a text/html fallback that draws it with window.Plotly. Empty when all are.
     */
    List<String> incompleteFigures() {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cells().size(); i++) {
            for (JsonNode output : cells().get(i).path("outputs")) {
                JsonNode data = output.path("data");
                if (!data.has(PLOTLY_MIME)) {
                    continue;
                }
                JsonNode figure = data.path(PLOTLY_MIME);
                if (!figure.isObject() || !figure.path("data").isArray() || !figure.path("layout").isObject()) {
                    problems.add("cell " + i + ": " + PLOTLY_MIME + " is not a {data, layout} object");
                }
                if (!text(data.path("text/html")).contains("Plotly.newPlot")) {
                    problems.add("cell " + i + ": the figure has no text/html fallback drawing it");
                }
            }
        }
        return problems;
    }

    int plotlyLibraryCopies() {
        int copies = 0;
        for (int at = rawText.indexOf(PLOTLY_BANNER); at >= 0; at = rawText.indexOf(PLOTLY_BANNER, at + 1)) {
            copies++;
        }
        return copies;
    }
}
