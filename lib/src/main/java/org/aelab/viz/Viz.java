package org.aelab.viz;

import java.nio.file.Path;

/**
 * Shows things in the notebook: {@code Viz.show(chart)}. Works in whichever kernel runs the
 * notebook (rapaio-jupyter-kernel, IJava, JJava — found at run time, see {@link KernelFrontends});
 * outside a kernel each output is written to a file under {@code aelab-output/} (or the directory
 * named by the system property {@code aelab.output}) and its path is printed.
 *
 * <p>Accepted content: {@link Chart}s ({@link LineChart}, {@link Heatmap}, {@link BarChart}, {@link ScatterChart}), any
 * Tablesaw/Plotly {@code Figure}, a Tablesaw {@code Table}, {@link Tiles}, {@link PngImage} or
 * {@code BufferedImage}, {@link Panels}, and a {@code String}, shown as Markdown. Anything else is
 * shown as its {@code toString()}.
 *
 * <p>In a kernel a figure (or a {@link Panels} row holding one) goes out as one MIME bundle:
 * {@code application/vnd.plotly.v1+json} with the figure's data, layout and config, drawn by
 * JupyterLab's Plotly extension (the Python package {@code plotly}) with its own plotly.js, so plots
 * survive a page reload and show in a reopened notebook without trust; a {@code text/html} fallback
 * draws the same JSON where a page loads plotly.js itself (the project's HTML export inlines it
 * once); {@code text/plain} gives a one-line summary. Files written outside a kernel load plotly.js
 * from a copy of the plotly.js-dist webjar written beside them, or from the Plotly CDN after
 * {@link #useCdn(boolean) useCdn(true)}.
 */
public final class Viz {
    private static Display display;
    private static boolean cdn;

    private Viz() {
    }

    /** Displays {@code content} as a new output. */
    public static void show(Object content) {
        display().show(content);
    }

    /** Displays {@code content} as an output that {@link LiveOutput#update} replaces in place. */
    public static LiveOutput live(Object content) {
        return display().live(content);
    }

    /**
     * Outside a kernel, makes the pages written from now on load plotly.js from the Plotly CDN (needs
     * internet) instead of from a copy beside them (the default). No effect in a kernel.
     */
    public static synchronized void useCdn(boolean useCdn) {
        cdn = useCdn;
        display = null;
    }

    /** Looks for the kernel again at the next output (and starts a new numbering of output files). */
    public static synchronized void reset() {
        display = null;
    }

    /** Where outputs go, e.g. "rapaio-jupyter-kernel" or "files in /home/me/lab/aelab-output". */
    public static String where() {
        return display().frontend().describe();
    }

    /** True when running inside a Jupyter kernel. */
    public static boolean inKernel() {
        return display().frontend().isKernel();
    }

    static synchronized Display display() {
        if (display == null) {
            Frontend frontend = KernelFrontends.detect().orElseGet(() -> new FileFrontend(
                    Path.of(System.getProperty("aelab.output", "aelab-output")), System.out, cdn));
            display = new Display(frontend);
        }
        return display;
    }
}
