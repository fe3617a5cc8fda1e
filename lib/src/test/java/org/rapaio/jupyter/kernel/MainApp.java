package org.rapaio.jupyter.kernel;

import java.util.ArrayList;
import java.util.List;
import org.rapaio.jupyter.kernel.display.DisplayData;

/**
 * A stand-in for rapaio-jupyter-kernel 3.0.1's entry point, with the members aelab's display bridge
 * reaches by reflection (same names and signatures): {@code MainApp.kernel}, {@code channels()},
 * {@code display(DisplayData)}, {@code updateDisplay(DisplayData)}. No kernel runs unless a test sets one.
 */
public final class MainApp {
    public static Kernel kernel;

    private MainApp() {
    }

    /** Records what the kernel would publish on IOPub. */
    public static final class Kernel {
        public final List<DisplayData> displayed = new ArrayList<>();
        public final List<DisplayData> updated = new ArrayList<>();

        public Object channels() {
            return "connected";
        }

        public void display(DisplayData dd) {
            displayed.add(dd);
        }

        public void updateDisplay(DisplayData dd) {
            if (!dd.hasDisplayId()) {
                throw new IllegalArgumentException("Cannot update a display without display_id.");
            }
            updated.add(dd);
        }
    }
}
