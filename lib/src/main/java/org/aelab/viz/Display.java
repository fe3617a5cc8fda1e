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

    synchronized void update(String displayId, Object content) {
        frontend.update(displayId, renderer.render(content));
    }

    Frontend frontend() {
        return frontend;
    }

    @Override
    public String toString() {
        return "Display[" + frontend.describe() + "]";
    }
}
