package org.aelab.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * What a training run measured so far, one value per epoch and column: the rows of its {@link History}.
 * Filled into arrays as training goes (no table work per epoch); the Tablesaw table is made at the end.
 */
final class EpochLog {
    /** The columns every history has, before the metrics. */
    static final List<String> STANDARD_COLUMNS = List.of("loss", "reconstruction", "penalty", "validation", "seconds");

    private final List<String> names;
    private final double[][] columns;
    private int epochs;

    EpochLog(List<String> metricNames, int capacity) {
        List<String> all = new ArrayList<>(STANDARD_COLUMNS);
        all.addAll(metricNames);
        names = List.copyOf(all);
        columns = new double[names.size()][capacity];
    }

    /** Records the next epoch: the standard columns from {@code stats}, then the metrics' values in order. */
    void add(EpochStats stats, double[] metricValues) {
        int row = epochs;
        double[] standard = {stats.loss(), stats.reconstructionLoss(), stats.penalty(), stats.validationLoss(), stats.seconds()};
        for (int k = 0; k < standard.length; k++) {
            columns[k][row] = standard[k];
        }
        for (int k = 0; k < metricValues.length; k++) {
            columns[standard.length + k][row] = metricValues[k];
        }
        epochs = row + 1;
    }

    /** Epochs recorded. */
    int epochs() {
        return epochs;
    }

    /** Column names: the standard ones, then the metrics. */
    List<String> names() {
        return names;
    }

    /** The values of column {@code k} for the recorded epochs (a copy). */
    double[] column(int k) {
        return Arrays.copyOf(columns[k], epochs);
    }

    /** Replaces the record with {@code values} (one array per column, all of one length), e.g. from a checkpoint. */
    void restore(double[][] values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException("a history of " + columns.length + " columns, got " + values.length);
        }
        int rows = values.length == 0 ? 0 : values[0].length;
        if (rows > columns[0].length) {
            throw new IllegalArgumentException("a history of at most " + columns[0].length + " epochs, got " + rows);
        }
        for (int k = 0; k < columns.length; k++) {
            System.arraycopy(values[k], 0, columns[k], 0, rows);
        }
        epochs = rows;
    }

    /** The recorded epochs as a table: an {@code epoch} column, then one double column per name. */
    Table table() {
        return toTable(names, columns, epochs);
    }

    private static Table toTable(List<String> names, double[][] columns, int rows) {
        int[] epochNumbers = new int[rows];
        for (int i = 0; i < rows; i++) {
            epochNumbers[i] = i + 1;
        }
        List<Column<?>> filled = new ArrayList<>();
        filled.add(IntColumn.create("epoch", epochNumbers));
        for (int k = 0; k < names.size(); k++) {
            filled.add(DoubleColumn.create(names.get(k), Arrays.copyOf(columns[k], rows)));
        }
        return Table.create("history", filled);
    }

    private static volatile boolean tablesawLoaded;

    /**
     * Builds a first (empty) history table on a thread of its own and waits for it, ignoring interrupts.
     * Tablesaw's first table scans the class path (about a second on a busy machine), and an interrupt
     * that reached that scan broke Tablesaw for the rest of the JVM's life (ExceptionInInitializerError);
     * done now, it also keeps the history built on an interrupt from waiting for the scan.
     */
    static void loadTablesaw() {
        if (tablesawLoaded) {
            return;
        }
        Thread loader = new Thread(() -> toTable(STANDARD_COLUMNS, new double[STANDARD_COLUMNS.size()][0], 0),
                "aelab-tablesaw-init");
        loader.setDaemon(true);
        loader.start();
        boolean interrupted = false;
        while (loader.isAlive()) {
            try {
                loader.join();
            } catch (InterruptedException e) {
                interrupted = true; // kept for the training loop, which checks before its first step
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        tablesawLoaded = true;
    }
}
