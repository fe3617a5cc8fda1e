package org.aelab.viz;

/**
 * One display session: a frontend and a renderer. Figures go out as Plotly JSON, which the
 * notebook front end draws with its own plotly.js, so nothing needs loading into the page first.
 */
final class Display {
    private final Frontend frontend;
    private final Renderer renderer = new Renderer();

    Display(Frontend frontend) {
        this.frontend = frontend;
    }

    synchronized void show(Object content) {
        frontend.display(renderer.render(content));
    }

    synchronized LiveOutput live(Object content) {
        return new LiveOutput(this, frontend.display(renderer.render(content)));
    }

    /**
     * Replaces an output. JupyterLab hands an update whose richest MIME type is unchanged to the
     * existing renderer, and the Plotly extension's renderer ignores a second figure once it has
     * drawn one; so in a kernel a figure update first turns the output into its plain-text summary
     * (another MIME type: Lab drops the old renderer) and then into the new figure.
     */
    synchronized void update(String displayId, Object content) {
        Output output = renderer.render(content);
        if (output.isFigure() && frontend.isKernel()) {
            frontend.update(displayId, Output.of(Output.TEXT, output.get(Output.TEXT)));
        }
        frontend.update(displayId, output);
    }

    Frontend frontend() {
        return frontend;
    }

    @Override
    public String toString() {
        return "Display[" + frontend.describe() + "]";
    }
}
