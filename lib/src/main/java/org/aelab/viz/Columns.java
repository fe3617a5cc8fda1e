package org.aelab.viz;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Reads a table column by name, with messages that list what the table does have. */
final class Columns {
    private Columns() {
    }

    static double[] numbers(Table table, String name) {
        Column<?> column = column(table, name);
        if (!(column instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("column '" + name + "' of table '" + table.name() + "' holds "
                    + column.type().name().toLowerCase() + " values; a numeric column is needed here");
        }
        return numeric.asDoubleArray();
    }

    static String[] strings(Table table, String name) {
        Column<?> column = column(table, name);
        String[] out = new String[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.getString(i);
        }
        return out;
    }

    private static Column<?> column(Table table, String name) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        if (name == null || !table.containsColumn(name)) {
            throw new IllegalArgumentException("column '" + name + "' is not in table '" + table.name()
                    + "'; its columns are " + table.columnNames());
        }
        return table.column(name);
    }
}
