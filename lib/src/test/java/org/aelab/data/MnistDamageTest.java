package org.aelab.data;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged gzip files whose SHA256SUMS line matches (so only decompression can tell): each must end in an
 * IOException that names the file and says what is wrong, never an EOFException without a message or an
 * OutOfMemoryError.
 */
class MnistDamageTest {
    static final String LABELS = "t10k-labels-idx1-ubyte.gz";

    /** A copy of the repository's data/mnist with t10k labels replaced by {@code labels} and its checksum updated. */
    private static Path withLabels(Path dir, byte[] labels) throws IOException {
        Path source = DatasetsTest.repositoryMnist();
        try (var files = Files.list(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        Files.write(dir.resolve(LABELS), labels);
        String sums = Files.readString(dir.resolve("SHA256SUMS.gz"))
                .replaceAll("[0-9a-f]{64}(\\s+\\*?" + LABELS.replace(".", "\\.") + ")", Mnist.sha256(labels) + "$1");
        Files.writeString(dir.resolve("SHA256SUMS.gz"), sums);
        return dir;
    }

    private static String failure(Path dir) {
        return assertThrows(IOException.class, () -> Mnist.load(dir)).getMessage();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void emptyGzipIsNamed(@TempDir Path dir) throws IOException {
        String message = failure(withLabels(dir, new byte[0]));
        assertTrue(message.contains(dir.resolve(LABELS) + " is empty"), message);
    }

    @Test
    void gzipCutInHalfIsNamed(@TempDir Path dir) throws IOException {
        byte[] whole = Files.readAllBytes(DatasetsTest.repositoryMnist().resolve(LABELS));
        String message = failure(withLabels(dir, Arrays.copyOf(whole, whole.length / 2)));
        assertTrue(message.startsWith(dir.resolve(LABELS) + " ends before its gzip data does (truncated)"), message);
    }

    @Test
    void rawIdxUnderAGzipNameIsNamed(@TempDir Path dir) throws IOException {
        byte[] raw = DatasetsTest.gunzip(Files.readAllBytes(DatasetsTest.repositoryMnist().resolve(LABELS)));
        String message = failure(withLabels(dir, raw));
        assertTrue(message.startsWith(dir.resolve(LABELS) + " is not in gzip format"), message);
    }

    @Test
    void damagedDeflateDataIsNamed(@TempDir Path dir) throws IOException {
        byte[] bytes = Files.readAllBytes(DatasetsTest.repositoryMnist().resolve(LABELS));
        for (int i = 20; i < 60; i++) {
            bytes[i] ^= (byte) 0x5a;
        }
        String message = failure(withLabels(dir, bytes));
        assertTrue(message.startsWith(dir.resolve(LABELS) + " "), message);
    }

    @Test
    void decompressionStopsJustPastTheExpectedSize(@TempDir Path dir) throws IOException {
        // 64 MiB of zeros compress to about 64 KiB; the labels file may hold 8 + 10 000 bytes.
        String message = failure(withLabels(dir, gzip(new byte[64 << 20])));
        assertTrue(message.equals(dir.resolve(LABELS) + " decompresses to more than 10008 bytes, the size of the"
                + " IDX file it should hold: it is not the original file"), message);
    }

    @Test
    void checksumFileThatIsADirectoryIsNamed(@TempDir Path dir) throws IOException {
        Path copy = withLabels(dir, Files.readAllBytes(DatasetsTest.repositoryMnist().resolve(LABELS)));
        Files.delete(copy.resolve("SHA256SUMS.gz"));
        Files.createDirectory(copy.resolve("SHA256SUMS.gz"));
        String message = failure(copy);
        assertTrue(message.equals(copy.resolve("SHA256SUMS.gz") + " is a directory, expected a file"), message);
    }
}
