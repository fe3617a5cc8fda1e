package org.aelab.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.aelab.nn.Parameter;
import org.aelab.tensor.Matrix;

/**
 * What a training run trains and how, as the text lines a checkpoint records: a run resumes only from a
 * checkpoint of the same recipe. The starting weights and the data enter as checksums, so a checkpoint of a
 * model initialised (or pretrained) otherwise, or of other data of the same shape, is refused too.
 */
final class Recipe {
    private static final String MODEL = "this model has";
    private static final String TRAINER = "this trainer uses";
    private static final String DATA = "this fit gets";

    private final Map<String, String> lines = new LinkedHashMap<>();
    private final Map<String, String> whose = new LinkedHashMap<>();

    Recipe(Trainer trainer, Trainable model, Matrix inputs, Matrix targets, Matrix validationInputs, Matrix validationTargets) {
        add("layers", model.layers().toString(), MODEL);
        add("objective", model.objective().toString(), MODEL);
        add("corruption", String.valueOf(model.corruption()), MODEL);
        add("starting weights", weightsChecksum(model.layers().parameters()), MODEL);
        add("optimizer", trainer.optimizer().toString(), TRAINER);
        add("batch size", trainer.batchSize() == Trainer.FULL_BATCH ? "full" : String.valueOf(trainer.batchSize()), TRAINER);
        add("shuffle", String.valueOf(trainer.shuffles()), TRAINER);
        add("seed", String.valueOf(trainer.seed()), TRAINER);
        add("early stopping", trainer.patience() == 0 ? "none"
                : "patience " + trainer.patience() + ", min improvement " + trainer.minImprovement(), TRAINER);
        add("metrics", trainer.metrics().keySet().toString(), TRAINER);
        add("inputs", describe(inputs), DATA);
        add("targets", describe(targets), DATA);
        add("validation", validationInputs == null ? "none"
                : describe(validationInputs) + " and " + describe(validationTargets), DATA);
    }

    private void add(String key, String value, String owner) {
        lines.put(key, value.replace('\n', ' '));
        whose.put(key, owner);
    }

    Map<String, String> lines() {
        return lines;
    }

    /**
     * How {@code saved}, a checkpoint's recipe, differs from this one, one phrase per line ("optimizer
     * Adam(lr=0.001) but this trainer uses SGD(lr=0.1)"), or an empty list when they agree.
     */
    List<String> differences(Map<String, String> saved) {
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> line : lines.entrySet()) {
            String was = saved.get(line.getKey());
            if (!line.getValue().equals(was)) {
                differences.add(line.getKey() + " " + (was == null ? "(none recorded)" : was) + " but "
                        + whose.get(line.getKey()) + " " + line.getValue());
            }
        }
        for (String key : saved.keySet()) {
            if (!lines.containsKey(key)) {
                differences.add(key + " " + saved.get(key) + " but this run has none");
            }
        }
        return differences;
    }

    private static String describe(Matrix m) {
        return m.shape() + " " + crc(List.of(m.data()));
    }

    private static String weightsChecksum(List<Parameter> parameters) {
        return crc(parameters.stream().map(p -> p.value().data()).toList()) + " of " + parameters.size() + " parameters";
    }

    /** CRC-32 of the floats' bits, in hex. */
    private static String crc(List<float[]> arrays) {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[4096];
        for (float[] array : arrays) {
            int filled = 0;
            for (float v : array) {
                int bits = Float.floatToRawIntBits(v);
                buffer[filled++] = (byte) (bits >>> 24);
                buffer[filled++] = (byte) (bits >>> 16);
                buffer[filled++] = (byte) (bits >>> 8);
                buffer[filled++] = (byte) bits;
                if (filled == buffer.length) {
                    crc.update(buffer, 0, filled);
                    filled = 0;
                }
            }
            crc.update(buffer, 0, filled);
        }
        return String.format("crc32 %08x", crc.getValue());
    }
}
