package org.aelab.viz;

import java.util.LinkedHashMap;
import java.util.Map;

/** Layout pieces shared by the charts. */
final class Sizes {
    private Sizes() {
    }

    static void check(int width, int height) {
        if (width < 100 || width > 4000) {
            throw new IllegalArgumentException("width must be 100..4000 pixels, got " + width);
        }
        if (height < 100 || height > 4000) {
            throw new IllegalArgumentException("height must be 100..4000 pixels, got " + height);
        }
    }

    static Map<String, Object> layout(String title, int width, int height) {
        Map<String, Object> layout = new LinkedHashMap<>();
        if (!title.isEmpty()) {
            layout.put("title", Map.of("text", title));
        }
        layout.put("width", width);
        layout.put("height", height);
        layout.put("margin", Map.of("l", 60, "r", 20, "t", title.isEmpty() ? 20 : 50, "b", 50));
        return layout;
    }

    static Map<String, Object> axis(String title, boolean log) {
        Map<String, Object> axis = new LinkedHashMap<>();
        if (!title.isEmpty()) {
            axis.put("title", Map.of("text", title));
        }
        if (log) {
            axis.put("type", "log");
        }
        return axis;
    }
}
