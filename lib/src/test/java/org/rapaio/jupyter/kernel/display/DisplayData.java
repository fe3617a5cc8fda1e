package org.rapaio.jupyter.kernel.display;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A stand-in for rapaio-jupyter-kernel 3.0.1's DisplayData: the public members aelab uses. */
public class DisplayData {
    protected final Map<String, Object> data = new HashMap<>();
    protected final Map<String, Object> transientData = new LinkedHashMap<>();

    protected DisplayData() {
    }

    public static DisplayData fromText(String text) {
        DisplayData dd = new DisplayData();
        dd.putData("text/plain", text);
        return dd;
    }

    public Map<String, Object> data() {
        return data;
    }

    public void putData(String mimeType, Object value) {
        data.put(mimeType, value);
    }

    public void setDisplayId(String id) {
        transientData.put("display_id", id);
    }

    public boolean hasDisplayId() {
        return transientData.containsKey("display_id");
    }

    public String getDisplayId() {
        Object id = transientData.get("display_id");
        return id == null ? null : String.valueOf(id);
    }
}
