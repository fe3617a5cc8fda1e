package org.aelab.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aelab.nn.Parameter;

/**
 * A trainer's checkpoint setting for one run: where the run's state goes, how often, and which recipe a
 * checkpoint must have to be resumed. Loading refuses (all or nothing) a checkpoint of another recipe or one
 * whose arrays do not fit the run.
 */
final class Checkpoints {
    private final Path file;
    private final int everyEpochs;
    private final Recipe recipe;

    Checkpoints(Path file, int everyEpochs, Recipe recipe) {
        this.file = file;
        this.everyEpochs = everyEpochs;
        this.recipe = recipe;
    }

    /** Whether to save after {@code epoch}: every {@code everyEpochs} epochs, after the last, and when stopping early. */
    boolean due(int epoch, int lastEpoch, boolean stopping) {
        return epoch % everyEpochs == 0 || epoch == lastEpoch || stopping;
    }

    /**
     * Writes {@code checkpoint} on a thread of its own and waits for it, ignoring interrupts: an interrupt
     * (Kernel → Interrupt) would close the file channel mid-write. The interrupt is kept for the training loop,
     * which stops at its next step with the checkpoint complete.
     */
    void save(Checkpoint checkpoint) {
        IOException[] failure = new IOException[1];
        Thread writer = new Thread(() -> {
            try {
                checkpoint.write(file);
            } catch (IOException e) {
                failure[0] = e;
            }
        }, "aelab-checkpoint-writer");
        writer.start();
        boolean interrupted = false;
        while (writer.isAlive()) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure[0] != null) {
            throw new UncheckedIOException("could not write the checkpoint: " + failure[0].getMessage(), failure[0]);
        }
    }

    /** The recipe lines a checkpoint of this run records. */
    Recipe recipe() {
        return recipe;
    }

    /**
     * The checkpoint to resume from, or null when there is no file. Throws an IllegalArgumentException when it
     * was written for another recipe or holds more than {@code epochs} epochs, and an UncheckedIOException (its
     * cause an IOException naming the file) when it is damaged or does not fit the run's arrays.
     */
    Checkpoint load(int epochs, List<Parameter> parameters, float[][] optimizerBuffers, List<String> columns, int rows) {
        if (!Files.exists(file)) {
            return null;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = Checkpoint.read(file, maxBytes(parameters, optimizerBuffers, rows, columns.size(), epochs));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage() + "; delete it to train from the start", e);
        }
        List<String> differences = recipe.differences(checkpoint.recipe);
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("checkpoint " + file + " was written for " + String.join("; ", differences)
                    + ". Delete it, or give this trainer another checkpoint file, to train from the start");
        }
        if (checkpoint.epoch > epochs) {
            throw new IllegalArgumentException("checkpoint " + file + " holds " + checkpoint.epoch
                    + " epochs, more than this trainer's " + epochs);
        }
        String problem = misfit(checkpoint, parameters, optimizerBuffers, columns, rows);
        if (problem != null) {
            throw new UncheckedIOException(new IOException(file + " " + problem + ": it does not belong to this run"));
        }
        return checkpoint;
    }

    /** What in {@code checkpoint} does not fit the run's arrays, or null. */
    private static String misfit(Checkpoint checkpoint, List<Parameter> parameters, float[][] buffers,
                                 List<String> columns, int rows) {
        if (checkpoint.parameters.length != parameters.size()) {
            return "holds " + checkpoint.parameters.length + " parameters, the model has " + parameters.size();
        }
        if (checkpoint.optimizerBuffers.length != buffers.length) {
            return "holds " + checkpoint.optimizerBuffers.length + " optimizer buffers, the optimizer has " + buffers.length;
        }
        if (!checkpoint.columnNames.equals(columns)) {
            return "has history columns " + checkpoint.columnNames + ", this run " + columns;
        }
        if (!isPermutation(checkpoint.order, rows)) {
            return "has a row order that is not a permutation of the " + rows + " rows";
        }
        for (int k = 0; k < parameters.size(); k++) {
            if (checkpoint.parameters[k].length != parameters.get(k).value().data().length) {
                return "parameter " + parameters.get(k).name() + " holds " + checkpoint.parameters[k].length + " floats";
            }
        }
        for (int k = 0; k < buffers.length; k++) {
            if (checkpoint.optimizerBuffers[k].length != buffers[k].length) {
                return "optimizer buffer " + k + " holds " + checkpoint.optimizerBuffers[k].length + " floats";
            }
        }
        return null;
    }

    private static boolean isPermutation(int[] order, int n) {
        if (order.length != n) {
            return false;
        }
        boolean[] seen = new boolean[n];
        for (int i : order) {
            if (i < 0 || i >= n || seen[i]) {
                return false;
            }
            seen[i] = true;
        }
        return true;
    }

    /** An upper bound on a checkpoint's data for this run: its arrays, and a history of up to a million epochs. */
    private static long maxBytes(List<Parameter> parameters, float[][] buffers, int rows, int columns, int epochs) {
        long floats = 0;
        for (Parameter p : parameters) {
            floats += p.value().data().length;
        }
        for (float[] buffer : buffers) {
            floats += buffer.length;
        }
        long arrays = parameters.size() + buffers.length + columns;
        return 64 + 4 * floats + 4L * rows + 8 * arrays + columns * (200 + 8L * Math.max(epochs, 1_000_000));
    }
}
