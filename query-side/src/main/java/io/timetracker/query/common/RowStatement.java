package io.timetracker.query.common;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One set-based statement of a projection: SQL over a CTE {@code rows} that holds every row of a batch. A replay
 * runs it with thousands of rows in one round trip, each column bound as one array; a live write with the one row
 * its event gives, bound as plain values ({@code VALUES}), so that the planner knows it is one row and probes
 * indexes rather than scanning a table for it, whatever statistics it has. The body reads {@code rows}; when it
 * has CTEs of its own it starts with {@code WITH} and {@code rows} is put first. Rows are identified by a key per
 * statement ({@link #keyTable}): two rows of one key in a batch are never run in the same execution, so the body
 * may treat each key as one row.
 */
public final class RowStatement {

    /** A column of {@code rows}: its name and PostgreSQL type. */
    public record Column(String name, String type) {
    }

    private final String keyTable;
    private final List<Column> columns;
    private final String oneRowSql;
    private final String manyRowsSql;
    private final boolean contended;

    private RowStatement(String keyTable, List<Column> columns, String body, boolean contended) {
        this.keyTable = keyTable;
        this.columns = List.copyOf(columns);
        this.contended = contended;
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.oneRowSql = withRows(body, "rows (" + names + ") AS (VALUES (" + parameters(columns, "") + "))");
        this.manyRowsSql = withRows(body,
                "rows AS (SELECT * FROM unnest(" + parameters(columns, "[]") + ") AS r(" + names + "))");
    }

    private static String parameters(List<Column> columns, String suffix) {
        return columns.stream().map(column -> "?::" + column.type() + suffix).collect(Collectors.joining(", "));
    }

    private static String withRows(String body, String rows) {
        String trimmed = body.strip();
        return trimmed.regionMatches(true, 0, "WITH ", 0, 5)
                ? "WITH " + rows + ", " + trimmed.substring(5) : "WITH " + rows + " " + trimmed;
    }

    /**
     * @param keyTable the table whose row each row of this statement is (its key is that row's id)
     * @param body     the SQL, reading the CTE {@code rows}
     * @param columns  the columns of {@code rows}, in the order values are given
     */
    public static RowStatement of(String keyTable, String body, Column... columns) {
        return new RowStatement(keyTable, List.of(columns), body, false);
    }

    /**
     * A statement that writes rows many concurrent writers share (totals): in a batch it runs after every other
     * statement, so the row locks it takes are held only until the commit that follows.
     */
    public static RowStatement contended(String keyTable, String body, Column... columns) {
        return new RowStatement(keyTable, List.of(columns), body, true);
    }

    /** {@code columns} and one more after them (a create's columns are an update's and what only a create sets). */
    public static Column[] appended(Column[] columns, Column more) {
        Column[] all = Arrays.copyOf(columns, columns.length + 1);
        all[columns.length] = more;
        return all;
    }

    public static Column bigint(String name) {
        return new Column(name, "int8");
    }

    public static Column integer(String name) {
        return new Column(name, "int4");
    }

    public static Column text(String name) {
        return new Column(name, "text");
    }

    public static Column bool(String name) {
        return new Column(name, "bool");
    }

    public static Column timestamp(String name) {
        return new Column(name, "timestamptz");
    }

    public static Column date(String name) {
        return new Column(name, "date");
    }

    public static Column bytea(String name) {
        return new Column(name, "bytea");
    }

    public static Column numeric(String name) {
        return new Column(name, "numeric");
    }

    String keyTable() {
        return keyTable;
    }

    List<Column> columns() {
        return columns;
    }

    /** The SQL for a batch of {@code rows} rows: plain parameters for one, one array per column for more. */
    String sql(int rows) {
        return rows == 1 ? oneRowSql : manyRowsSql;
    }

    boolean isContended() {
        return contended;
    }
}
