package org.aelab.viz;

import java.awt.image.BufferedImage;
import java.util.UUID;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns what a notebook shows into an {@link Output}: Plotly figures (and rows of panels holding
 * one) as Plotly JSON with an HTML fallback, tables as HTML, images as PNG, strings as Markdown,
 * anything else as its {@code toString()}.
 */
final class Renderer {
    /** How long an HTML fallback waits for plotly.js to appear on the page before saying it is missing. */
    static final int WAIT_MILLIS = 10_000;
    /** Shown in place of a plot when its HTML fallback finds no plotly.js on the page. */
    static final String NO_PLOTLY = "This plot is drawn by plotly.js, which this page does not load. In JupyterLab,"
            + " install the Python package plotly (its extension draws the plot; `make setup` does this) and reload;"
            + " for a static page, export the notebook with the project's template (run_notebook.py / make book).";

    /** Tells this JVM's plots from those of earlier kernel sessions still on the page. */
    private final String session = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private int plots;

    Output render(Object content) {
        if (content == null) {
            throw new IllegalArgumentException("content to show must not be null");
        }
        if (content instanceof Output output) {
            return output;
        }
        if (content instanceof String markdown) {
            return Output.of(Output.MARKDOWN, markdown);
        }
        if (isImage(content)) {
            PngImage png = image(content);
            return Output.of(Output.PNG, png.toBase64());
        }
        if (content instanceof Figure || content instanceof Chart) {
            return figure(PlotlySpec.of(content), content.toString());
        }
        if (content instanceof Table table) {
            return Output.html(TableHtml.of(table));
        }
        if (content instanceof Panels panels) {
            if (panels.items().stream().anyMatch(i -> i instanceof Figure || i instanceof Chart)) {
                return figure(Subplots.of(panels.items(), panels.captions()), panels.toString());
            }
            return Output.html(fragment(panels));
        }
        return Output.of(Output.TEXT, content.toString());
    }

    static boolean isImage(Object content) {
        return content instanceof PngImage || content instanceof Tiles || content instanceof BufferedImage;
    }

    /** An HTML fragment for one item of a Panels row without charts: an image, a table, text. */
    private String fragment(Object content) {
        if (content instanceof Table table) {
            return TableHtml.of(table);
        }
        if (isImage(content)) {
            PngImage png = image(content);
            return "<img alt=\"" + Html.escape(png.toString()) + "\" width=\"" + png.width() + "\" height=\""
                    + png.height() + "\" style=\"image-rendering: pixelated;\" src=\"data:image/png;base64,"
                    + png.toBase64() + "\">";
        }
        if (content instanceof Panels panels) {
            StringBuilder html = new StringBuilder("<div class=\"aelab-panels\" style=\"display: flex; flex-wrap: wrap; "
                    + "gap: 16px; align-items: flex-start;\">\n");
            for (int i = 0; i < panels.items().size(); i++) {
                html.append("<div class=\"aelab-panel\">");
                if (!panels.captions().isEmpty()) {
                    html.append("<div style=\"font-weight: bold; margin-bottom: 4px;\">")
                            .append(Html.escape(panels.captions().get(i))).append("</div>");
                }
                html.append(fragment(panels.items().get(i))).append("</div>\n");
            }
            return html.append("</div>\n").toString();
        }
        return "<pre>" + Html.escape(content.toString()) + "</pre>";
    }

    static PngImage image(Object content) {
        if (content instanceof Tiles tiles) {
            return tiles.render();
        }
        if (content instanceof BufferedImage image) {
            return PngImage.of(image);
        }
        return (PngImage) content;
    }

    private Output figure(PlotlySpec spec, String summary) {
        String json = spec.json();
        return Output.figure(json, html(json), summary);
    }

    /**
     * The HTML fallback: a div and a script drawing the figure's JSON into it with the page's
     * {@code window.Plotly}, waiting for it a little (a page may load plotly.js after the body), and
     * saying what is missing if it never comes. The JSON escapes '<', '>' and '&', so it is safe
     * inside the script.
     */
    private synchronized String html(String figureJson) {
        String div = "aelab_" + session + "_" + (++plots);
        return "<div id=\"" + div + "\" class=\"aelab-plot\"></div>\n"
                + "<script type=\"text/javascript\">\n(function () {\n"
                + "  var figure = " + figureJson + ";\n"
                + "  var waited = 0;\n"
                + "  (function attempt() {\n"
                + "    var target = document.getElementById('" + div + "');\n"
                + "    if (!target) { return; }\n"
                + "    if (window.Plotly) { window.Plotly.newPlot(target, figure.data, figure.layout, figure.config); return; }\n"
                + "    if ((waited += 50) > " + WAIT_MILLIS + ") { target.textContent = " + Json.of(NO_PLOTLY) + "; return; }\n"
                + "    setTimeout(attempt, 50);\n"
                + "  })();\n"
                + "})();\n</script>\n";
    }
}
