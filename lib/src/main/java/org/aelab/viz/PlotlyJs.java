package org.aelab.viz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * plotly.js, read from the {@code org.webjars.npm:plotly.js-dist} jar on the class path, so plots
 * render with no network. The bundle is about 10.8 MB of unminified source; in a kernel it goes
 * into the page gzip-compressed and base64-encoded (about 3.2 MB), once per kernel session, and
 * the browser unpacks it with its {@code DecompressionStream}. Files written outside a kernel load
 * a plain copy instead.
 */
final class PlotlyJs {
    static final String VERSION = "2.35.3";
    static final String RESOURCE = "META-INF/resources/webjars/plotly.js-dist/" + VERSION + "/plotly.js";
    static final String CDN_URL = "https://cdn.plot.ly/plotly-" + VERSION + ".min.js";
    static final String FILE_NAME = "plotly-" + VERSION + ".js";
    /** Set on {@code window} when the inline bundle cannot be unpacked; plots waiting for Plotly show it. */
    static final String ERROR_GLOBAL = "aelabPlotlyError";
    /** Starts the JavaScript string literal holding the packed bundle (base64 has no quotes). */
    static final String PACKED_START = "var packed = \"";

    /** The bundle's licence header (the source's first comment) and its gzip+base64 form, made once per JVM. */
    private record Packed(String header, String base64) {
    }

    private static Packed packed;

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

    /** The bundle gzip-compressed (best compression) and base64-encoded; computed on first use, then cached. */
    static String packedBase64() {
        return packed().base64();
    }

    private static synchronized Packed packed() {
        if (packed == null) {
            byte[] source = bytes();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(source.length / 4);
            try (GZIPOutputStream gzip = new GZIPOutputStream(buffer, 1 << 16) {
                {
                    def.setLevel(Deflater.BEST_COMPRESSION);
                }
            }) {
                gzip.write(source);
            } catch (IOException e) {
                throw new UncheckedIOException("could not compress plotly.js: " + e.getMessage(), e);
            }
            packed = new Packed(header(source), Base64.getEncoder().encodeToString(buffer.toByteArray()));
        }
        return packed;
    }

    /** The leading block comment ("plotly.js v…, Copyright …, MIT license"), kept readable in the page. */
    private static String header(byte[] source) {
        String start = new String(source, 0, Math.min(source.length, 4096), StandardCharsets.UTF_8);
        int end = start.indexOf("*/");
        if (!start.startsWith("/*") || end < 0) {
            return "/* plotly.js v" + VERSION + ", Copyright Plotly, Inc., MIT license */";
        }
        return start.substring(0, end + 2);
    }

    /**
     * A hidden div and a script that defines {@code window.Plotly}: it decodes the packed bundle
     * ({@code atob}), gunzips it with the browser's {@code DecompressionStream} (asynchronously, so
     * plots wait for {@code window.Plotly}, see {@link Renderer}) and runs it as a function of the
     * global scope. The bundle is a UMD module: where the page has an AMD loader or CommonJS globals
     * (classic Notebook's RequireJS), it would register there instead, so those names are shadowed by
     * undefined parameters and it always lands on window. Where the browser cannot unpack it, the
     * div shows why and {@code window.aelabPlotlyError} tells waiting plots.
     */
    static String inlineScript() {
        Packed bundle = packed();
        String id = "aelab-plotly-loader-" + UUID.randomUUID().toString().substring(0, 8);
        return "<div id=\"" + id + "\" class=\"aelab-plotly-loader\" style=\"display: none;\"></div>\n"
                + "<script type=\"text/javascript\">\n"
                + bundle.header() + "\n"
                + "/* plotly.js " + VERSION + ", sent once by aelab: gzip-compressed and base64-encoded below,"
                + " unpacked with the browser's DecompressionStream */\n"
                + "(function () {\n"
                + "  var script = document.currentScript;\n"
                + "  function fail(message) {\n"
                + "    window." + ERROR_GLOBAL + " = message;\n"
                + "    var loader = document.getElementById('" + id + "') || (script && script.previousElementSibling);\n"
                + "    if (loader) { loader.textContent = message; loader.style.display = 'block'; loader.style.color = '#b00'; }\n"
                + "  }\n"
                + "  if (window.Plotly && window.Plotly.version === '" + VERSION + "') { return; }\n"
                + "  if (typeof DecompressionStream !== 'function' || typeof Response !== 'function') {\n"
                + "    fail('aelab: this browser cannot unpack the inline plotly.js (it has no DecompressionStream; "
                + "Chrome/Edge 80+, Firefox 113+ and Safari 16.4+ have it), so plots cannot draw here. "
                + "Use a newer browser, or call Viz.useCdn(true) in the notebook and show the figures again.');\n"
                + "    return;\n"
                + "  }\n"
                + "  " + PACKED_START + bundle.base64() + "\";\n"
                + "  try {\n"
                + "    var binary = atob(packed), bytes = new Uint8Array(binary.length);\n"
                + "    for (var i = 0; i < binary.length; i++) { bytes[i] = binary.charCodeAt(i); }\n"
                + "    var gunzip = new DecompressionStream('gzip');\n"
                + "    var writer = gunzip.writable.getWriter();\n"
                + "    writer.write(bytes).catch(function () {});\n"
                + "    writer.close().catch(function () {});\n"
                + "    new Response(gunzip.readable).text().then(function (source) {\n"
                + "      new Function('define', 'exports', 'module', source + '\\n//# sourceURL=" + FILE_NAME + "').call(window);\n"
                + "      if (window.Plotly) { delete window." + ERROR_GLOBAL + "; } else { fail('aelab: plotly.js ran but did not define window.Plotly'); }\n"
                + "    }).catch(function (e) { fail('aelab: could not unpack plotly.js: ' + e); });\n"
                + "  } catch (e) {\n"
                + "    fail('aelab: could not unpack plotly.js: ' + e);\n"
                + "  }\n"
                + "})();\n"
                + "</script>\n";
    }

    static String cdnScript() {
        return "<script type=\"text/javascript\" src=\"" + CDN_URL + "\" charset=\"utf-8\"></script>\n";
    }
}
