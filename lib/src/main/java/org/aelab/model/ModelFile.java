package org.aelab.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.aelab.io.AtomicFiles;
import org.aelab.io.HeaderLines;
import org.aelab.nn.Dense;
import org.aelab.nn.Layer;
import org.aelab.nn.LayerStack;
import org.aelab.nn.Parameter;

/**
 * Saves and loads the weights of a {@link LayerStack} in aelab's model format, version 1, so a notebook can reuse
 * what an earlier notebook trained. The file is UTF-8 text lines, then binary data:
 *
 * <pre>
 * aelab-model 1
 * parameters N            then N lines key=value (sorted by key): the hyperparameters it was trained with
 * layers L                then L lines "inputs outputs activation tied|own"
 * floats F                the number of float32 values that follow
 * crc32 XXXXXXXX          CRC-32 of the binary data, in hex
 * data                    then F big-endian float32: per layer, its weights row by row (inputs × outputs,
 *                         omitted for a tied layer) and its bias
 * </pre>
 *
 * Files are written to a temporary file in the same directory, then renamed over the target, so an
 * interrupted save never leaves a half-written model. Loading checks the version, the layer shapes, the
 * parameters, the length and the checksum, and refuses (with an {@link IOException} naming the file and the
 * difference) anything that does not match.
 */
public final class ModelFile {
    static final String MAGIC = "aelab-model";
    static final int VERSION = 1;
    /** Generous room for the text header; a longer file than header plus data is refused before it is read. */
    static final long MAX_HEADER_BYTES = 1 << 20;

    private ModelFile() {
    }

    /** Writes {@code network}'s weights and {@code parameters} to {@code file}, atomically. */
    public static void save(Path file, LayerStack network, Map<String, String> parameters) throws IOException {
        Map<String, String> sorted = new TreeMap<>(parameters);
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            if (e.getKey().contains("=") || e.getKey().contains("\n") || e.getValue().contains("\n")) {
                throw new IllegalArgumentException("parameter keys must not contain '=' or newlines, values no newlines; got "
                        + e.getKey() + "=" + e.getValue());
            }
        }
        List<float[]> blocks = blocks(network);
        long floats = floatCount(network);
        ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(floats * 4));
        for (float[] block : blocks) {
            for (float v : block) {
                data.putFloat(v);
            }
        }
        CRC32 crc = new CRC32();
        crc.update(data.array());
        StringBuilder header = new StringBuilder();
        header.append(MAGIC).append(' ').append(VERSION).append('\n');
        header.append("parameters ").append(sorted.size()).append('\n');
        sorted.forEach((k, v) -> header.append(k).append('=').append(v).append('\n'));
        header.append("layers ").append(network.layers().size()).append('\n');
        for (Layer layer : network.layers()) {
            header.append(describe(layer)).append('\n');
        }
        header.append("floats ").append(floats).append('\n');
        header.append(String.format("crc32 %08x%n", crc.getValue()));
        header.append("data\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(header.toString().getBytes(StandardCharsets.UTF_8));
            out.write(data.array());
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    /**
     * Copies the weights stored in {@code file} into {@code network}, after checking that the file's format
     * version, layer shapes and {@code expectedParameters} all match; otherwise throws an IOException that
     * says what differs and leaves {@code network} unchanged.
     */
    public static void loadInto(Path file, LayerStack network, Map<String, String> expectedParameters) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + (Files.isDirectory(file) ? " is a directory" : " is missing or not a regular file")
                    + ", expected an aelab model file");
        }
        long networkFloats = floatCount(network);
        long largest = MAX_HEADER_BYTES + networkFloats * 4;
        if (Files.size(file) > largest) {
            throw new IOException(file + " is " + Files.size(file) + " bytes long, more than the " + largest
                    + " bytes a model of this network's " + networkFloats + " weights can take");
        }
        byte[] bytes = Files.readAllBytes(file);
        HeaderLines reader = new HeaderLines(file, bytes, "an aelab model file");
        String first = reader.line();
        if (!first.startsWith(MAGIC + " ")) {
            throw new IOException(file + " is not an aelab model file (it starts with '" + abbreviate(first) + "')");
        }
        String version = first.substring(MAGIC.length() + 1);
        if (!version.equals(String.valueOf(VERSION))) {
            throw new IOException(file + " has model format version " + version + ", this aelab reads version " + VERSION);
        }
        int parameterCount = reader.count("parameters");
        Map<String, String> saved = new TreeMap<>();
        for (int i = 0; i < parameterCount; i++) {
            String line = reader.line();
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IOException(file + " parameter line " + (i + 1) + " has no '=': '" + abbreviate(line) + "'");
            }
            saved.put(line.substring(0, eq), line.substring(eq + 1));
        }
        Map<String, String> expected = new TreeMap<>(expectedParameters);
        if (!saved.equals(expected)) {
            throw new IOException(file + " was trained with different parameters: " + difference(saved, expected));
        }
        int layerCount = reader.count("layers");
        if (layerCount != network.layers().size()) {
            throw new IOException(file + " holds " + layerCount + " layers, the network has " + network.layers().size());
        }
        for (int i = 0; i < layerCount; i++) {
            String line = reader.line();
            String wanted = describe(network.layers().get(i));
            if (!line.equals(wanted)) {
                throw new IOException(file + " layer " + i + " is '" + abbreviate(line) + "', the network's is '" + wanted + "'");
            }
        }
        long floats = reader.count("floats");
        if (floats != networkFloats) {
            throw new IOException(file + " holds " + floats + " floats, the network has " + networkFloats
                    + " weights and biases");
        }
        String crcLine = reader.line();
        if (!crcLine.startsWith("crc32 ")) {
            throw new IOException(file + " is missing its crc32 line (found '" + abbreviate(crcLine) + "')");
        }
        if (!reader.line().equals("data")) {
            throw new IOException(file + " is missing its data marker");
        }
        long expectedLength = reader.position() + floats * 4;
        if (bytes.length != expectedLength) {
            throw new IOException(file + " is " + bytes.length + " bytes long, expected " + expectedLength
                    + " for " + floats + " floats" + (bytes.length < expectedLength ? " (truncated)" : " (extra bytes)"));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, reader.position(), (int) (floats * 4));
        if (!String.format("crc32 %08x", crc.getValue()).equals(crcLine)) {
            throw new IOException(file + " data fails its checksum (" + crcLine + ", computed "
                    + String.format("%08x", crc.getValue()) + "): the file is damaged");
        }
        // Every check passed and the data holds exactly the network's floats: only now is the network changed.
        ByteBuffer data = ByteBuffer.wrap(bytes, reader.position(), (int) (floats * 4));
        for (float[] block : blocks(network)) {
            for (int i = 0; i < block.length; i++) {
                block[i] = data.getFloat();
            }
        }
    }

    /**
     * The arrays a model file stores, in file order: per layer its parameters not stored before (a dense layer's
     * weights, unless tied to an encoder's, then its bias).
     */
    private static List<float[]> blocks(LayerStack network) {
        List<float[]> blocks = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            blocks.add(p.value().data());
        }
        return blocks;
    }

    private static long floatCount(LayerStack network) {
        long floats = 0;
        for (float[] block : blocks(network)) {
            floats += block.length;
        }
        return floats;
    }

    /**
     * Reuses the weights in {@code file} when it exists and matches {@code network} and {@code parameters};
     * otherwise runs {@code train} and saves the result to {@code file}. Says on standard output which it
     * did and why, so a notebook never reuses or retrains silently.
     *
     * @return true when the saved weights were loaded, false when {@code train} ran
     */
    public static boolean loadOrTrain(Path file, LayerStack network, Map<String, String> parameters, Runnable train)
            throws IOException {
        if (Files.exists(file)) {
            try {
                loadInto(file, network, parameters);
                System.out.println("Reusing the weights saved in " + file);
                return true;
            } catch (IOException refused) {
                System.out.println("Not reusing " + file + ": " + refused.getMessage() + ". Training instead.");
            }
        } else {
            System.out.println("No saved model at " + file + ": training.");
        }
        train.run();
        save(file, network, parameters);
        System.out.println("Saved the trained weights to " + file);
        return false;
    }

    private static String describe(Layer layer) {
        if (layer instanceof Dense dense) {
            return dense.inputs() + " " + dense.outputs() + " " + dense.activation() + " " + (dense.isTied() ? "tied" : "own");
        }
        return layer.inputs() + " " + layer.outputs() + " " + layer.activation() + " " + layer;
    }

    private static String difference(Map<String, String> saved, Map<String, String> expected) {
        List<String> differences = new ArrayList<>();
        TreeMap<String, String> keys = new TreeMap<>(saved);
        keys.putAll(expected);
        for (String key : keys.keySet()) {
            String was = saved.get(key);
            String now = expected.get(key);
            if (was == null || !was.equals(now)) {
                differences.add(key + " saved " + (was == null ? "(absent)" : was) + ", now " + (now == null ? "(absent)" : now));
            }
        }
        return String.join("; ", differences);
    }

    private static String abbreviate(String s) {
        return HeaderLines.abbreviate(s);
    }
}
