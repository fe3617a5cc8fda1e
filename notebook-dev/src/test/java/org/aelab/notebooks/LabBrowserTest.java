package org.aelab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A lab session in a real browser: tools/lab_browser.py drives the system Chromium with Playwright
 * against a JupyterLab server started as `make lab` starts it, through notebooks 01 and 05 in quick
 * mode: open, Run All, edit a parameter in the editor and run again, save, close and reopen (a new page,
 * the notebook untrusted), reload the page and run one plotting cell again. Counts of drawn Plotly
 * figures and decoded images are checked against each notebook's {@code metadata.aelab.expects}; the
 * news pop-up must stay away and the jupyter-lab server must stay under 1 GB of resident memory.
 * Screenshots of every step are in target/lab-browser/NOTEBOOK/ and everything seen in
 * target/lab-browser/result.json.
 */
class LabBrowserTest {

    static final Path OUT = Jupyter.TARGET.resolve("lab-browser");
    /** Resident memory the jupyter-lab server (without its kernels) may hold after the session. */
    static final long SERVER_MEMORY_LIMIT_BYTES = 1_000_000_000L;

    /** A notebook, a line typed into its injected-parameters cell, and a text the outputs show only after it. */
    record Case(String notebook, String edit, String expectedText) {
    }

    static final List<Case> CASES = List.of(
            new Case("01-one-hot-8-3-8", "epochs = 5_000;", "momentum runs: 5000 epochs"),
            new Case("05-mnist-denoising", "learningRate = 0.2;", "lr=0.2"));

    private static JsonNode result;

    @BeforeAll
    static void useTheNotebooksInJupyterLab() throws Exception {
        List<String> args = new ArrayList<>(List.of("--out", OUT.toString(), "--kernel", Jupyter.kernel()));
        for (Case c : CASES) {
            args.addAll(List.of("--case", Jupyter.NOTEBOOKS.resolve(c.notebook() + ".ipynb").toString(), c.edit(),
                    c.expectedText()));
        }
        Path log = Jupyter.TARGET.resolve("lab-browser.log");
        Jupyter.Run run = Jupyter.tool("lab_browser.py", args, Map.of(), log, 900);
        Path file = OUT.resolve("result.json");
        if (run.exitCode() != 0 || !Files.exists(file)) {
            fail("lab_browser.py failed (exit " + run.exitCode() + "); log " + log + ":\n" + run.tail(30));
        }
        result = ExecutedNotebook.JSON.readTree(file.toFile());
    }

    @TestFactory
    Stream<DynamicNode> eachNotebook() {
        return CASES.stream().map(c -> {
            String name = c.notebook();
            List<DynamicNode> tests = List.of(
                    DynamicTest.dynamicTest("opens and its kernel answers", () -> step(name, "open")),
                    DynamicTest.dynamicTest("Run All draws every figure and image, no error",
                            () -> drawsEverything(name, "run-all")),
                    DynamicTest.dynamicTest("an edited parameter changes the output", () -> edited(c)),
                    DynamicTest.dynamicTest("plots show again after save, close and reopen untrusted",
                            () -> reopened(name)),
                    DynamicTest.dynamicTest("after a page reload a plotting cell runs and draws", () -> reloaded(name)),
                    DynamicTest.dynamicTest("no news pop-up", () -> assertFalse(notebook(name).path("news_popup")
                            .asBoolean(true), name + ": the 'official Jupyter news' pop-up is shown")));
            return DynamicContainer.dynamicContainer(name, tests);
        });
    }

    @Test
    void theProjectsLabSettingsTurnTheNewsOff() {
        assertEquals("false", result.path("fetch_news_default").asText(), "the Lab setting"
                + " @jupyterlab/apputils-extension:notification fetchNews must default to \"false\" (Never): `make"
                + " setup` installs notebook-dev/lab/overrides.json into JupyterLab's settings/overrides.d/");
    }

    @Test
    void theJupyterLabServerStaysUnderOneGigabyte() {
        JsonNode memory = result.path("memory");
        long rss = memory.path("server_rss").asLong(-1);
        assertTrue(rss > 0, "no memory figure for the jupyter-lab server in " + OUT.resolve("result.json"));
        assertTrue(rss < SERVER_MEMORY_LIMIT_BYTES, () -> "the jupyter-lab server (pid " + memory.path("server_pid")
                + ", kernels excluded) holds " + rss / 1_000_000 + " MB after the browser session, over "
                + SERVER_MEMORY_LIMIT_BYTES / 1_000_000 + " MB");
    }

    private static JsonNode notebook(String name) {
        for (JsonNode nb : result.path("notebooks")) {
            if (nb.path("notebook").asText().equals(name + ".ipynb")) {
                return nb;
            }
        }
        throw new AssertionError("lab_browser.py reported nothing for " + name);
    }

    /** The facts of one step, or a failure saying why the scenario stopped before it. */
    private static JsonNode step(String name, String step) {
        JsonNode facts = notebook(name).path("steps").path(step);
        if (facts.isMissingNode()) {
            fail(name + ": the step '" + step + "' did not run: " + notebook(name).path("failure").asText()
                    + " (screenshots in " + OUT.resolve(name) + ")");
        }
        return facts;
    }

    private static JsonNode expects(String name) {
        return notebook(name).path("expects");
    }

    private static void drawsEverything(String name, String stepName) {
        JsonNode facts = step(name, stepName);
        assertEquals(facts.path("code_cells").asInt(), facts.path("cells_ran").asInt(), () -> name + " " + stepName
                + ": not every code cell ran: " + facts);
        assertEquals(facts.path("plotly_outputs").asInt(), facts.path("plotly_live").asInt(), () -> name + " "
                + stepName + ": after running, every Plotly output must be drawn live: " + facts);
        assertTrue(facts.path("error_outputs").isEmpty(), () -> name + " " + stepName + ": error output(s) "
                + facts.path("error_outputs"));
        assertFigures(name, stepName, facts);
    }

    /**
     * At least metadata.aelab.expects.plotly Plotly outputs show their figure (drawn live, or after a reopen as the
     * renderer's stored snapshot) and at least expects.png images decoded, none broken.
     */
    private static void assertFigures(String name, String stepName, JsonNode facts) {
        int plots = expects(name).path("plotly").asInt();
        int images = expects(name).path("png").asInt();
        assertTrue(facts.path("plotly_shown").asInt() >= plots, () -> name + " " + stepName + ": "
                + facts.path("plotly_shown") + " of " + facts.path("plotly_outputs") + " Plotly outputs show their"
                + " figure (" + facts.path("plotly_live") + " drawn, " + facts.path("plotly_snapshot")
                + " as snapshots), expected at least " + plots + " (metadata.aelab.expects.plotly); screenshot "
                + facts.path("screenshot"));
        assertTrue(facts.path("images_decoded").asInt() >= images, () -> name + " " + stepName + ": "
                + facts.path("images_decoded") + " images decoded, expected at least " + images);
        assertEquals(0, facts.path("images_broken").asInt(), () -> name + " " + stepName + ": broken images");
    }

    private static void edited(Case c) {
        String name = c.notebook();
        JsonNode edit = step(name, "edit");
        assertTrue(edit.path("typed").asBoolean(), () -> name + ": the editor does not show the typed line '"
                + c.edit() + "': " + edit.path("source"));
        drawsEverything(name, "rerun");
        JsonNode rerun = step(name, "rerun");
        assertFalse(rerun.path("expect_text_before").asBoolean(true), () -> name + ": '" + c.expectedText()
                + "' was already in the outputs before the edit, so it proves nothing");
        assertTrue(rerun.path("expect_text_after").asBoolean(), () -> name + ": after '" + c.edit() + "' and Run"
                + " All the outputs do not show '" + c.expectedText() + "'; see " + OUT.resolve(name));
    }

    private static void reopened(String name) {
        JsonNode save = step(name, "save");
        assertTrue(save.path("error_outputs").isEmpty(), () -> name + ": the saved notebook has errors "
                + save.path("error_outputs"));
        assertTrue(save.path("executed_cells").asInt() > 0, name + ": the saved notebook has no executed cell");
        JsonNode reopen = step(name, "reopen");
        assertFigures(name, "reopen", reopen);
        if (reopen.path("plotly_snapshot").asInt() > 0) {
            assertTrue(reopen.path("hover_draws_live").asBoolean(), () -> name + ": after the reopen, the pointer on"
                    + " a figure's snapshot did not draw the live figure; screenshot " + reopen.path("hover_screenshot"));
        }
    }

    private static void reloaded(String name) {
        JsonNode facts = step(name, "reload");
        assertTrue(facts.path("cell_plotly_drawn").asInt() > 0, () -> name + ": after the reload, cell "
                + facts.path("cell") + " ran (" + facts.path("prompt_before") + " -> " + facts.path("prompt_after")
                + ") but drew no Plotly figure; screenshot " + facts.path("screenshot"));
        assertEquals(0, facts.path("cell_errors").asInt(), () -> name + ": cell " + facts.path("cell")
                + " failed after the reload");
    }
}
