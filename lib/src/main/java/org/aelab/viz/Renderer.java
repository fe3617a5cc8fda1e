package org.aelab.viz;

import java.awt.image.BufferedImage;
import java.util.UUID;
import tech.tablesaw.api.Table;
import tech.tablesaw.plotly.components.Figure;

/**
 * Turns what a notebook shows into an {@link Output}: Plotly figures and tables as HTML, images as
 * PNG, strings as Markdown, anything else as its {@code toString()}.
 */
final class Renderer {
    /** How long a plot waits for plotly.js to appear on the page (loading from a CDN, or unpacking the inline copy). */
    static final int WAIT_MILLIS = 30_000;

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
            return new Output(Output.MARKDOWN, markdown);
        }
        if (content instanceof PngImage || content instanceof Tiles || content instanceof BufferedImage) {
            return new Output(Output.PNG, image(content).toBase64());
        }
        if (content instanceof Figure || content instanceof Chart) {
            return Output.plotlyHtml(fragment(content));
        }
        if (content instanceof Table table) {
            return Output.html(TableHtml.of(table));
        }
        if (content instanceof Panels panels) {
            boolean plotly = panels.items().stream().anyMatch(i -> i instanceof Figure || i instanceof Chart);
            return new Output(Output.HTML, fragment(panels), plotly);
        }
        return new Output(Output.TEXT, content.toString());
    }

    /** An HTML fragment for one item, for a Panels row or a figure output. */
    String fragment(Object content) {
        if (content instanceof Chart chart) {
            return figure(chart.figure());
        }
        if (content instanceof Figure figure) {
            return figure(figure);
        }
        if (content instanceof Table table) {
            return TableHtml.of(table);
        }
        if (content instanceof PngImage || content instanceof Tiles || content instanceof BufferedImage) {
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

    private static PngImage image(Object content) {
        if (content instanceof Tiles tiles) {
            return tiles.render();
        }
        if (content instanceof BufferedImage image) {
            return PngImage.of(image);
        }
        return (PngImage) content;
    }

    /**
     * A div and a script drawing the figure into it once {@code window.Plotly} exists. The figure's
     * own script (Tablesaw's {@code var …; Plotly.newPlot(…)}) runs inside a function, so its
     * variables stay local and many figures can share a page.
     */
    private synchronized String figure(Figure figure) {
        String div = "aelab_" + session + "_" + (++plots);
        String script = figure.asJavascript(div);
        int start = script.indexOf("<script>");
        int end = script.lastIndexOf("</script>");
        String body = start >= 0 && end > start ? script.substring(start + "<script>".length(), end) : script;
        return "<div id=\"" + div + "\" class=\"aelab-plot\"></div>\n"
                + "<script type=\"text/javascript\">\n(function () {\n"
                + "  function draw() {\n" + body + "\n  }\n"
                + "  var waited = 0;\n"
                + "  (function attempt() {\n"
                + "    if (window.Plotly) { draw(); return; }\n"
                + "    if (window." + PlotlyJs.ERROR_GLOBAL + ") {\n"
                + "      document.getElementById('" + div + "').textContent = window." + PlotlyJs.ERROR_GLOBAL + ";\n"
                + "      return;\n"
                + "    }\n"
                + "    if ((waited += 50) > " + WAIT_MILLIS + ") {\n"
                + "      document.getElementById('" + div + "').textContent = "
                + "'This plot needs plotly.js, which is not loaded in this page: in the notebook, call Viz.reset() and show the figure again.';\n"
                + "      return;\n"
                + "    }\n"
                + "    setTimeout(attempt, 50);\n"
                + "  })();\n"
                + "})();\n</script>\n";
    }
}
