/**
 * Pictures for the notebooks, inline in whichever Jupyter kernel runs them and offline.
 *
 * <ul>
 *   <li>{@link org.aelab.viz.Viz#show(Object)} displays charts, Tablesaw figures and tables, PNG
 *       images, {@link org.aelab.viz.Panels} and Markdown; outside a kernel it writes files.</li>
 *   <li>{@link org.aelab.viz.LineChart}, {@link org.aelab.viz.Heatmap}, {@link org.aelab.viz.BarChart}:
 *       small immutable Plotly charts, changed with {@code with…} methods.</li>
 *   <li>{@link org.aelab.viz.Tiles}: grids of images from the rows of a matrix, as PNG, grayscale or
 *       the blue/white/red {@link org.aelab.viz.ColorMap#DIVERGING} map for signed weights.</li>
 *   <li>{@link org.aelab.viz.Progress}: a {@code TrainingListener} showing epoch, loss and time left
 *       in one output that updates in place.</li>
 * </ul>
 */
package org.aelab.viz;
