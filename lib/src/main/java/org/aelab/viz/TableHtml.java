package org.aelab.viz;

import java.math.BigDecimal;
import java.math.MathContext;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** A Tablesaw table as a tidy HTML table: the first and last rows of a long table, with a note. */
final class TableHtml {
    static final int HEAD_ROWS = 15;
    static final int TAIL_ROWS = 5;

    private TableHtml() {
    }

    static String of(Table table) {
        int rows = table.rowCount();
        int cols = table.columnCount();
        boolean cut = rows > HEAD_ROWS + TAIL_ROWS;
        StringBuilder out = new StringBuilder();
        out.append("<table class=\"aelab-table\" style=\"border-collapse: collapse; font-size: 13px;\">\n");
        out.append("<caption style=\"caption-side: top; text-align: left; padding: 2px 0;\"><b>")
                .append(Html.escape(table.name() == null ? "table" : table.name())).append("</b> · ")
                .append(rows).append(rows == 1 ? " row" : " rows").append(" × ").append(cols)
                .append(cols == 1 ? " column" : " columns")
                .append(cut ? " (showing the first " + HEAD_ROWS + " and last " + TAIL_ROWS + ")" : "")
                .append("</caption>\n<thead><tr>");
        for (String name : table.columnNames()) {
            out.append("<th style=\"").append(CELL).append(" border-bottom: 2px solid #888;\">")
                    .append(Html.escape(name)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < rows; r++) {
            if (cut && r == HEAD_ROWS) {
                out.append("<tr><td colspan=\"").append(cols).append("\" style=\"").append(CELL)
                        .append(" text-align: center; color: #666;\">… ").append(rows - HEAD_ROWS - TAIL_ROWS)
                        .append(" more rows …</td></tr>\n");
                r = rows - TAIL_ROWS;
            }
            out.append("<tr>");
            for (int c = 0; c < cols; c++) {
                Column<?> column = table.column(c);
                out.append("<td style=\"").append(CELL).append(column.type().name().matches("DOUBLE|FLOAT|INTEGER|LONG|SHORT")
                        ? " text-align: right;\">" : "\">").append(Html.escape(cell(column, r))).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static final String CELL = "padding: 2px 8px; border-bottom: 1px solid #ddd; font-family: monospace;";

    private static String cell(Column<?> column, int row) {
        if (column.isMissing(row)) {
            return "";
        }
        Object value = column.get(row);
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        return column.getString(row);
    }

    /** Five significant digits, plain notation where it stays short: 0.00012346, 12.346, 1.2346e+06. */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        double magnitude = Math.abs(v);
        if (magnitude >= 1e6 || magnitude < 1e-4) {
            return String.format("%.4e", v);
        }
        return new BigDecimal(v).round(new MathContext(5)).stripTrailingZeros().toPlainString();
    }
}
