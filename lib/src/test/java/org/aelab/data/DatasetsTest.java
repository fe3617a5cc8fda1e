package org.aelab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.aelab.tensor.Matrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    @Test
    void smallDataSets() {
        Matrix oneHot = Datasets.oneHot(8);
        assertEquals(8.0, oneHot.mean() * 64, 1e-9);
        assertEquals(1f, oneHot.get(5, 5));
        Matrix patterns = Datasets.binaryPatterns3x3();
        assertEquals("5x9", patterns.shape());
        // x3 of 003 is the anti-diagonal: ones at (0,2), (1,1), (2,0)
        assertArrayEquals(new float[] {0, 0, 1, 0, 1, 0, 1, 0, 0}, patterns.rowCopy(2));
        Matrix images = Datasets.randomImages(100, 10, 10, 1);
        assertEquals("100x100", images.shape());
        assertTrue(images.sameValues(Datasets.randomImages(100, 10, 10, 1)), "same seed, same images");
        assertEquals(0.5, images.mean(), 0.02);
        assertThrows(IllegalArgumentException.class, () -> Datasets.oneHot(0));
    }

    @Test
    void mnistFromTheRepository() throws IOException {
        Mnist mnist = Mnist.load(repositoryMnist());
        assertEquals(60_000, mnist.train().size());
        assertEquals(10_000, mnist.test().size());
        // first labels as stated in data/mnist/README.md
        assertArrayEquals(new int[] {5, 0, 4, 1, 9, 2, 1, 3, 1, 4}, Arrays.copyOf(mnist.train().labels(), 10));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4, 1, 4, 9}, Arrays.copyOf(mnist.test().labels(), 8));
        float max = 0;
        float min = 1;
        for (float v : mnist.train().images().data()) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        assertEquals(1f, max);
        assertEquals(0f, min);
        LabeledImages few = mnist.train().first(100);
        assertEquals(100, few.size());
        assertEquals(5, few.labels()[0]);
        assertEquals(1f, few.oneHotLabels(10).get(0, 5));
    }

    @Test
    void forgedFileFailsItsChecksum(@TempDir Path dir) throws IOException {
        Path source = repositoryMnist();
        copyAll(source, dir);
        byte[] labels = gunzip(Files.readAllBytes(source.resolve("t10k-labels-idx1-ubyte.gz")));
        labels[8] = (byte) ((labels[8] + 1) % 10); // change the first test label
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), gzip(labels));
        IOException e = assertThrows(IOException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("t10k-labels-idx1-ubyte.gz has SHA-256") && e.getMessage().contains("expected 909a5aeb"),
                e.getMessage());
    }

    @Test
    void missingFileIsNamedWithHowToRestoreIt(@TempDir Path dir) throws IOException {
        copyAll(repositoryMnist(), dir);
        Files.delete(dir.resolve("train-images-idx3-ubyte.gz"));
        IOException e = assertThrows(IOException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("train-images-idx3-ubyte.gz") && e.getMessage().contains("git checkout -- data/mnist"),
                e.getMessage());
    }

    @Test
    void rawIdxFilesWithMatchingChecksumsButBadContentAreRejected() {
        byte[] labelsHeader = {0, 0, 8, 1, 0, 0, 0, 3, 1, 2}; // 3 labels announced, 2 present
        IOException truncated = assertThrows(IOException.class, () -> Mnist.parseLabels("labels", labelsHeader, 3));
        assertTrue(truncated.getMessage().contains("labels is 10 bytes long, expected 11"), truncated.getMessage());
        byte[] misnamed = {0, 0, 8, 1, 0, 0, 0, 1, 4, 0, 0, 0, 0, 0, 0, 0}; // a label file where images are expected
        IOException magic = assertThrows(IOException.class, () -> Mnist.parseImages("images", misnamed, 1));
        assertTrue(magic.getMessage().contains("magic number 0x00000801, expected 0x00000803"), magic.getMessage());
        byte[] wrongDims = {0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 27, 0, 0, 0, 28};
        IOException dims = assertThrows(IOException.class, () -> Mnist.parseImages("images", wrongDims, 1));
        assertTrue(dims.getMessage().contains("holds 1 images of 27x28, expected 1 images of 28x28"), dims.getMessage());
        IOException shortHeader = assertThrows(IOException.class, () -> Mnist.parseImages("images", new byte[5], 1));
        assertTrue(shortHeader.getMessage().contains("shorter than its 16-byte IDX header"), shortHeader.getMessage());
    }

    @Test
    void truncatedRawFileWithAMatchingChecksumIsRejected(@TempDir Path dir) throws IOException {
        Path source = repositoryMnist();
        copyAll(source, dir);
        byte[] images = gunzip(Files.readAllBytes(source.resolve("t10k-images-idx3-ubyte.gz")));
        byte[] cut = Arrays.copyOf(images, images.length - 100);
        Files.delete(dir.resolve("t10k-images-idx3-ubyte.gz"));
        Files.write(dir.resolve("t10k-images-idx3-ubyte"), cut);
        // a checksum file that vouches for the truncated file, so only the length check can catch it
        String sums = Files.readString(source.resolve("SHA256SUMS.raw")).replaceAll("\\S+(\\s+t10k-images-idx3-ubyte)",
                Mnist.sha256(cut) + "$1");
        Files.writeString(dir.resolve("SHA256SUMS.raw"), sums);
        IOException e = assertThrows(IOException.class, () -> Mnist.load(dir));
        assertTrue(e.getMessage().contains("t10k-images-idx3-ubyte is 7839916 bytes long, expected 7840016"), e.getMessage());
    }

    static Path repositoryMnist() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("data/mnist"))) {
                return dir.resolve("data/mnist");
            }
        }
        throw new IllegalStateException("data/mnist not found above " + Path.of("").toAbsolutePath());
    }

    private static void copyAll(Path from, Path to) throws IOException {
        try (var files = Files.list(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    static byte[] gunzip(byte[] bytes) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
