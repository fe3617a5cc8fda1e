package org.aelab.viz;

import java.io.IOException;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.nio.file.Path;
import java.util.List;
import org.aelab.tensor.Matrix;

/**
 * A grid of small images, one per row of a matrix: filters (rows of Wᵀ), digits, hidden activations.
 * Immutable; each {@code with…} returns a changed copy, and {@link #render()} draws the PNG.
 *
 * <pre>{@code
 * Viz.show(Tiles.of(encoderWeightsByUnit, 28, 28).withColorMap(ColorMap.DIVERGING).withZoom(2));
 * }</pre>
 *
 * Geometry: every value is a {@code zoom × zoom} block; tiles are separated and framed by
 * {@code padding} pixels, so the image is {@code padding + columns·(tileWidth·zoom + padding)} wide.
 * Values map to colours by {@link ColorMap} over a range that is each tile's own (default), shared by
 * all tiles ({@link #withSharedScale()}), or fixed ({@link #withRange}).
 */
public final class Tiles {
    private static final long MAX_PIXELS = 50_000_000L;

    private final Matrix images;
    private final int tileHeight;
    private final int tileWidth;
    private final int columns;
    private final int zoom;
    private final int padding;
    private final ColorMap colorMap;
    private final boolean sharedScale;
    private final double rangeLow;
    private final double rangeHigh;
    private final List<String> rowLabels;

    private Tiles(Matrix images, int tileHeight, int tileWidth, int columns, int zoom, int padding,
                  ColorMap colorMap, boolean sharedScale, double rangeLow, double rangeHigh, List<String> rowLabels) {
        this.images = images;
        this.tileHeight = tileHeight;
        this.tileWidth = tileWidth;
        this.columns = columns;
        this.zoom = zoom;
        this.padding = padding;
        this.colorMap = colorMap;
        this.sharedScale = sharedScale;
        this.rangeLow = rangeLow;
        this.rangeHigh = rangeHigh;
        this.rowLabels = rowLabels;
    }

    /** One tile per row of {@code images}; each row of length {@code tileHeight·tileWidth} is read row-major. */
    public static Tiles of(Matrix images, int tileHeight, int tileWidth) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        if (tileHeight <= 0) {
            throw new IllegalArgumentException("tileHeight must be positive, got " + tileHeight);
        }
        if (tileWidth <= 0) {
            throw new IllegalArgumentException("tileWidth must be positive, got " + tileWidth);
        }
        if ((long) tileHeight * tileWidth != images.cols()) {
            throw new IllegalArgumentException("tile shape " + tileHeight + "x" + tileWidth + " holds "
                    + (long) tileHeight * tileWidth + " values but each row of images has " + images.cols()
                    + "; choose tileHeight·tileWidth = " + images.cols());
        }
        int columns = (int) Math.ceil(Math.sqrt(images.rows()));
        return new Tiles(images, tileHeight, tileWidth, columns, 1, 1, ColorMap.GRAY, false, Double.NaN, Double.NaN, List.of());
    }

    /** Square tiles: each row's length must be a perfect square (784 → 28×28, 100 → 10×10). */
    public static Tiles of(Matrix images) {
        if (images == null) {
            throw new IllegalArgumentException("images must not be null");
        }
        int side = (int) Math.round(Math.sqrt(images.cols()));
        if (side * side != images.cols()) {
            throw new IllegalArgumentException("rows of images have " + images.cols()
                    + " values, not a square number; give the tile shape: Tiles.of(images, height, width)");
        }
        return of(images, side, side);
    }

    /** The whole matrix as one picture, a pixel per element: a heatmap of weights or activations. */
    public static Tiles ofMatrix(Matrix matrix) {
        if (matrix == null) {
            throw new IllegalArgumentException("matrix must not be null");
        }
        Matrix oneRow = Matrix.wrap(1, matrix.rows() * matrix.cols(), matrix.data());
        return of(oneRow, matrix.rows(), matrix.cols()).withColumns(1);
    }

    /** Tiles per row of the grid (default: ⌈√n⌉, a square grid). */
    public Tiles withColumns(int columns) {
        if (columns <= 0) {
            throw new IllegalArgumentException("columns must be positive, got " + columns);
        }
        return new Tiles(images, tileHeight, tileWidth, columns, zoom, padding, colorMap, sharedScale, rangeLow, rangeHigh, rowLabels);
    }

    /** Each value becomes a {@code zoom × zoom} block of pixels (default 1). */
    public Tiles withZoom(int zoom) {
        if (zoom < 1 || zoom > 64) {
            throw new IllegalArgumentException("zoom must be an integer in 1..64, got " + zoom);
        }
        return new Tiles(images, tileHeight, tileWidth, columns, zoom, padding, colorMap, sharedScale, rangeLow, rangeHigh, rowLabels);
    }

    /** Width in pixels of the lines between and around tiles (default 1; 0 for none). */
    public Tiles withPadding(int padding) {
        if (padding < 0 || padding > 64) {
            throw new IllegalArgumentException("padding must be in 0..64 pixels, got " + padding);
        }
        return new Tiles(images, tileHeight, tileWidth, columns, zoom, padding, colorMap, sharedScale, rangeLow, rangeHigh, rowLabels);
    }

    public Tiles withColorMap(ColorMap colorMap) {
        if (colorMap == null) {
            throw new IllegalArgumentException("colorMap must be ColorMap.GRAY or ColorMap.DIVERGING, got null");
        }
        return new Tiles(images, tileHeight, tileWidth, columns, zoom, padding, colorMap, sharedScale, rangeLow, rangeHigh, rowLabels);
    }

    /** One range for all tiles, so tiles compare with each other (default: each tile uses its own). */
    public Tiles withSharedScale() {
        return new Tiles(images, tileHeight, tileWidth, columns, zoom, padding, colorMap, true, Double.NaN, Double.NaN, rowLabels);
    }

    /** A fixed range: {@code low} maps to the start of the colour map, {@code high} to its end (e.g. 0, 1 for pixels). */
    public Tiles withRange(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || !(low < high)) {
            throw new IllegalArgumentException("range must be finite with low < high, got [" + low + ", " + high + "]");
        }
        return new Tiles(images, tileHeight, tileWidth, columns, zoom, padding, colorMap, false, low, high, rowLabels);
    }

    /**
     * A label left of each row of the grid, top to bottom, e.g. "corrupted", "reconstruction",
     * "clean"; one per grid row ({@link #gridRows()}, so set the columns first). Drawn into the PNG
     * with a built-in pixel font (ASCII, digits, punctuation, a few Greek letters; others show as '?').
     */
    public Tiles withRowLabels(String... labels) {
        if (labels == null || labels.length != gridRows()) {
            throw new IllegalArgumentException("rowLabels must have " + gridRows() + " labels, one per row of the "
                    + gridRows() + "x" + gridColumns() + " grid, got " + (labels == null ? "null" : labels.length)
                    + (labels == null ? "" : " " + Arrays.toString(labels)));
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] == null) {
                throw new IllegalArgumentException("row label " + i + " is null");
            }
        }
        return new Tiles(images, tileHeight, tileWidth, columns, zoom, padding, colorMap, sharedScale, rangeLow, rangeHigh,
                List.of(labels));
    }

    public List<String> rowLabels() {
        return rowLabels;
    }

    public int tileCount() {
        return images.rows();
    }

    /** Rows of the grid: ⌈tiles / columns⌉. */
    public int gridRows() {
        return (images.rows() + columns - 1) / columns;
    }

    public int gridColumns() {
        return Math.min(columns, images.rows());
    }

    public int width() {
        return labelWidth() + padding + gridColumns() * (tileWidth * zoom + padding);
    }

    /** Pixel size of the label font: rows of small tiles get 1, larger ones up to 3. */
    int labelScale() {
        return Math.max(1, Math.min(3, tileHeight * zoom / 14));
    }

    /** Width of the label column: the longest label plus a margin either side; 0 without labels. */
    int labelWidth() {
        if (rowLabels.isEmpty()) {
            return 0;
        }
        int longest = rowLabels.stream().mapToInt(l -> PixelFont.width(l, labelScale())).max().orElse(0);
        return longest + 8 * labelScale();
    }

    public int height() {
        return padding + gridRows() * (tileHeight * zoom + padding);
    }

    /** Draws the grid. */
    public PngImage render() {
        long pixels = (long) width() * height();
        if (pixels > MAX_PIXELS) {
            throw new IllegalArgumentException("the image would be " + width() + "x" + height()
                    + " pixels; lower zoom (" + zoom + ") or show fewer tiles (" + tileCount() + ")");
        }
        if (!rowLabels.isEmpty() && rowLabels.size() != gridRows()) {
            throw new IllegalStateException("the grid has " + gridRows() + " rows but " + rowLabels.size()
                    + " row labels were given (the columns changed after withRowLabels?): " + rowLabels);
        }
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        int background = colorMap.paddingRgb();
        int[] row = new int[width()];
        Arrays.fill(row, background);
        for (int y = 0; y < height(); y++) {
            image.setRGB(0, y, width(), 1, row, 0, width());
        }
        float[] data = images.data();
        int size = tileHeight * tileWidth;
        double[] shared = sharedScale ? range(data, 0, images.rows() * size) : null;
        for (int t = 0; t < images.rows(); t++) {
            int offset = t * size;
            double[] lowHigh = !Double.isNaN(rangeLow) ? new double[] {rangeLow, rangeHigh}
                    : shared != null ? shared : range(data, offset, size);
            int left = labelWidth() + padding + (t % columns) * (tileWidth * zoom + padding);
            int top = padding + (t / columns) * (tileHeight * zoom + padding);
            for (int i = 0; i < tileHeight; i++) {
                for (int j = 0; j < tileWidth; j++) {
                    int rgb = colorMap.rgb(position(data[offset + i * tileWidth + j], lowHigh[0], lowHigh[1]));
                    for (int dy = 0; dy < zoom; dy++) {
                        for (int dx = 0; dx < zoom; dx++) {
                            image.setRGB(left + j * zoom + dx, top + i * zoom + dy, rgb);
                        }
                    }
                }
            }
        }
        drawLabels(image);
        return PngImage.of(image);
    }

    /** Each row's label, right-aligned in the label column and centred on the row, in a colour that reads on the padding. */
    private void drawLabels(BufferedImage image) {
        int scale = labelScale();
        int background = colorMap.paddingRgb();
        int brightness = ((background >> 16) & 0xFF) + ((background >> 8) & 0xFF) + (background & 0xFF);
        int ink = brightness > 3 * 128 ? 0x000000 : 0xFFFFFF;
        for (int row = 0; row < rowLabels.size(); row++) {
            String label = rowLabels.get(row);
            int top = padding + row * (tileHeight * zoom + padding);
            int y = top + (tileHeight * zoom - PixelFont.GLYPH_HEIGHT * scale) / 2;
            int x = labelWidth() - 4 * scale - PixelFont.width(label, scale);
            PixelFont.draw(image, label, x, y, scale, ink);
        }
    }

    public byte[] toPngBytes() {
        return render().toPngBytes();
    }

    /** Writes the PNG atomically (temporary file, then rename). */
    public void save(Path path) throws IOException {
        render().save(path);
    }

    /** The range a tile's values map over: [min, max], or ±max|v| for a colour map centred at zero. */
    private double[] range(float[] data, int from, int count) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < from + count; i++) {
            if (Float.isFinite(data[i])) {
                min = Math.min(min, data[i]);
                max = Math.max(max, data[i]);
            }
        }
        if (min > max) {
            return new double[] {0, 0};
        }
        if (colorMap.centredAtZero()) {
            double a = Math.max(Math.abs(min), Math.abs(max));
            return new double[] {-a, a};
        }
        return new double[] {min, max};
    }

    /** Where v sits in [low, high], as a fraction; a flat range puts everything in the middle. */
    private static double position(double v, double low, double high) {
        if (!(high > low)) {
            return 0.5;
        }
        return (v - low) / (high - low);
    }

    @Override
    public String toString() {
        String scale = !Double.isNaN(rangeLow) ? "range [" + rangeLow + ", " + rangeHigh + "]"
                : sharedScale ? "shared scale" : "per-tile scale";
        return "Tiles[" + tileCount() + " tiles of " + tileHeight + "x" + tileWidth + " in " + gridRows() + "x"
                + gridColumns() + ", zoom " + zoom + ", padding " + padding + ", " + colorMap.name().toLowerCase()
                + ", " + scale + (rowLabels.isEmpty() ? "" : ", row labels " + rowLabels) + " → " + width() + "x"
                + height() + " px]";
    }
}
