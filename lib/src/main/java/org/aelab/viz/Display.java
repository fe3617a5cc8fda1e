package org.aelab.viz;

/**
 * One display session: a frontend, a renderer, and whether plotly.js has reached the page yet.
 * In a kernel, plotly.js goes out as its own output just before the first plot, and never again
 * in this JVM (one kernel session); being separate, it survives when a live output is replaced.
 */
final class Display {
    private final Frontend frontend;
    private final Renderer renderer = new Renderer();
    private boolean cdn;
    private boolean plotlySent;

    Display(Frontend frontend, boolean cdn) {
        this.frontend = frontend;
        this.cdn = cdn;
    }

    synchronized void show(Object content) {
        Output output = renderer.render(content);
        loadPlotlyIfNeeded(output);
        frontend.display(output);
    }

    synchronized LiveOutput live(Object content) {
        Output output = renderer.render(content);
        loadPlotlyIfNeeded(output);
        return new LiveOutput(this, frontend.display(output));
    }

    synchronized void update(String displayId, Object content) {
        Output output = renderer.render(content);
        loadPlotlyIfNeeded(output);
        frontend.update(displayId, output);
    }

    private void loadPlotlyIfNeeded(Output output) {
        if (output.needsPlotly() && frontend.isKernel() && !plotlySent) {
            String loader = cdn ? "<div class=\"aelab-plotly-loader\" style=\"display: none;\"></div>\n" + PlotlyJs.cdnScript()
                    : PlotlyJs.inlineScript();
            frontend.display(Output.html(loader));
            plotlySent = true;
        }
    }

    synchronized void useCdn(boolean cdn) {
        if (this.cdn != cdn) {
            this.cdn = cdn;
            plotlySent = false;
        }
    }

    synchronized void forgetPlotly() {
        plotlySent = false;
    }

    Frontend frontend() {
        return frontend;
    }

    @Override
    public String toString() {
        return "Display[" + frontend.describe() + ", plotly.js " + (cdn ? "from " + PlotlyJs.CDN_URL : "inline " + PlotlyJs.VERSION)
                + (frontend.isKernel() ? (plotlySent ? ", sent" : ", not sent yet") : "") + "]";
    }
}
