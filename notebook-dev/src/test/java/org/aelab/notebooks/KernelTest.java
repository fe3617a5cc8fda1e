package org.aelab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The installed kernel as JupyterLab uses it: every start answers, Kernel → Interrupt stops a training
 * within a second and leaves the kernel usable, and after an error the queued cells do not run (rapaio only:
 * that is the project's patch of its shell channel; IJava and JJava run them).
 */
class KernelTest {

    static final Path OUT = Jupyter.TARGET.resolve("kernel");
    /** Consecutive starts checked by {@link #everyStartAnswersOnShellControlAndHeartbeat()}. */
    static final int STARTS = Integer.getInteger("aelab.kernelStarts", 50);

    @Test
    void everyStartAnswersOnShellControlAndHeartbeat() throws Exception {
        Path report = OUT.resolve("starts.json");
        Jupyter.Run run = Jupyter.tool("kernel_starts.py", List.of(String.valueOf(STARTS), "--kernel", Jupyter.kernel(),
                "--json", report.toString(), "--kernel-output", OUT.resolve("starts-kernels.log").toString()),
                Map.of(), OUT.resolve("starts.log"), 60L * STARTS);
        assertEquals(0, run.exitCode(), () -> "a kernel start did not answer (see " + OUT + "):\n" + run.tail(60));
        JsonNode starts = ExecutedNotebook.JSON.readTree(report.toFile()).path("starts");
        assertEquals(STARTS, starts.size(), "starts reported");
        for (JsonNode start : starts) {
            assertTrue(start.path("ok").asBoolean() && start.path("hb").asBoolean() && start.path("control").asBoolean()
                    && start.path("ready").isNumber(), () -> "failed start: " + start);
        }
    }

    /**
     * Interrupts the first cell of the notebook whose source contains {@code match}, run with
     * {@code override} so that its training would last minutes, {@code after} seconds after sending it.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "01-one-hot-8-3-8   | epochs = 500_000; | train(seed   | 5",
            "05-mnist-denoising | epochs = 1_000;   | .fit(trainer | 5"})
    void interruptStopsTrainingWithinASecond(String notebook, String override, String match, String after)
            throws Exception {
        JsonNode result = session("interrupt-" + notebook, 600, "interrupt",
                Jupyter.NOTEBOOKS.resolve(notebook + ".ipynb").toString(), "--set", override, "--match", match,
                "--after", after);
        assertTrue(result.path("interrupted_cell").isInt(), () -> "no cell was interrupted: " + result);
        assertTrue(result.path("interrupt_reply").asBoolean(), "interrupt_reply on the control channel");
        assertEquals("error", result.path("status").asText(), "the interrupted cell ends as failed (queued cells abort)");
        String output = result.path("output").asText();
        if (Jupyter.backend().equals("rapaio")) {
            assertTrue(output.matches("(?s).*training interrupted (before|in) epoch \\d+.*"),
                    () -> "the cell says that training was interrupted, and in which epoch:\n" + output);
        } else {
            // IJava and JJava end an interrupted cell with their own message, not the cell's exception.
            assertTrue(output.contains("Evaluation interrupted"),
                    () -> "the cell says that it was interrupted:\n" + output);
            System.out.println(notebook + ": " + Jupyter.backend() + " reports its own \"Evaluation interrupted\","
                    + " not the training's epoch");
        }
        double latency = result.path("latency").asDouble(Double.NaN);
        System.out.printf("%s: interrupt answered in %.3f s%n", notebook, latency);
        assertTrue(latency <= 1.0, () -> "the interrupted cell answered " + latency + " s after the interrupt (≤ 1 s)");
        assertEquals("ok", result.path("probe_status").asText(), "the next cell runs");
        assertTrue(result.path("probe_output").asText().contains("KERNEL-ALIVE 42 interrupted=false"),
                () -> "the next cell's output: " + result.path("probe_output"));
    }

    /** A live output (what {@code Progress.auto()} shows during training) is replaced in place, not appended. */
    @Test
    void liveOutputIsUpdatedInPlace() throws Exception {
        JsonNode result = session("live", 300, "live");
        assertEquals("ok", result.path("status").asText(), () -> "the live-output cell failed: " + result);
        JsonNode displays = result.path("displays");
        assertEquals(4, displays.size(), () -> "one display and three updates: " + displays);
        String id = displays.get(0).path("display_id").asText();
        assertTrue(!id.isEmpty() && result.path("output").asText().contains("live output " + id),
                () -> "the display carries the live output's id: " + result);
        for (int step = 0; step < 4; step++) {
            JsonNode display = displays.get(step);
            assertEquals(step == 0 ? "display_data" : "update_display_data", display.path("type").asText());
            assertEquals(id, display.path("display_id").asText(), "every update names the first display");
            assertTrue(display.path("markdown").asText().contains("live step " + step), () -> "content: " + display);
        }
    }

    @Test
    void queuedCellsAreAbortedAfterAnErrorUnlessStopOnErrorIsOff() throws Exception {
        String why = "stop_on_error is honoured by the project's replacement of rapaio's ShellChannel;"
                + " IJava 1.3 and JJava run the queued cells after an error";
        assumeTrue(Jupyter.rapaioOnly(why), why);
        JsonNode result = session("stop-on-error", 300, "stop-on-error");
        assertEquals(List.of("ok", "error", "aborted", "ok"), statuses(result.path("stop_on_error")),
                "three requests sent at once, the second throws: the third is aborted; a later one runs");
        assertEquals("", result.path("stop_on_error").get(2).path("output").asText(), "the aborted cell printed");
        assertEquals(List.of("ok", "error", "ok", "ok"), statuses(result.path("continue_on_error")),
                "with stop_on_error false the third runs");
        assertTrue(result.path("continue_on_error").get(2).path("output").asText().contains("third ran"));
        List<String> after = new ArrayList<>();
        result.path("sent_after_the_error_reply").forEach(status -> after.add(status.asText()));
        assertEquals(30, after.size(), "rounds reported");
        assertEquals(List.of("ok"), after.stream().distinct().toList(), "a cell sent as soon as an error reply"
                + " arrived (not queued behind the error) runs and prints, every round: " + after);
    }

    @Test
    void kernelInfoOnControlLeavesTheRunningCellItsReply() throws Exception {
        for (JsonNode trial : session("control-info", 300, "control-info").path("trials")) {
            assertEquals("kernel_info_reply", trial.path("control").asText(), "answered on the control channel");
            assertEquals("ok", trial.path("cell").asText(), "the running cell got its own execute_reply");
            assertTrue(trial.path("cell_output").asText().contains("cell ran 42"), () -> "the cell's output: " + trial);
        }
    }

    /**
     * Runs {@code kernel_session.py COMMAND ARGS…} on the kernel under test, its report, log and the kernel's own
     * output under {@code OUT/NAME…}, and returns the report; fails when the tool fails.
     */
    private static JsonNode session(String name, long timeoutSeconds, String... commandAndArgs) throws Exception {
        Path report = OUT.resolve(name + ".json");
        Files.createDirectories(OUT);
        List<String> args = new ArrayList<>(List.of("--kernel", Jupyter.kernel(), "--out", report.toString(),
                "--kernel-output", OUT.resolve(name + "-kernel.log").toString()));
        args.addAll(List.of(commandAndArgs));
        Jupyter.Run run = Jupyter.tool("kernel_session.py", args, Map.of(), OUT.resolve(name + ".log"), timeoutSeconds);
        assertEquals(0, run.exitCode(), () -> "kernel_session.py failed:\n" + run.tail(40));
        return ExecutedNotebook.JSON.readTree(report.toFile());
    }

    private static List<String> statuses(JsonNode requests) {
        List<String> out = new ArrayList<>();
        requests.forEach(r -> out.add(r.path("status").asText()));
        return out;
    }
}
