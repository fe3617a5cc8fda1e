package org.dflib.jjava.jupyter.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Stand-in with JJava 1.0's names, for the display bridge's tests: {@code BaseKernel.notebookKernel()} (throws
 * when no kernel runs), {@code display(data)} and {@code getIO().display.updateDisplay(id, data)}.
 */
public class BaseKernel {
    public static BaseKernel running;

    public final List<DisplayData> displayed = new ArrayList<>();
    private final JupyterIO io = new JupyterIO();

    public static BaseKernel notebookKernel() {
        return Objects.requireNonNull(running, "No kernel running. Likely called outside of the notebook lifecycle");
    }

    public void display(DisplayData data) {
        displayed.add(data);
    }

    public JupyterIO getIO() {
        return io;
    }
}
