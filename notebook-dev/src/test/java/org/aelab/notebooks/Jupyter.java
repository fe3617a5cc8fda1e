package org.aelab.notebooks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the Python tools in notebook-dev/tools with the Jupyter environment that `make setup` prepared. */
final class Jupyter {

    /** This module: notebook-dev/ (notebook sources, tools, tests); the notebooks themselves are in ../notebooks. */
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path ROOT = MODULE.getParent();
    static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    static final Path TOOLS = MODULE.resolve("tools");
    static final Path TARGET = MODULE.resolve("target");

    private Jupyter() {
    }

    /** The Python with nbclient and nbconvert: -Daelab.python, an active conda env, or ../.venv. */
    static String python() {
        String configured = System.getProperty("aelab.python", "");
        if (!configured.isBlank()) {
            return configured;
        }
        String conda = System.getenv("CONDA_PREFIX");
        if (conda != null && Files.isExecutable(Path.of(conda, "bin", "jupyter-lab"))) {
            return Path.of(conda, "bin", "python").toString();
        }
        Path venv = ROOT.resolve(".venv/bin/python");
        if (Files.isExecutable(venv)) {
            return venv.toString();
        }
        throw new IllegalStateException("no Jupyter environment: neither -Daelab.python, an active conda env with"
                + " jupyter-lab, nor " + venv + " exists. Run `make setup` (or `make test`) first.");
    }

    static String kernel() {
        return System.getProperty("aelab.kernel", "aelab").isBlank() ? "aelab" : System.getProperty("aelab.kernel");
    }

    private static String backend;

    /**
     * The Java kernel behind the kernelspec under test, as kernelspec.py recorded it in the spec's metadata:
     * rapaio, ijava or jjava.
     */
    static synchronized String backend() throws IOException, InterruptedException {
        if (backend == null) {
            Run run = tool("kernelspec.py", List.of("--show", kernel()), Map.of(), TARGET.resolve("kernel/kernelspec.json"),
                    60);
            if (run.exitCode() != 0) {
                throw new IllegalStateException("no kernelspec " + kernel() + "; run `make setup`:\n" + run.output());
            }
            backend = ExecutedNotebook.JSON.readTree(run.output()).path("metadata").path("aelab").path("backend")
                    .asText("");
            if (backend.isEmpty()) {
                throw new IllegalStateException("kernelspec " + kernel() + " was not written by kernelspec.py (no"
                        + " metadata.aelab.backend): run `make kernel`");
            }
        }
        return backend;
    }

    /**
     * Whether the test of a rapaio-only behaviour applies; when it does not, says so on the test's output (and JUnit
     * reports the test as skipped with the same reason).
     */
    static boolean rapaioOnly(String why) throws IOException, InterruptedException {
        boolean rapaio = backend().equals("rapaio");
        if (!rapaio) {
            System.out.println("not run on the " + backend() + " kernel, rapaio only: " + why);
        }
        return rapaio;
    }

    /** Result of a finished process: exit code and everything it printed. */
    record Run(int exitCode, String output) {
        String tail(int lines) {
            String[] all = output.split("\n");
            return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
        }
    }

    /**
     * Runs {@code python tools/SCRIPT args...}, output to {@code log}, with extra environment variables.
     * Fails the caller if it does not finish within {@code timeoutSeconds}.
     */
    static Run tool(String script, List<String> args, Map<String, String> env, Path log, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python(), TOOLS.resolve(script).toString()));
        command.addAll(args);
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Path bin = Path.of(python()).getParent();
        builder.environment().merge("PATH", bin.toString(), (old, add) -> add + ":" + old);
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish within " + timeoutSeconds + " s; log: " + log);
        }
        return new Run(process.exitValue(), Files.readString(log));
    }
}
