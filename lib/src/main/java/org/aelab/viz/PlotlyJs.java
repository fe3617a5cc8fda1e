package org.aelab.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * plotly.js for the pages written outside a kernel ({@link FileFrontend}), read from the
 * {@code org.webjars.npm:plotly.js-dist} jar on the class path so they render with no network.
 * In a notebook, figures go out as Plotly JSON and the front end brings its own plotly.js.
 */
final class PlotlyJs {
    static final String VERSION = "2.35.3";
    static final String RESOURCE = "META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";
    static final String CDN_URL = "https://cdn.plot.ly/plotly-" + VERSION + ".min.js";
    static final String FILE_NAME = "plotly-" + VERSION + ".js";

    private PlotlyJs() {
    }

    /** The bundle's bytes (UTF-8 source), as they are in the webjar. */
    static byte[] bytes() {
        ClassLoader loader = PlotlyJs.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js " + VERSION + " is not on the class path (" + RESOURCE
                        + "); add org.webjars.npm:plotly.js-dist:" + VERSION + " or call Viz.useCdn(true)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The bundle's source text. */
    static String source() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    static String cdnScript() {
        return "<script type=\"text/javascript\" src=\"" + CDN_URL + "\" charset=\"utf-8\"></script>\n";
    }
}
