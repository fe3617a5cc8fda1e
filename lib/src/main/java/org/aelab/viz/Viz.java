package org.aelab.viz;

import java.nio.file.Path;

/**
 * Shows things in the notebook: {@code Viz.show(chart)}. Works in whichever kernel runs the
 * notebook (rapaio-jupyter-kernel, IJava, JJava — found at run time, see {@link KernelFrontends});
 * outside a kernel each output is written to a file under {@code aelab-output/} (or the directory
 * named by the system property {@code aelab.output}) and its path is printed.
 *
 * <p>Accepted content: {@link Chart}s ({@link LineChart}, {@link Heatmap}, {@link BarChart}), any
 * Tablesaw/Plotly {@code Figure}, a Tablesaw {@code Table}, {@link Tiles}, {@link PngImage} or
 * {@code BufferedImage}, {@link Panels}, and a {@code String}, shown as Markdown. Anything else is
 * shown as its {@code toString()}.
 *
 * <p>Plots render offline: plotly.js comes from the plotly.js-dist webjar on the class path and is
 * sent into the page at most once per kernel session, just before the first plot, gzip-compressed
 * (about 3.2 MB instead of 10.8 MB; the browser unpacks it with {@code DecompressionStream}). Call
 * {@link #useCdn(boolean) useCdn(true)} to load it from the Plotly CDN instead.
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

    /** Displays raw HTML (scripts included) as a new output. */
    public static void showHtml(String html) {
        if (html == null) {
            throw new IllegalArgumentException("html must not be null");
        }
        display().show(Output.html(html));
    }

    /** Displays {@code content} as an output that {@link LiveOutput#update} replaces in place. */
    public static LiveOutput live(Object content) {
        return display().live(content);
    }

    /** Loads plotly.js from the Plotly CDN (needs internet) instead of sending it inline (the default). */
    public static synchronized void useCdn(boolean useCdn) {
        cdn = useCdn;
        if (display != null) {
            display.useCdn(useCdn);
        }
    }

    /**
     * Forgets that plotly.js was sent, so the next plot sends it again, and looks for the kernel
     * again. Use it when plots say plotly.js is missing (e.g. the output that carried it was cleared).
     */
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
            display = new Display(frontend, cdn);
        }
        return display;
    }
}
