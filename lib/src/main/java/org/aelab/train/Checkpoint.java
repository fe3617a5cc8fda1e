package org.aelab.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.aelab.io.AtomicFiles;
import org.aelab.io.HeaderLines;

/**
 * The state of a training run after an epoch, as aelab's checkpoint file, version 1: UTF-8 text lines, then
 * binary data (big-endian).
 *
 * <pre>
 * aelab-checkpoint 1
 * recipe N        then N lines key=value: what the run trains and how (layers, objective, optimizer, data…)
 * epoch E         the epochs completed
 * bytes B         the length of the binary data
 * crc32 XXXXXXXX  CRC-32 of the binary data, in hex
 * data            then B bytes: the parameters, the optimizer's step count and buffers, the random stream's
 *                 state, the order of the rows, and the history's columns (each array with its length first)
 * </pre>
 *
 * Written atomically (a temporary file, then a rename), so a run killed while saving leaves the previous
 * checkpoint. Reading checks the format, the length and the checksum and throws an IOException naming the file
 * for anything damaged; {@link Recipe#differences} says how a checkpoint's recipe differs from a run's.
 */
final class Checkpoint {
    static final String MAGIC = "aelab-checkpoint";
    static final int VERSION = 1;
    /** Generous room for the text header. */
    static final long MAX_HEADER_BYTES = 1 << 20;

    final Map<String, String> recipe;
    final int epoch;
    final float[][] parameters;
    final long optimizerSteps;
    final float[][] optimizerBuffers;
    final long[] rngState;
    final int[] order;
    final List<String> columnNames;
    final double[][] columns;

    Checkpoint(Map<String, String> recipe, int epoch, float[][] parameters, long optimizerSteps, float[][] optimizerBuffers,
               long[] rngState, int[] order, List<String> columnNames, double[][] columns) {
        this.recipe = recipe;
        this.epoch = epoch;
        this.parameters = parameters;
        this.optimizerSteps = optimizerSteps;
        this.optimizerBuffers = optimizerBuffers;
        this.rngState = rngState;
        this.order = order;
        this.columnNames = columnNames;
        this.columns = columns;
    }

    /** Writes this checkpoint to {@code file}, atomically. */
    void write(Path file) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(data)) {
            writeFloats(out, parameters);
            out.writeLong(optimizerSteps);
            writeFloats(out, optimizerBuffers);
            out.writeLong(rngState[0]);
            out.writeLong(rngState[1]);
            out.writeInt(order.length);
            for (int i : order) {
                out.writeInt(i);
            }
            out.writeInt(columns.length);
            for (int k = 0; k < columns.length; k++) {
                out.writeUTF(columnNames.get(k));
                out.writeInt(columns[k].length);
                for (double v : columns[k]) {
                    out.writeDouble(v);
                }
            }
        }
        byte[] binary = data.toByteArray();
        CRC32 crc = new CRC32();
        crc.update(binary);
        StringBuilder header = new StringBuilder(MAGIC + " " + VERSION + "\n");
        header.append("recipe ").append(recipe.size()).append('\n');
        recipe.forEach((k, v) -> header.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        header.append("epoch ").append(epoch).append('\n');
        header.append("bytes ").append(binary.length).append('\n');
        header.append(String.format("crc32 %08x%n", crc.getValue()));
        header.append("data\n");
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.write(header.toString().getBytes(StandardCharsets.UTF_8));
        whole.write(binary);
        AtomicFiles.write(file, whole.toByteArray());
    }

    private static void writeFloats(DataOutputStream out, float[][] arrays) throws IOException {
        out.writeInt(arrays.length);
        for (float[] array : arrays) {
            out.writeInt(array.length);
            for (float v : array) {
                out.writeFloat(v);
            }
        }
    }

    /**
     * Reads the checkpoint in {@code file}; any damage (not a checkpoint, another version, truncated, extra
     * bytes, a failed checksum, inconsistent contents, longer than {@code maxDataBytes} of data) is an
     * IOException whose message names the file.
     */
    static Checkpoint read(Path file, long maxDataBytes) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + (Files.isDirectory(file) ? " is a directory" : " is missing or not a regular file")
                    + ", expected an aelab checkpoint");
        }
        long size = Files.size(file);
        if (size > MAX_HEADER_BYTES + maxDataBytes) {
            throw new IOException(file + " is " + size + " bytes long, more than a checkpoint of this run can take ("
                    + (MAX_HEADER_BYTES + maxDataBytes) + ")");
        }
        byte[] bytes = Files.readAllBytes(file);
        HeaderLines header = new HeaderLines(file, bytes, "an aelab checkpoint");
        String first = header.line();
        if (!first.equals(MAGIC + " " + VERSION)) {
            throw new IOException(file + (first.startsWith(MAGIC + " ") ? " has checkpoint format version "
                    + first.substring(MAGIC.length() + 1) + ", this aelab reads version " + VERSION
                    : " is not an aelab checkpoint (it starts with '" + HeaderLines.abbreviate(first) + "')"));
        }
        int recipeLines = header.count("recipe");
        Map<String, String> recipe = new LinkedHashMap<>();
        for (int i = 0; i < recipeLines; i++) {
            String line = header.line();
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IOException(file + " recipe line " + (i + 1) + " has no '=': '" + HeaderLines.abbreviate(line) + "'");
            }
            recipe.put(line.substring(0, eq), line.substring(eq + 1));
        }
        int epoch = header.count("epoch");
        int length = header.count("bytes");
        String crcLine = header.line();
        if (!header.line().equals("data")) {
            throw new IOException(file + " is missing its data marker");
        }
        if (bytes.length - header.position() != length) {
            throw new IOException(file + " holds " + (bytes.length - header.position()) + " bytes of data, its header says "
                    + length + (bytes.length - header.position() < length ? " (truncated)" : " (extra bytes)"));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, header.position(), length);
        if (!String.format("crc32 %08x", crc.getValue()).equals(crcLine)) {
            throw new IOException(file + " data fails its checksum ('" + HeaderLines.abbreviate(crcLine) + "', computed "
                    + String.format("%08x", crc.getValue()) + "): the file is damaged");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, header.position(), length))) {
            return readData(file, in, length, recipe, epoch);
        } catch (java.io.EOFException e) {
            throw new IOException(file + " ends inside its data: its lengths are inconsistent", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(file.toString())) {
                throw e;
            }
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static Checkpoint readData(Path file, DataInputStream in, int length, Map<String, String> recipe, int epoch)
            throws IOException {
        float[][] parameters = readFloats(in, length);
        long steps = in.readLong();
        float[][] buffers = readFloats(in, length);
        long[] rngState = {in.readLong(), in.readLong()};
        int[] order = new int[arrayLength(in, length)];
        for (int i = 0; i < order.length; i++) {
            order[i] = in.readInt();
        }
        int columnCount = arrayLength(in, length);
        List<String> names = new ArrayList<>();
        double[][] columns = new double[columnCount][];
        for (int k = 0; k < columnCount; k++) {
            names.add(in.readUTF());
            columns[k] = new double[arrayLength(in, length)];
            for (int i = 0; i < columns[k].length; i++) {
                columns[k][i] = in.readDouble();
            }
            if (columns[k].length != epoch) {
                throw new IOException(file + " history column " + names.get(k) + " has " + columns[k].length
                        + " epochs, the header says " + epoch);
            }
        }
        if (in.available() != 0) {
            throw new IOException(file + " has " + in.available() + " bytes after its history");
        }
        return new Checkpoint(recipe, epoch, parameters, steps, buffers, rngState, order, names, columns);
    }

    private static float[][] readFloats(DataInputStream in, int bound) throws IOException {
        float[][] arrays = new float[arrayLength(in, bound)][];
        for (int a = 0; a < arrays.length; a++) {
            arrays[a] = new float[arrayLength(in, bound)];
            for (int i = 0; i < arrays[a].length; i++) {
                arrays[a][i] = in.readFloat();
            }
        }
        return arrays;
    }

    /** A length read from the data, refused when negative or longer than the data could hold. */
    private static int arrayLength(DataInputStream in, int bound) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > bound) {
            throw new IOException("a checkpoint array length of " + n + " is impossible in " + bound + " bytes of data");
        }
        return n;
    }
}
