package org.aelab.train;

import tech.tablesaw.api.Table;

/**
 * What a training run measured, one row per epoch, as a Tablesaw {@link Table} with columns
 * {@code epoch}, {@code loss} (the loss term + penalty), the loss term under the name the trained model gives it
 * ({@link Trainable#lossColumn()}: {@code reconstruction} for an autoencoder, {@code cross-entropy} for a
 * classifier), {@code penalty}, {@code validation} (NaN without a validation set), {@code seconds}, then one
 * column per metric.
 */
public final class History {
    private final Table table;
    private final boolean stoppedEarly;
    private final int interruptedAt;
    private final int resumedAfter;

    History(Table table, boolean stoppedEarly) {
        this(table, stoppedEarly, 0, 0);
    }

    History(Table table, boolean stoppedEarly, int interruptedAt, int resumedAfter) {
        this.table = table;
        this.stoppedEarly = stoppedEarly;
        this.interruptedAt = interruptedAt;
        this.resumedAfter = resumedAfter;
    }

    /**
     * The history of a training loop outside {@link Trainer} (a variational autoencoder's): {@code table} has an
     * {@code epoch} column, a {@code loss} column and a {@code seconds} column, one row per completed epoch, and any
     * other columns the loop measured. {@code interruptedAt} is the epoch in which the loop was interrupted, or 0.
     */
    public static History of(Table table, int interruptedAt) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        for (String required : new String[] {"epoch", "loss", "seconds"}) {
            if (!table.columnNames().contains(required)) {
                throw new IllegalArgumentException("a history table needs a column '" + required + "', got " + table.columnNames());
            }
        }
        if (interruptedAt < 0) {
            throw new IllegalArgumentException("interruptedAt must be >= 0 (0: not interrupted), got " + interruptedAt);
        }
        return new History(table.copy(), interruptedAt > 0, interruptedAt, 0);
    }

    /** The per-epoch table (a copy, so filtering or adding columns cannot change this history). */
    public Table table() {
        return table.copy();
    }

    public int epochs() {
        return table.rowCount();
    }

    /**
     * The column {@code name} as an array: "loss", the loss term ("reconstruction", or a classifier's
     * "cross-entropy"), "penalty", "validation", "seconds" or a metric.
     */
    public double[] column(String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("history has no column '" + name + "'; columns are " + table.columnNames());
        }
        return table.numberColumn(name).asDoubleArray();
    }

    /** The value of column {@code name} after the last epoch. */
    public double last(String name) {
        double[] values = column(name);
        if (values.length == 0) {
            throw new IllegalStateException("history has no epochs" + (interruptedAt > 0
                    ? " (training was interrupted in epoch " + interruptedAt + ")" : ""));
        }
        return values[values.length - 1];
    }

    public double lastLoss() {
        return last("loss");
    }

    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /**
     * The epoch in which training was interrupted (its steps are not in the table: the table ends with
     * the epoch before), or 0 when it was not; see {@link TrainingInterruptedException}.
     */
    public int interruptedAt() {
        return interruptedAt;
    }

    /**
     * The epochs this run took from a checkpoint (see {@code Trainer.Builder.checkpoint}): it continued after
     * them, their rows in the table are the checkpoint's; 0 when the run started from the beginning.
     */
    public int resumedAfter() {
        return resumedAfter;
    }

    /** Mean seconds per epoch. */
    public double secondsPerEpoch() {
        double[] seconds = column("seconds");
        double sum = 0;
        for (double s : seconds) {
            sum += s;
        }
        return sum / seconds.length;
    }

    @Override
    public String toString() {
        String end = (resumedAfter > 0 ? ", resumed after epoch " + resumedAfter + " from a checkpoint" : "")
                + (interruptedAt > 0 ? ", interrupted in epoch " + interruptedAt : stoppedEarly ? ", stopped early" : "");
        if (epochs() == 0) {
            return "History[0 epochs" + end + "]";
        }
        return String.format("History[%d epochs, loss %.6g → %.6g%s]", epochs(), column("loss")[0], lastLoss(), end);
    }
}
