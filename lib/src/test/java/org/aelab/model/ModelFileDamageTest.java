package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.aelab.nn.Activation;
import org.aelab.nn.Dense;
import org.aelab.nn.Layer;
import org.aelab.nn.LayerStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model files that are consistent in themselves but wrong for the network, or not files at all. */
class ModelFileDamageTest {
    private static final Map<String, String> PARAMETERS = Map.of("epochs", "3");

    private static LayerStack network(long seed) {
        return Autoencoder.builder().input(9).hidden(4, Activation.SIGMOID).output(Activation.SIGMOID)
                .seed(seed).build().layers();
    }

    private static float[] weights(LayerStack network) {
        float[] all = new float[0];
        for (Layer l : network.layers()) {
            Dense layer = (Dense) l;
            float[] w = layer.weightsCopy().data();
            float[] b = layer.biasCopy().data();
            float[] joined = Arrays.copyOf(all, all.length + w.length + b.length);
            System.arraycopy(w, 0, joined, all.length, w.length);
            System.arraycopy(b, 0, joined, all.length + w.length, b.length);
            all = joined;
        }
        return all;
    }

    /** A file for {@code network} whose header, length and CRC all agree on {@code floats} values. */
    private static byte[] withFloatCount(Path saved, int floats) throws IOException {
        String text = new String(Files.readAllBytes(saved), StandardCharsets.ISO_8859_1);
        String header = text.substring(0, text.indexOf("floats "));
        ByteBuffer data = ByteBuffer.allocate(floats * 4);
        for (int i = 0; i < floats; i++) {
            data.putFloat(0.25f);
        }
        CRC32 crc = new CRC32();
        crc.update(data.array());
        String tail = "floats " + floats + "\n" + String.format("crc32 %08x%n", crc.getValue()) + "data\n";
        byte[] head = (header + tail).getBytes(StandardCharsets.ISO_8859_1);
        byte[] file = Arrays.copyOf(head, head.length + data.array().length);
        System.arraycopy(data.array(), 0, file, head.length, data.array().length);
        return file;
    }

    @Test
    void aFloatCountThatDiffersFromTheNetworkIsRefusedBeforeAnyWeightChanges(@TempDir Path dir) throws IOException {
        Path saved = dir.resolve("saved.aelab");
        ModelFile.save(saved, network(1), PARAMETERS);
        int floats = weights(network(1)).length;  // 9·4 + 4 + 4·9 + 9 = 85
        assertEquals(85, floats);
        for (int lie : new int[] {floats - 1, floats + 1}) {
            Path forged = dir.resolve("forged-" + lie + ".aelab");
            Files.write(forged, withFloatCount(saved, lie));
            LayerStack target = network(2);
            float[] before = weights(target);
            IOException e = assertThrows(IOException.class, () -> ModelFile.loadInto(forged, target, PARAMETERS));
            assertEquals(forged + " holds " + lie + " floats, the network has 85 weights and biases", e.getMessage());
            assertTrue(Arrays.equals(before, weights(target)), "the network must be unchanged");
        }
        Path exact = dir.resolve("exact.aelab");
        Files.write(exact, withFloatCount(saved, floats));
        LayerStack target = network(2);
        ModelFile.loadInto(exact, target, PARAMETERS);
        float[] loaded = weights(target);
        float[] quarters = new float[floats];
        Arrays.fill(quarters, 0.25f);
        assertTrue(Arrays.equals(quarters, loaded), "the consistent file loads every value");
    }

    @Test
    void aDirectoryIsNamed(@TempDir Path dir) {
        IOException e = assertThrows(IOException.class, () -> ModelFile.loadInto(dir, network(1), PARAMETERS));
        assertEquals(dir + " is a directory, expected an aelab model file", e.getMessage());
    }

    @Test
    void crlfLineEndingsAreNamedAsSuch(@TempDir Path dir) throws IOException {
        Path saved = dir.resolve("saved.aelab");
        ModelFile.save(saved, network(1), PARAMETERS);
        String text = new String(Files.readAllBytes(saved), StandardCharsets.ISO_8859_1);
        int data = text.indexOf("data\n") + 5;
        String converted = text.substring(0, data).replace("\n", "\r\n") + text.substring(data);
        Files.write(saved, converted.getBytes(StandardCharsets.ISO_8859_1));
        IOException e = assertThrows(IOException.class, () -> ModelFile.loadInto(saved, network(2), PARAMETERS));
        assertTrue(e.getMessage().startsWith(saved + " has Windows (CRLF) line endings"), e.getMessage());
    }

    @Test
    void aFileFarLargerThanTheNetworkIsRefusedUnread(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.aelab");
        Files.write(huge, new byte[(1 << 20) + 85 * 4 + 1]);
        IOException e = assertThrows(IOException.class, () -> ModelFile.loadInto(huge, network(1), PARAMETERS));
        assertTrue(e.getMessage().startsWith(huge + " is 1048917 bytes long, more than the 1048916 bytes"), e.getMessage());
    }

    @Test
    void aSaveRemovesTheTemporaryFilesOfKilledSavesButNotOfLiveOnes(@TempDir Path dir) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = dir.resolve(".m.aelab." + gone.pid() + "-123456.tmp");
        Path live = dir.resolve(".m.aelab." + ProcessHandle.current().pid() + "-654321.tmp");
        Path other = dir.resolve(".other.aelab." + gone.pid() + "-1.tmp");
        for (Path p : new Path[] {abandoned, live, other}) {
            Files.write(p, new byte[10]);
        }
        ModelFile.save(dir.resolve("m.aelab"), network(1), PARAMETERS);
        assertFalse(Files.exists(abandoned), "a dead process's temporary file is removed");
        assertTrue(Files.exists(live), "a live process's temporary file stays");
        assertTrue(Files.exists(other), "another file's temporary file stays");
    }
}
