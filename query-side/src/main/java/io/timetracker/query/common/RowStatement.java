package io.timetracker.query.common;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One set-based statement of a projection: SQL over a CTE {@code rows} that holds every row of a batch, each
 * column bound as one array. A live write runs it with the one row its event gives; a replay with thousands, in
 * one round trip, through the same SQL. The body reads {@code rows}; when it has CTEs of its own it starts with
 * {@code WITH} and {@code rows} is put first. Rows are identified by a key per statement ({@link #keyTable}): two
 * rows of one key in a batch are never run in the same execution, so the body may treat each key as one row.
 */
public final class RowStatement {

    /** A column of {@code rows}: its name and PostgreSQL type. */
    public record Column(String name, String type) {
    }

    private final String keyTable;
    private final List<Column> columns;
    private final String sql;
    private final boolean contended;

    private RowStatement(String keyTable, List<Column> columns, String body, boolean contended) {
        this.keyTable = keyTable;
        this.columns = List.copyOf(columns);
        this.contended = contended;
        String unnest = IntStream.range(0, columns.size())
                .mapToObj(i -> "?::" + columns.get(i).type() + "[]").collect(Collectors.joining(", "));
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String rows = "rows AS (SELECT * FROM unnest(" + unnest + ") AS r(" + names + "))";
        String trimmed = body.strip();
        this.sql = trimmed.regionMatches(true, 0, "WITH ", 0, 5)
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

    public static Column numeric(String name) {
        return new Column(name, "numeric");
    }

    String keyTable() {
        return keyTable;
    }

    List<Column> columns() {
        return columns;
    }

    String sql() {
        return sql;
    }

    boolean isContended() {
        return contended;
    }
}
