package org.aelab.data;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.aelab.tensor.Matrix;

/**
 * The MNIST handwritten digits from IDX files in a directory (the project's {@code data/mnist/}).
 * Each file may be gzip-compressed ({@code NAME.gz}) or raw ({@code NAME}); its SHA-256 is checked against
 * {@code SHA256SUMS.gz} or {@code SHA256SUMS.raw} in the same directory, then its magic number, dimensions and
 * length. Pixels are scaled from 0..255 to [0, 1].
 */
public record Mnist(LabeledImages train, LabeledImages test) {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    /** Room for the gzip header, trailer and incompressible blocks beyond the uncompressed length. */
    private static final long GZIP_SLACK = 1 << 16;

    /** Loads MNIST from {@link #defaultDirectory()}. */
    public static Mnist load() throws IOException {
        return load(defaultDirectory());
    }

    public static Mnist load(Path directory) throws IOException {
        return new Mnist(read(directory, "train", 60_000), read(directory, "t10k", 10_000));
    }

    /**
     * {@code $AELAB_DATA/mnist} if set, else the first {@code data/mnist} found in the working directory or
     * one of its parents (so notebooks in {@code notebooks/} find the repository's {@code data/mnist}).
     */
    public static Path defaultDirectory() throws IOException {
        String env = System.getenv("AELAB_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env, "mnist");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/mnist"))) {
                return dir.resolve("data/mnist");
            }
        }
        throw new IOException("no data/mnist directory in " + Path.of("").toAbsolutePath()
                + " or its parents; run from the aelab repository (it ships data/mnist) or set AELAB_DATA");
    }

    static LabeledImages read(Path directory, String prefix, int expectedCount) throws IOException {
        String imageName = prefix + "-images-idx3-ubyte";
        String labelName = prefix + "-labels-idx1-ubyte";
        byte[] imageBytes = readVerified(directory, imageName, 16L + (long) expectedCount * 28 * 28);
        byte[] labelBytes = readVerified(directory, labelName, 8L + expectedCount);
        Matrix images = parseImages(directory.resolve(imageName).toString(), imageBytes, expectedCount);
        int[] labels = parseLabels(directory.resolve(labelName).toString(), labelBytes, expectedCount);
        return new LabeledImages(images, labels, 28, 28);
    }

    /**
     * Reads NAME.gz (preferred) or NAME, checks its SHA-256 and returns the uncompressed bytes. A file longer
     * than {@code expectedLength}, the size its header and the expected shape allow, is refused before it is
     * read (raw) or as soon as decompression passes that size (gzip), so a forged file cannot fill the memory.
     */
    private static byte[] readVerified(Path directory, String name, long expectedLength) throws IOException {
        Path gz = directory.resolve(name + ".gz");
        Path raw = directory.resolve(name);
        boolean compressed = Files.exists(gz);
        Path file = compressed ? gz : raw;
        if (!Files.exists(file)) {
            throw new IOException("MNIST file " + gz + " (or " + raw + ") is missing; restore it with"
                    + " `git checkout -- data/mnist` in the aelab repository");
        }
        byte[] bytes = readRegularFile(file, compressed ? expectedLength + GZIP_SLACK : expectedLength + 1);
        Path sumsFile = directory.resolve(compressed ? "SHA256SUMS.gz" : "SHA256SUMS.raw");
        String expected = checksums(sumsFile).get(file.getFileName().toString());
        if (expected == null) {
            throw new IOException("checksum file " + sumsFile + " has no entry for " + file.getFileName());
        }
        String actual = sha256(bytes);
        if (!actual.equalsIgnoreCase(expected)) {
            throw new IOException("MNIST file " + file + " has SHA-256 " + actual + ", expected " + expected
                    + " from " + sumsFile + ": the file is damaged or not the original");
        }
        return compressed ? gunzip(file, bytes, expectedLength) : bytes;
    }

    /** The bytes of a regular file no longer than {@code maxLength}; otherwise an IOException naming it. */
    private static byte[] readRegularFile(Path file, long maxLength) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " is " + (Files.isDirectory(file) ? "a directory" : "not a regular file")
                    + ", expected a file");
        }
        long size = Files.size(file);
        if (size > maxLength) {
            throw new IOException(file + " is " + size + " bytes long, more than the " + maxLength
                    + " bytes its expected contents can take: it is not the original file");
        }
        return Files.readAllBytes(file);
    }

    /**
     * Decompresses {@code bytes} (the contents of {@code file}), stopping one byte past {@code expectedLength}:
     * the caller's length check then reports a longer file without it ever being held in memory.
     */
    static byte[] gunzip(Path file, byte[] bytes, long expectedLength) throws IOException {
        if (bytes.length == 0) {
            throw new IOException(file + " is empty, expected gzip-compressed IDX data");
        }
        if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1f || (bytes[1] & 0xFF) != 0x8b) {
            throw new IOException(file + " is not in gzip format (it does not start with the bytes 1f 8b); if it is"
                    + " a raw IDX file, name it without .gz and list it in SHA256SUMS.raw");
        }
        byte[] data;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            data = in.readNBytes(Math.toIntExact(Math.min(expectedLength + 1, Integer.MAX_VALUE - 8)));
        } catch (EOFException e) {
            throw new IOException(file + " ends before its gzip data does (truncated)", e);
        } catch (IOException e) {
            throw new IOException(file + " has damaged gzip data (" + e.getMessage() + ")", e);
        }
        if (data.length > expectedLength) {
            throw new IOException(file + " decompresses to more than " + expectedLength + " bytes, the size of the"
                    + " IDX file it should hold: it is not the original file");
        }
        return data;
    }

    /** The "sha256  name" lines of a SHA256SUMS file as name → checksum. */
    private static Map<String, String> checksums(Path sumsFile) throws IOException {
        if (!Files.exists(sumsFile)) {
            throw new IOException("checksum file " + sumsFile + " is missing; restore it with `git checkout -- data/mnist`");
        }
        Map<String, String> sums = new HashMap<>();
        String text = new String(readRegularFile(sumsFile, 1 << 16), StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                sums.put(parts[1].replace("*", ""), parts[0]);
            }
        }
        return sums;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Parses an IDX3 image file: magic 0x803, count, rows, cols, then count·rows·cols unsigned bytes. */
    static Matrix parseImages(String file, byte[] bytes, int expectedCount) throws IOException {
        checkHeader(file, bytes, 16, IMAGES_MAGIC);
        int count = readInt(bytes, 4);
        int rows = readInt(bytes, 8);
        int cols = readInt(bytes, 12);
        if (count != expectedCount || rows != 28 || cols != 28) {
            throw new IOException(file + " holds " + count + " images of " + rows + "x" + cols + ", expected "
                    + expectedCount + " images of 28x28");
        }
        long expectedLength = 16L + (long) count * rows * cols;
        if (bytes.length != expectedLength) {
            throw new IOException(file + " is " + bytes.length + " bytes long, expected " + expectedLength
                    + " for " + count + " images of 28x28 (truncated or padded)");
        }
        Matrix images = Matrix.zeros(count, rows * cols);
        float[] d = images.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = (bytes[16 + i] & 0xFF) / 255f;
        }
        return images;
    }

    /** Parses an IDX1 label file: magic 0x801, count, then count bytes 0..9. */
    static int[] parseLabels(String file, byte[] bytes, int expectedCount) throws IOException {
        checkHeader(file, bytes, 8, LABELS_MAGIC);
        int count = readInt(bytes, 4);
        if (count != expectedCount) {
            throw new IOException(file + " holds " + count + " labels, expected " + expectedCount);
        }
        if (bytes.length != 8L + count) {
            throw new IOException(file + " is " + bytes.length + " bytes long, expected " + (8L + count)
                    + " for " + count + " labels (truncated or padded)");
        }
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            labels[i] = bytes[8 + i] & 0xFF;
            if (labels[i] > 9) {
                throw new IOException(file + " label " + i + " is " + labels[i] + ", expected 0..9");
            }
        }
        return labels;
    }

    private static void checkHeader(String file, byte[] bytes, int headerLength, int magic) throws IOException {
        if (bytes.length < headerLength) {
            throw new IOException(file + " is " + bytes.length + " bytes long, shorter than its " + headerLength
                    + "-byte IDX header (truncated)");
        }
        int actual = readInt(bytes, 0);
        if (actual != magic) {
            throw new IOException(String.format("%s starts with magic number 0x%08x, expected 0x%08x (%s); is it the right file?",
                    file, actual, magic, magic == IMAGES_MAGIC ? "IDX images" : "IDX labels"));
        }
    }

    private static int readInt(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16)
                | ((bytes[offset + 2] & 0xFF) << 8) | (bytes[offset + 3] & 0xFF);
    }

    @Override
    public String toString() {
        return "Mnist[train " + train.size() + ", test " + test.size() + " images 28x28]";
    }
}
