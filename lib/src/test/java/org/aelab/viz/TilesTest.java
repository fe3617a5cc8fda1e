package org.aelab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TilesTest {
    private static final int WHITE = 0xFFFFFF;
    private static final int BLACK = 0x000000;

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image != null, "bytes decode as an image");
        return image;
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    private static int red(int rgb) {
        return (rgb >> 16) & 0xFF;
    }

    private static int blue(int rgb) {
        return rgb & 0xFF;
    }

    @Test
    void mnistSizedGridHasTheDocumentedDimensions() throws IOException {
        Matrix filters = Matrix.zeros(625, 784);
        Tiles tiles = Tiles.of(filters, 28, 28);
        assertEquals(25, tiles.gridRows());
        assertEquals(25, tiles.gridColumns());
        BufferedImage image = decode(tiles.toPngBytes());
        // padding + columns * (tileWidth * zoom + padding) = 1 + 25 * 29
        assertEquals(726, image.getWidth());
        assertEquals(726, image.getHeight());

        BufferedImage zoomed = decode(Tiles.of(filters).withZoom(2).withPadding(2).toPngBytes());
        assertEquals(2 + 25 * (56 + 2), zoomed.getWidth());
    }

    @Test
    void divergingMapsNegativeToBlueZeroToWhitePositiveToRed() throws IOException {
        // one 1x3 tile: -2, 0, +2; symmetric range ±2
        Matrix weights = Matrix.of(new float[][] {{-2f, 0f, 2f}});
        BufferedImage image = decode(Tiles.of(weights, 1, 3).withColorMap(ColorMap.DIVERGING).withPadding(0).toPngBytes());
        assertEquals(3, image.getWidth());
        assertEquals(1, image.getHeight());
        int negative = rgb(image, 0, 0);
        int zero = rgb(image, 1, 0);
        int positive = rgb(image, 2, 0);
        assertEquals(0x2166AC, negative, "−max is rgb(33, 102, 172)");
        assertTrue(blue(negative) > red(negative), "negative is blue-ish");
        assertEquals(WHITE, zero, "zero is white");
        assertEquals(0xB2182B, positive, "+max is rgb(178, 24, 43)");
        assertTrue(red(positive) > blue(positive), "positive is red-ish");
    }

    @Test
    void divergingRangeIsSymmetricSoASmallNegativeIsPaleBlue() throws IOException {
        Matrix weights = Matrix.of(new float[][] {{-1f, 4f}});
        BufferedImage image = decode(Tiles.of(weights, 1, 2).withColorMap(ColorMap.DIVERGING).withPadding(0).toPngBytes());
        int paleBlue = rgb(image, 0, 0);
        // -1 of ±4 sits at 3/8 of the map: three quarters of the way from blue to white
        assertEquals(ColorMap.DIVERGING.rgb(0.375), paleBlue);
        assertTrue(blue(paleBlue) > red(paleBlue));
        assertTrue(red(paleBlue) > 150, "pale, not saturated");
    }

    @Test
    void grayScalesEachTileToItsOwnRangeByDefault() throws IOException {
        Matrix images = Matrix.of(new float[][] {{0f, 1f}, {10f, 20f}});
        BufferedImage image = decode(Tiles.of(images, 1, 2).withColumns(2).withPadding(1).toPngBytes());
        assertEquals(1 + 2 * (2 + 1), image.getWidth());
        assertEquals(BLACK, rgb(image, 1, 1), "tile 0 minimum is black");
        assertEquals(WHITE, rgb(image, 2, 1), "tile 0 maximum is white");
        assertEquals(BLACK, rgb(image, 4, 1), "tile 1 minimum is black");
        assertEquals(WHITE, rgb(image, 5, 1), "tile 1 maximum is white");
        assertEquals(ColorMap.GRAY.paddingRgb(), rgb(image, 0, 0), "padding colour at the frame");
        assertEquals(ColorMap.GRAY.paddingRgb(), rgb(image, 3, 1), "padding colour between tiles");
    }

    @Test
    void sharedScaleAndFixedRangeCompareTilesWithEachOther() throws IOException {
        Matrix images = Matrix.of(new float[][] {{0f, 1f}, {10f, 20f}});
        // two 1x2 tiles side by side: x = 0, 1 is tile 0 and x = 2, 3 is tile 1
        BufferedImage shared = decode(Tiles.of(images, 1, 2).withPadding(0).withSharedScale().toPngBytes());
        assertEquals(4, shared.getWidth());
        assertEquals(BLACK, rgb(shared, 0, 0));
        assertEquals(ColorMap.GRAY.rgb(1 / 20.0), rgb(shared, 1, 0), "1 of [0, 20] is nearly black");
        assertEquals(ColorMap.GRAY.rgb(0.5), rgb(shared, 2, 0), "10 of [0, 20] is mid gray");
        assertEquals(WHITE, rgb(shared, 3, 0));

        BufferedImage fixed = decode(Tiles.of(images, 1, 2).withPadding(0).withRange(0, 1).toPngBytes());
        assertEquals(BLACK, rgb(fixed, 0, 0));
        assertEquals(WHITE, rgb(fixed, 1, 0));
        assertEquals(WHITE, rgb(fixed, 2, 0), "values above the range clamp to its end");
    }

    @Test
    void ofMatrixDrawsOnePixelBlockPerElement() throws IOException {
        Matrix w = Matrix.of(new float[][] {{-1f, 0f, 1f}, {0f, 0f, 0f}});
        PngImage png = Tiles.ofMatrix(w).withColorMap(ColorMap.DIVERGING).withZoom(3).withPadding(0).render();
        assertEquals(9, png.width());
        assertEquals(6, png.height());
        assertEquals(WHITE, png.rgbAt(4, 1));
        assertEquals(ColorMap.DIVERGING.rgb(0), png.rgbAt(2, 2), "zoomed block keeps its colour");
        assertEquals(ColorMap.DIVERGING.rgb(1), png.rgbAt(8, 0));
    }

    @Test
    void saveWritesADecodablePngAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("filters.png");
        Tiles.of(Matrix.zeros(4, 9)).withZoom(2).save(file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1 + 2 * (6 + 1), image.getWidth());
        try (var listing = Files.list(dir)) {
            assertEquals(1, listing.count(), "only the PNG is left in the directory");
        }
    }

    @Test
    void badInputNamesTheParameterAndValue() {
        Matrix images = Matrix.zeros(3, 784);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> Tiles.of(images, 28, 27));
        assertTrue(shape.getMessage().contains("28x27") && shape.getMessage().contains("784"), shape.getMessage());
        IllegalArgumentException zoom = assertThrows(IllegalArgumentException.class, () -> Tiles.of(images).withZoom(0));
        assertTrue(zoom.getMessage().contains("zoom") && zoom.getMessage().contains("got 0"), zoom.getMessage());
        IllegalArgumentException notSquare = assertThrows(IllegalArgumentException.class, () -> Tiles.of(Matrix.zeros(2, 10)));
        assertTrue(notSquare.getMessage().contains("10"), notSquare.getMessage());
        IllegalArgumentException height = assertThrows(IllegalArgumentException.class, () -> Tiles.of(images, 0, 784));
        assertTrue(height.getMessage().contains("tileHeight") && height.getMessage().contains("got 0"));
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class, () -> Tiles.of(images).withColumns(-1));
        assertTrue(columns.getMessage().contains("columns") && columns.getMessage().contains("-1"));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> Tiles.of(images).withRange(1, 0));
        assertTrue(range.getMessage().contains("low < high"));
        assertThrows(IllegalArgumentException.class, () -> Tiles.of(null, 28, 28));
        assertThrows(IllegalArgumentException.class, () -> Tiles.of(images).withColorMap(null));
        assertThrows(IllegalArgumentException.class, () -> Tiles.of(images).withPadding(-1));
    }

    @Test
    void toStringTellsTheWholeStory() {
        String s = Tiles.of(Matrix.zeros(625, 784)).withZoom(2).withColorMap(ColorMap.DIVERGING).toString();
        assertTrue(s.contains("625 tiles of 28x28"), s);
        assertTrue(s.contains("zoom 2") && s.contains("diverging"), s);
        assertFalse(PngImage.of(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB)).toString().isEmpty());
    }

    @Test
    void rowLabelsAreDrawnLeftOfEachRowInTheirOwnColumn() {
        Tiles plain = Tiles.of(Matrix.zeros(6, 4), 2, 2).withColumns(2).withZoom(14).withRange(0, 1);
        Tiles labelled = plain.withRowLabels("original", "corrupted", "reconstructed");
        PngImage png = labelled.render();
        int scale = labelled.labelScale();
        assertEquals(2, scale, "28-pixel rows get a font twice the pixel size");
        int column = labelled.labelWidth();
        assertEquals(PixelFont.width("reconstructed", scale) + 8 * scale, column);
        assertEquals(plain.width() + column, png.width(), "the label column widens the picture");
        assertEquals(plain.height(), png.height());
        int rowHeight = 2 * 14 + 1;
        for (int row = 0; row < 3; row++) {
            int ink = 0;
            for (int y = 1 + row * rowHeight; y < (row + 1) * rowHeight; y++) {
                for (int x = 0; x < column; x++) {
                    ink += png.rgbAt(x, y) == 0x000000 ? 1 : 0;
                }
            }
            assertTrue(ink > 20, "row " + row + " has its label drawn in black on white: " + ink + " dark pixels");
        }
        int[] grid = {plain.render().rgbAt(3, 3), png.rgbAt(column + 3, 3)};
        assertEquals(grid[0], grid[1], "the tiles move right by the label column, unchanged");
        String longer = "corrupted";
        assertTrue(PixelFont.width(longer, 1) > PixelFont.width("original", 1));
        assertTrue(PixelFont.covers('ρ') && PixelFont.covers('=') && !PixelFont.covers('€'));

        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> plain.withRowLabels("a", "b"));
        assertTrue(wrong.getMessage().contains("3 labels") && wrong.getMessage().contains("got 2"), wrong.getMessage());
        IllegalStateException changed = assertThrows(IllegalStateException.class,
                () -> labelled.withColumns(3).render());
        assertTrue(changed.getMessage().contains("row labels"), changed.getMessage());
        assertTrue(labelled.toString().contains("row labels [original, corrupted, reconstructed]"), labelled.toString());
    }
}
