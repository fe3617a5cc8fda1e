package org.aelab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import org.aelab.testing.FuzzReport;

/**
 * Damaged MNIST files whose SHA256SUMS line was forged to match, so that only the IDX and gzip checks stand
 * between the damage and the caller. Every outcome is a correct load or an IOException naming the file.
 * Files hold 3 images (and 3 labels) to keep a case small; `make fuzz` runs many more cases than the build.
 */
class IdxReaderProperties {
    static final int COUNT = 3;
    static final String IMAGES = "t10k-images-idx3-ubyte";
    static final String LABELS = "t10k-labels-idx1-ubyte";
    static final FuzzReport REPORT = new FuzzReport("IDX reader");
    static final Path DIR = REPORT.scratch();

    enum Damage { NONE, TRUNCATE, FLIP_BYTES, HEADER_FIELD, APPEND, GZIP_STREAM, RAW_UNDER_GZ_NAME }

    @AfterContainer
    static void report() throws IOException {
        REPORT.finish();
    }

    static byte[] idx(int magic, int[] dims, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int v : new int[] {magic}) {
            writeInt(out, v);
        }
        for (int d : dims) {
            writeInt(out, d);
        }
        out.writeBytes(body);
        return out.toByteArray();
    }

    private static void writeInt(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Damages a valid raw IDX file (before compression, unless the damage is to the gzip stream itself). */
    static byte[] damageRaw(byte[] raw, Damage damage, int headerLength, Random random) {
        byte[] bytes = raw.clone();
        switch (damage) {
            case TRUNCATE -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case FLIP_BYTES -> {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
            }
            case HEADER_FIELD -> {
                int field = random.nextInt(headerLength / 4) * 4;
                int value = random.nextBoolean() ? random.nextInt() : random.nextInt(100);
                bytes[field] = (byte) (value >>> 24);
                bytes[field + 1] = (byte) (value >>> 16);
                bytes[field + 2] = (byte) (value >>> 8);
                bytes[field + 3] = (byte) value;
            }
            case APPEND -> {
                byte[] longer = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(2000));
                bytes = longer;
            }
            default -> { }
        }
        return bytes;
    }

    static byte[] damageGzip(byte[] gz, Random random) {
        byte[] bytes = gz.clone();
        return switch (random.nextInt(3)) {
            case 0 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> {
                for (int i = 1 + random.nextInt(4); i > 0; i--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
                }
                yield bytes;
            }
            default -> Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(100));
        };
    }

    @Property
    void everyOutcomeIsALoadOrANamedIOException(@ForAll Damage damage, @ForAll boolean damageImages,
            @ForAll boolean compressed, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int seed) throws IOException {
        Random random = new Random(seed);
        byte[] pixels = new byte[COUNT * 28 * 28];
        random.nextBytes(pixels);
        byte[] digits = new byte[COUNT];
        for (int i = 0; i < COUNT; i++) {
            digits[i] = (byte) random.nextInt(10);
        }
        byte[] images = idx(Mnist.IMAGES_MAGIC, new int[] {COUNT, 28, 28}, pixels);
        byte[] labels = idx(Mnist.LABELS_MAGIC, new int[] {COUNT}, digits);
        String target = damageImages ? IMAGES : LABELS;
        int headerLength = damageImages ? 16 : 8;
        byte[] damagedRaw = damage == Damage.GZIP_STREAM || damage == Damage.RAW_UNDER_GZ_NAME
                ? (damageImages ? images : labels)
                : damageRaw(damageImages ? images : labels, damage, headerLength, random);
        boolean gz = compressed || damage == Damage.GZIP_STREAM || damage == Damage.RAW_UNDER_GZ_NAME;
        byte[] stored = !gz ? damagedRaw
                : damage == Damage.GZIP_STREAM ? damageGzip(gzip(damagedRaw), random)
                : damage == Damage.RAW_UNDER_GZ_NAME ? damagedRaw
                : gzip(damagedRaw);

        REPORT.emptyScratch();
        String suffix = gz ? ".gz" : "";
        byte[] other = damageImages ? labels : images;
        byte[] storedOther = gz ? gzip(other) : other;
        Files.write(DIR.resolve(target + suffix), stored);
        Files.write(DIR.resolve((damageImages ? LABELS : IMAGES) + suffix), storedOther);
        Files.writeString(DIR.resolve(gz ? "SHA256SUMS.gz" : "SHA256SUMS.raw"),
                Mnist.sha256(stored) + "  " + target + suffix + "\n"
                        + Mnist.sha256(storedOther) + "  " + (damageImages ? LABELS : IMAGES) + suffix + "\n");

        String outcome;
        try {
            LabeledImages read = Mnist.read(DIR, "t10k", COUNT);
            assertEquals(COUNT, read.size());
            for (int i = 0; i < COUNT; i++) {
                int label = read.labels()[i];
                assertTrue(label >= 0 && label <= 9, "label " + label);
            }
            outcome = "loaded";
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            assertTrue(message.contains(DIR.resolve(target).toString()), () -> "the message must name the damaged file "
                    + target + suffix + ": " + message);
            outcome = "IOException: " + kind(message);
        }
        REPORT.count();
        Statistics.label("damage").collect(damage);
        Statistics.label("outcome").collect(outcome);
    }

    /** The message's gist without the path and the numbers, so outcomes can be counted by kind. */
    static String kind(String message) {
        return message.replace(DIR.toString(), "").replaceAll("/[\\w.-]+", "FILE").replaceAll("0x[0-9a-fA-F]+", "0x…")
                .replaceAll("-?\\d+x-?\\d+", "NxN").replaceAll("\\b\\d+\\b", "N").replaceAll("\\(.*\\)", "(…)");
    }
}
