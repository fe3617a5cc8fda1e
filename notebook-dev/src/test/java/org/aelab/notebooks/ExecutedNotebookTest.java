package org.aelab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the notebook tests read from an executed notebook, on hand-written notebooks (no kernel needed). */
class ExecutedNotebookTest {

    private static ExecutedNotebook notebook(Path dir, String outputs) throws Exception {
        Path file = dir.resolve("nb.ipynb");
        Files.writeString(file, "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"System.out.printf(\\\"x%n\\\")\","
                + " \"metadata\": {\"tags\": [\"check\"]}, \"outputs\": [" + outputs + "]}]}");
        return new ExecutedNotebook(file);
    }

    @Test
    void aDefaultObjectToStringIsAStrayReturnValue(@TempDir Path dir) throws Exception {
        ExecutedNotebook nb = notebook(dir, "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"x\\n\"},"
                + "{\"output_type\": \"execute_result\", \"data\": {\"text/plain\": \"java.io.PrintStream@1b2c3d4e\"}}");
        List<String> stray = nb.strayReturnValues();
        assertEquals(1, stray.size(), stray::toString);
        assertTrue(stray.get(0).contains("nb.ipynb cell 0") && stray.get(0).contains("java.io.PrintStream@1b2c3d4e"), stray.get(0));
    }

    @Test
    void ordinaryOutputIsNot(@TempDir Path dir) throws Exception {
        ExecutedNotebook nb = notebook(dir, "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\":"
                + " \"saved models/mnist-level1-60000.aelab; mail me@example.org; Momentum(lr=0.05, m=0.9)\\n\"}");
        assertEquals(List.of(), nb.strayReturnValues());
    }

    @Test
    void checkLinesIncludeSkippedRecipeChecks(@TempDir Path dir) throws Exception {
        ExecutedNotebook nb = notebook(dir, "{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\":"
                + " \"CHECK a = 1 (expected 1) PASS\\nCHECK b = 2 (expected 3) SKIP (parameters differ from the source's: lr)\\n"
                + "CHECK c = 2 (expected 3) SKIP\\nCHECKS: 1 passed, 0 failed, 1 skipped\\n\"}");
        assertEquals(List.of("CHECK a = 1 (expected 1) PASS",
                "CHECK b = 2 (expected 3) SKIP (parameters differ from the source's: lr)"), nb.checkLines(0));
    }
}
