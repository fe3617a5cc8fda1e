package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JJava bridge against stand-ins with JJava 1.0's class and member names (test sources). */
class JJavaFrontendTest {

    @AfterEach
    void noKernel() {
        BaseKernel.running = null;
    }

    @Test
    void outsideANotebookJJavaIsNoKernel() {
        assertTrue(KernelFrontends.detect().isEmpty(), "notebookKernel() throws: no kernel");
    }

    @Test
    void aFigureGoesOutAsOneDisplayDataWithThreeMimeTypesAndUpdatesKeepItsId() {
        BaseKernel kernel = new BaseKernel();
        BaseKernel.running = kernel;
        Frontend frontend = KernelFrontends.detect().orElseThrow();
        assertEquals("JJava", frontend.describe());
        assertTrue(frontend.isKernel());

        Display display = new Display(frontend);
        LiveOutput live = display.live(LineChart.create().withCurve("loss", new double[] {1, 2}, new double[] {1, 0.5}));
        assertEquals(1, kernel.displayed.size());
        DisplayData shown = kernel.displayed.get(0);
        Map<String, Object> data = shown.data();
        assertEquals(Set.of(Output.PLOTLY, Output.HTML, Output.TEXT), data.keySet());
        assertFalse(data.get(Output.PLOTLY) instanceof String, "the figure travels as JSON, not as a string");
        assertTrue(((String) data.get(Output.HTML)).contains("window.Plotly"));
        assertEquals(live.displayId(), shown.getDisplayId());

        live.update("**done**");
        assertEquals(List.of(live.displayId()), kernel.getIO().display.updatedIds, "the update names the output");
        DisplayData updated = kernel.getIO().display.updated.get(0);
        assertEquals(live.displayId(), updated.getDisplayId());
        assertEquals("**done**", updated.data().get(Output.MARKDOWN));
    }
}
