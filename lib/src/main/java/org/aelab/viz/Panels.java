package org.aelab.viz;

import java.util.ArrayList;
import java.util.List;

/**
 * Several items side by side in one output, wrapping onto the next line when the page is narrow:
 * two learning-curve panels, input / reconstruction / target tiles. Items are anything
 * {@link Viz#show} accepts; optional captions go above each.
 *
 * <pre>{@code
 * Viz.show(Panels.row(curvesLr001, curvesLr005));
 * Viz.show(Panels.row(inputs, reconstructions, targets).withCaptions("corrupted input", "reconstruction", "clean target"));
 * }</pre>
 */
public final class Panels {
    private final List<Object> items;
    private final List<String> captions;

    private Panels(List<Object> items, List<String> captions) {
        this.items = items;
        this.captions = captions;
    }

    public static Panels row(Object... items) {
        if (items == null || items.length == 0) {
            throw new IllegalArgumentException("Panels.row needs at least one item, got none");
        }
        for (int i = 0; i < items.length; i++) {
            if (items[i] == null) {
                throw new IllegalArgumentException("item " + i + " of Panels.row is null");
            }
        }
        return new Panels(List.of(items), List.of());
    }

    /** A caption above each item, in order (one per item). */
    public Panels withCaptions(String... captions) {
        if (captions == null || captions.length != items.size()) {
            throw new IllegalArgumentException("captions must have " + items.size() + " entries, one per item, got "
                    + (captions == null ? "null" : captions.length));
        }
        return new Panels(items, List.of(captions));
    }

    List<Object> items() {
        return items;
    }

    List<String> captions() {
        return captions;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Object item : items) {
            parts.add(item.toString().lines().findFirst().orElse(""));
        }
        return "Panels" + parts;
    }
}
