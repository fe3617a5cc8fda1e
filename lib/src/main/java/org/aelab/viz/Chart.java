package org.aelab.viz;

import tech.tablesaw.plotly.components.Figure;

/** A chart aelab draws with Plotly; {@link Viz#show} displays it, {@link #figure()} hands it to Tablesaw code. */
public interface Chart {

    /** The chart as a Tablesaw/Plotly figure. */
    Figure figure();
}
