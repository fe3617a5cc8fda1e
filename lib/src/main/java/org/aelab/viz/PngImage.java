package org.aelab.viz;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.aelab.io.AtomicFiles;
import java.util.Base64;
import javax.imageio.ImageIO;

/** An RGB image that shows inline as {@code image/png}; {@link #save} writes it atomically. */
public final class PngImage {
    private final BufferedImage image;

    private PngImage(BufferedImage image) {
        this.image = image;
    }

    /** Wraps an image (not copied). */
    public static PngImage of(BufferedImage image) {
        if (image == null) {
            throw new IllegalArgumentException("image must not be null");
        }
        return new PngImage(image);
    }

    public int width() {
        return image.getWidth();
    }

    public int height() {
        return image.getHeight();
    }

    /** The colour of pixel (x, y) as 0xRRGGBB. */
    public int rgbAt(int x, int y) {
        return image.getRGB(x, y) & 0xFFFFFF;
    }

    public BufferedImage bufferedImage() {
        return image;
    }

    public byte[] toPngBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JDK has no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(toPngBytes());
    }

    /** Writes the PNG to {@code path} through a temporary file and a rename, so no half-written file is left. */
    public void save(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("path must not be null");
        }
        AtomicFiles.write(path, toPngBytes());
    }

    @Override
    public String toString() {
        return "PngImage " + width() + "x" + height() + " px";
    }
}
