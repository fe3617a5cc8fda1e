package org.aelab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.aelab.testing.FuzzReport;
import org.aelab.nn.Activation;
import org.aelab.nn.Dense;
import org.aelab.nn.Layer;
import org.aelab.nn.LayerStack;

/**
 * Damaged model files: every load either succeeds with exactly the saved weights or throws an IOException
 * that names the file and leaves the target network as it was.
 */
class ModelFileProperties {
    static final Map<String, String> PARAMETERS = Map.of("rho", "0.02", "epochs", "3");
    static final FuzzReport REPORT = new FuzzReport("model-file reader");
    static final Path DIR = REPORT.scratch();
    static final Path SAVED = DIR.resolve("saved.aelab");
    static final Path FILE = DIR.resolve("damaged.aelab");
    static final byte[] ORIGINAL = savedOnce();

    enum Damage { NONE, TRUNCATE, FLIP_BYTES, HEADER_LINE, APPEND, CRLF }

    static LayerStack network(long seed, boolean tied) {
        return Autoencoder.builder().input(9).hidden(4, Activation.SIGMOID).output(Activation.SIGMOID)
                .tiedWeights(tied).seed(seed).build().layers();
    }

    private static byte[] savedOnce() {
        try {
            ModelFile.save(SAVED, network(1, false), PARAMETERS);
            return Files.readAllBytes(SAVED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterContainer
    static void report() throws IOException {
        REPORT.finish();
    }

    static List<float[]> weights(LayerStack network) {
        List<float[]> all = new ArrayList<>();
        for (Layer l : network.layers()) {
            Dense layer = (Dense) l;
            all.add(layer.weightsCopy().data());
            all.add(layer.biasCopy().data());
        }
        return all;
    }

    static byte[] damage(byte[] original, Damage damage, Random random) {
        byte[] bytes = original.clone();
        int headerEnd = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("data\n") + 5;
        return switch (damage) {
            case NONE -> bytes;
            case TRUNCATE -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case FLIP_BYTES -> {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
                yield bytes;
            }
            case HEADER_LINE -> {
                // Replace one header line by a plausible lie: another count, another number, a blank.
                String header = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1);
                String[] lines = header.split("\n", -1);
                int which = random.nextInt(lines.length - 1);
                String line = lines[which];
                String lie = switch (random.nextInt(4)) {
                    case 0 -> line.replaceAll("\\d+", String.valueOf(random.nextInt(1000)));
                    case 1 -> line.replaceAll("\\d+", String.valueOf(random.nextInt() & Integer.MAX_VALUE));
                    case 2 -> line.replaceAll("\\d+", "-" + random.nextInt(100));
                    default -> "";
                };
                lines[which] = lie;
                byte[] head = String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
                byte[] out = Arrays.copyOf(head, head.length + bytes.length - headerEnd);
                System.arraycopy(bytes, headerEnd, out, head.length, bytes.length - headerEnd);
                yield out;
            }
            case APPEND -> Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(5000));
            case CRLF -> {
                String header = new String(bytes, 0, headerEnd, StandardCharsets.ISO_8859_1).replace("\n", "\r\n");
                byte[] head = header.getBytes(StandardCharsets.ISO_8859_1);
                byte[] out = Arrays.copyOf(head, head.length + bytes.length - headerEnd);
                System.arraycopy(bytes, headerEnd, out, head.length, bytes.length - headerEnd);
                yield out;
            }
        };
    }

    @Property
    void everyOutcomeIsTheSavedWeightsOrANamedIOException(@ForAll Damage damage,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) throws IOException {
        Files.write(FILE, damage(ORIGINAL, damage, new Random(seed)));
        LayerStack target = network(2, false);
        List<float[]> before = weights(target);
        String outcome;
        try {
            ModelFile.loadInto(FILE, target, PARAMETERS);
            List<float[]> saved = weights(network(1, false));
            List<float[]> loaded = weights(target);
            for (int i = 0; i < saved.size(); i++) {
                assertArrayEquals(saved.get(i), loaded.get(i), "a load that succeeds gives the saved weights");
            }
            outcome = "loaded";
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            assertTrue(message.startsWith(FILE.toString()), () -> "the message must name the file: " + message);
            List<float[]> after = weights(target);
            for (int i = 0; i < before.size(); i++) {
                assertArrayEquals(before.get(i), after.get(i), "a refused load leaves the network unchanged");
            }
            outcome = "IOException: " + message.substring(FILE.toString().length()).replaceAll("'[^']*'", "'…'")
                    .replaceAll("-?\\d+x-?\\d+", "NxN").replaceAll("\\b\\d+\\b", "N").replaceAll("\\b[0-9a-f]{8}\\b", "X").replaceAll("\\(.*\\)", "(…)");
        }
        REPORT.count();
        Statistics.label("damage").collect(damage);
        Statistics.label("outcome").collect(outcome);
    }
}
