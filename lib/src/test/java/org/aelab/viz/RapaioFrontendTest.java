package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.display.DisplayData;

/** The rapaio bridge against stand-ins with rapaio 3.0.1's class and member names (test sources). */
class RapaioFrontendTest {

    @AfterEach
    void noKernel() {
        MainApp.kernel = null;
    }

    @Test
    void aFigureGoesOutAsOneDisplayDataWithThreeMimeTypesAndUpdatesKeepItsId() {
        assertTrue(KernelFrontends.detect().isEmpty(), "MainApp without a kernel is no kernel");
        MainApp.Kernel kernel = new MainApp.Kernel();
        MainApp.kernel = kernel;
        Frontend frontend = KernelFrontends.detect().orElseThrow();
        assertEquals("rapaio-jupyter-kernel", frontend.describe());

        Display display = new Display(frontend);
        LiveOutput live = display.live(LineChart.create().withCurve("loss", new double[] {1, 2}, new double[] {1, 0.5}));
        DisplayData shown = kernel.displayed.get(0);
        Map<String, Object> data = shown.data();
        assertEquals(java.util.Set.of(Output.PLOTLY, Output.HTML, Output.TEXT), data.keySet());
        assertFalse(data.get(Output.PLOTLY) instanceof String, "the figure travels as JSON, not as a string");
        assertTrue(data.get(Output.PLOTLY) instanceof Map<?, ?> m && m.containsKey("data") && m.containsKey("layout"),
                "without Gson on the class path it is maps and lists: " + data.get(Output.PLOTLY));
        assertTrue(((String) data.get(Output.HTML)).contains("window.Plotly"));
        assertTrue(((String) data.get(Output.TEXT)).startsWith("LineChart["));
        assertEquals(live.displayId(), shown.getDisplayId());

        live.update("**done**");
        DisplayData updated = kernel.updated.get(0);
        assertEquals(live.displayId(), updated.getDisplayId(), "the update replaces the same output");
        assertEquals("**done**", updated.data().get(Output.MARKDOWN));
        assertEquals(java.util.Set.of(Output.MARKDOWN, Output.TEXT), updated.data().keySet());
    }
}
