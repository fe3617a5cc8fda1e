package org.dflib.jjava.jupyter.kernel.display;

import java.util.LinkedHashMap;
import java.util.Map;

/** Stand-in with JJava 1.0's names: a MIME bundle and a display id. */
public class DisplayData {
    private final Map<String, Object> data = new LinkedHashMap<>();
    private String displayId;

    public void putData(String mimeType, Object value) {
        data.put(mimeType, value);
    }

    public DisplayData setDisplayId(String id) {
        displayId = id;
        return this;
    }

    public String getDisplayId() {
        return displayId;
    }

    public Map<String, Object> data() {
        return data;
    }
}
