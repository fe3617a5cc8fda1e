package org.aelab.viz;

/**
 * An output that can be replaced in place: in a kernel one cell output changes instead of a new one
 * appearing; outside a kernel its file is rewritten.
 *
 * <pre>{@code
 * var live = Viz.live("training…");
 * live.update(LineChart.of(history, "epoch", "loss"));
 * }</pre>
 */
public final class LiveOutput {
    private final Display display;
    private final String displayId;

    LiveOutput(Display display, String displayId) {
        this.display = display;
        this.displayId = displayId;
    }

    /** Replaces what this output shows with {@code content} (anything {@link Viz#show} accepts). */
    public void update(Object content) {
        display.update(displayId, content);
    }

    public String displayId() {
        return displayId;
    }

    @Override
    public String toString() {
        return "LiveOutput[" + displayId + " in " + display.frontend().describe() + "]";
    }
}
