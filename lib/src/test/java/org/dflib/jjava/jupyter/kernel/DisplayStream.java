package org.dflib.jjava.jupyter.kernel;

import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/** Stand-in with JJava 1.0's names: records each {@code updateDisplay(id, data)}. */
public class DisplayStream {
    public final List<String> updatedIds = new ArrayList<>();
    public final List<DisplayData> updated = new ArrayList<>();

    public void updateDisplay(String id, DisplayData data) {
        updatedIds.add(id);
        updated.add(data);
    }
}
