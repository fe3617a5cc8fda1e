package org.aelab.train;

import tech.tablesaw.api.Table;

/**
 * What a training run measured, one row per epoch, as a Tablesaw {@link Table} with columns
 * {@code epoch}, {@code loss} (reconstruction + penalty), {@code reconstruction}, {@code penalty},
 * {@code validation} (NaN without a validation set), {@code seconds}, then one column per metric.
 */
public final class History {
    private final Table table;
    private final boolean stoppedEarly;

    History(Table table, boolean stoppedEarly) {
        this.table = table;
        this.stoppedEarly = stoppedEarly;
    }

    /** The per-epoch table (a copy, so filtering or adding columns cannot change this history). */
    public Table table() {
        return table.copy();
    }

    public int epochs() {
        return table.rowCount();
    }

    /** The column {@code name} as an array: "loss", "reconstruction", "penalty", "validation", "seconds" or a metric. */
    public double[] column(String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("history has no column '" + name + "'; columns are " + table.columnNames());
        }
        return table.numberColumn(name).asDoubleArray();
    }

    /** The value of column {@code name} after the last epoch. */
    public double last(String name) {
        double[] values = column(name);
        return values[values.length - 1];
    }

    public double lastLoss() {
        return last("loss");
    }

    public boolean stoppedEarly() {
        return stoppedEarly;
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
        return String.format("History[%d epochs, loss %.6g → %.6g%s]", epochs(), column("loss")[0], lastLoss(),
                stoppedEarly ? ", stopped early" : "");
    }
}
