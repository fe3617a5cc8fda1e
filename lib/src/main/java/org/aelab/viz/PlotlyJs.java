package org.aelab.viz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * plotly.js, read from the {@code org.webjars.npm:plotly.js-dist} jar on the class path, so plots
 * render with no network. The bundle is about 10 MB, so the display bridge sends it at most once
 * per kernel session.
 */
final class PlotlyJs {
    static final String VERSION = "2.35.3";
    static final String RESOURCE = "META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";
    static final String CDN_URL = "https://cdn.plot.ly/plotly-" + VERSION + ".min.js";
    static final String FILE_NAME = "plotly-" + VERSION + ".js";

    private PlotlyJs() {
    }

    /** The bundle's source text. */
    static String source() {
        ClassLoader loader = PlotlyJs.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("plotly.js " + VERSION + " is not on the class path (" + RESOURCE
                        + "); add org.webjars.npm:plotly.js-dist:" + VERSION + " or call Viz.useCdn(true)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /**
     * A script element defining {@code window.Plotly}. The bundle is a UMD module: where the page
     * has an AMD loader or CommonJS globals (classic Notebook's RequireJS), it would register there
     * instead, so those names are shadowed by undefined parameters and it always lands on window.
     */
    static String inlineScript() {
        return "<script type=\"text/javascript\">\n/* plotly.js " + VERSION + " (MIT licence), sent once by aelab */\n"
                + "(function (define, exports, module) {\n" + source() + "\n}).call(window);\n</script>\n";
    }

    static String cdnScript() {
        return "<script type=\"text/javascript\" src=\"" + CDN_URL + "\" charset=\"utf-8\"></script>\n";
    }
}
