package org.aelab.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A library edit reaches the notebooks after `make setup` and a kernel restart: `make setup` reinstalls
 * the jar at the same path in the local Maven repository, and the kernelspec points at that path.
 */
class KernelRestartTest {

    /** The installed kernelspec names the library jar at its local-repository path, which `mvn install` rewrites. */
    @Test
    void installedKernelspecReadsTheLibraryFromTheLocalMavenRepository() throws Exception {
        Path log = Jupyter.TARGET.resolve("restart/kernelspec-list.json");
        Jupyter.Run run = Jupyter.tool("kernelspec.py", List.of("--show", Jupyter.kernel()), Map.of(), log, 60);
        assertEquals(0, run.exitCode(), () -> "kernelspec.py --show failed; run `make setup`:\n" + run.output());
        JsonNode kernel = ExecutedNotebook.JSON.readTree(run.output());
        String classpath = kernel.path("env").path("RJK_CLASSPATH").asText(
                kernel.path("env").path("IJAVA_CLASSPATH").asText(kernel.path("env").path("JJAVA_CLASSPATH").asText()));
        Path m2 = Path.of(System.getProperty("aelab.localRepository",
                System.getProperty("user.home") + "/.m2/repository"), "org", "aelab", "aelab");
        assertTrue(classpath.contains(m2.toString()), () -> "kernelspec " + Jupyter.kernel() + " classpath does not"
                + " name the library in the local Maven repository (" + m2 + "): " + classpath);
    }

    /**
     * A kernel started after the jar changed sees the new class; the kernelspec is written by the same tool, for the
     * backend under test (IJava and JJava as built by java_kernels.py into target/kernels).
     */
    @Test
    void kernelRestartPicksUpAChangedJar(@TempDir Path tmp) throws Exception {
        String backend = Jupyter.backend();
        List<String> backendArgs = backend.equals("rapaio")
                ? List.of("--kernel-jar", Jupyter.TARGET.resolve("kernel/rapaio-jupyter-kernel.jar").toString())
                : List.of("--kernel-dir", Jupyter.TARGET.resolve("kernels/" + backend).toString());
        String why = "the " + backend + " kernel was not built from source here (target/kernels/" + backend
                + "), and an installed one is not visible from the test's own Jupyter data directory";
        boolean available = backend.equals("rapaio") || Files.isDirectory(Jupyter.TARGET.resolve("kernels/" + backend));
        if (!available) {
            System.out.println("not run: " + why);
        }
        assumeTrue(available, why);
        Path jar = tmp.resolve("marker.jar");
        Path classpath = tmp.resolve("classpath.txt");
        Files.writeString(classpath, jar.toString());
        Path jupyterData = tmp.resolve("jupyter-data");
        Map<String, String> env = Map.of("JUPYTER_DATA_DIR", jupyterData.toString(),
                "JUPYTER_PATH", jupyterData.toString());

        buildMarkerJar(tmp.resolve("v1"), jar, "v1");
        List<String> installArgs = new ArrayList<>(List.of("--backend", backend, "--classpath-file",
                classpath.toString()));
        installArgs.addAll(backendArgs);
        Jupyter.Run install = Jupyter.tool("kernelspec.py", installArgs, env, tmp.resolve("install.log"), 120);
        assertEquals(0, install.exitCode(), () -> "kernelspec.py failed:\n" + install.output());
        assertEquals("v1", runMarkerNotebook(tmp, env, "first"));

        buildMarkerJar(tmp.resolve("v2"), jar, "v2"); // as `mvn install` overwrites the jar in ~/.m2
        assertEquals("v2", runMarkerNotebook(tmp, env, "second"),
                "a new kernel must load the rebuilt jar from the kernelspec's classpath");
    }

    private static void buildMarkerJar(Path dir, Path jar, String version) throws IOException {
        Path source = dir.resolve("src/aelabtest/Marker.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package aelabtest;\npublic final class Marker {\n"
                + "    public static String version() { return \"" + version + "\"; }\n}\n");
        Path classes = dir.resolve("classes");
        int javac = ToolProvider.findFirst("javac").orElseThrow().run(System.out, System.err,
                "-d", classes.toString(), source.toString());
        assertEquals(0, javac, "javac failed on " + source);
        Files.deleteIfExists(jar);
        int jarTool = ToolProvider.findFirst("jar").orElseThrow().run(System.out, System.err,
                "--create", "--file", jar.toString(), "-C", classes.toString(), ".");
        assertEquals(0, jarTool, "jar failed for " + jar);
    }

    private static String runMarkerNotebook(Path tmp, Map<String, String> env, String run) throws Exception {
        Path notebook = tmp.resolve(run + "/marker.ipynb");
        Files.createDirectories(notebook.getParent());
        Files.writeString(notebook, """
                {"cells": [{"cell_type": "code", "execution_count": null, "metadata": {}, "outputs": [],
                  "source": "System.out.println(\\"MARKER=\\" + aelabtest.Marker.version());"}],
                 "metadata": {"kernelspec": {"name": "aelab", "display_name": "Java (aelab)", "language": "java"}},
                 "nbformat": 4, "nbformat_minor": 4}
                """);
        Path out = tmp.resolve(run + "/out");
        Jupyter.Run result = Jupyter.tool("run_notebook.py", List.of(notebook.toString(), "--out", out.toString(),
                "--mode", "full", "--kernel", "aelab"), env, tmp.resolve(run + ".log"), 120);
        assertEquals(0, result.exitCode(), () -> "run_notebook.py failed:\n" + result.tail(30));
        ExecutedNotebook executed = new ExecutedNotebook(out.resolve("marker.ipynb"));
        assertTrue(executed.errors().isEmpty(), () -> "marker notebook failed: " + executed.errors());
        return executed.streamLines(0).stream().filter(l -> l.startsWith("MARKER=")).map(l -> l.substring(7))
                .findFirst().orElseThrow(() -> new AssertionError("marker notebook printed no MARKER line: "
                        + executed.streamLines(0)));
    }
}
