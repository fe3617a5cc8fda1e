package org.aelab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every committed notebook is exactly what its percent-format source builds (nbbuild.py --check). */
class NotebookSourcesTest {
    static final Path SOURCES = Jupyter.MODULE.resolve("notebook-sources");

    private static Jupyter.Run check(Path notebooks, String log) throws IOException, InterruptedException {
        return Jupyter.tool("nbbuild.py", List.of("--check", SOURCES.toString(), notebooks.toString()), Map.of(),
                Jupyter.TARGET.resolve(log), 120);
    }

    @Test
    void everyNotebookIsWhatItsSourceBuilds() throws Exception {
        Jupyter.Run run = check(Jupyter.NOTEBOOKS, "nbbuild-check.log");
        assertEquals(0, run.exitCode(), run.output());
        long sources;
        try (Stream<Path> files = Files.list(SOURCES)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).count();
        }
        assertTrue(sources >= 8, "found " + sources + " sources in " + SOURCES);
        assertTrue(run.output().contains(sources + " notebooks compared with their sources, 0 problems"), run.output());
    }

    @Test
    void aNotebookEditedWithoutItsSourceIsNamedWithItsFirstDifferingCell(@TempDir Path copies) throws Exception {
        try (Stream<Path> notebooks = Files.list(Jupyter.NOTEBOOKS)) {
            for (Path notebook : notebooks.filter(f -> f.toString().endsWith(".ipynb")).toList()) {
                Files.copy(notebook, copies.resolve(notebook.getFileName()));
            }
        }
        // 01: its parameters cell loses its tag; 02: its title changes; 08: is gone
        replaceOnce(copies.resolve("01-one-hot-8-3-8.ipynb"), "\"parameters\"", "\"params\"");
        replaceOnce(copies.resolve("02-one-hot-16-3-16.ipynb"), "\"# 02 ", "\"# 2 ");
        Files.delete(copies.resolve("08-associative-memory.ipynb"));

        Jupyter.Run run = check(copies, "nbbuild-check-edited.log");
        String out = run.output();
        assertEquals(1, run.exitCode(), out);
        assertTrue(out.matches("(?s).*01-one-hot-8-3-8.ipynb is not what \\S+01-one-hot-8-3-8.java builds: cell \\d+"
                + " \\(code, '[^\n]*'\\) differs in metadata.*"), out);
        assertTrue(out.matches("(?s).*02-one-hot-16-3-16.ipynb is not what \\S+ builds: cell 1 \\(markdown, '# 02 [^\n]*'\\)"
                + " differs in source at line 1: the source builds '# 02 [^\n]*', the notebook has '# 2 .*"), out);
        assertTrue(out.contains("08-associative-memory.java has no notebook"), out);
        assertTrue(out.contains(", 3 problems"), out);
    }

    private static void replaceOnce(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        int at = text.indexOf(from);
        assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, file + " holds " + from + " once");
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }
}
