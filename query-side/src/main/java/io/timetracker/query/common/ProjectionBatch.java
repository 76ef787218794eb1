package io.timetracker.query.common;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The projection writes of one unit of work, a command's or a replay's window of thousands of events, run
 * together when it commits. Each statement runs once per <em>layer</em> with all its rows: a row's layer is the
 * number of earlier rows of the same key, so the changes to one row keep their order while rows of different keys,
 * which are independent, share an execution. The statements of a layer go to the database as one
 * multi-statement text (the driver sends them together and the server runs them in order), so a window of history
 * costs one round trip per layer instead of one per event, and a live command one per layer (one, unless it
 * changes a row twice).
 */
public final class ProjectionBatch {

    private record Change(RowStatement statement, Object key, Object[] values) {
    }

    /**
     * Runs first in each text: its statements are planned at every execution, for the rows they carry and the sizes
     * their tables have then, not by the plan the connection cached when it first ran them. A cached plan made
     * while a table was small scans the whole table, and keeps doing so as it grows until statistics are next
     * gathered (never, where autovacuum is off): every write then costs more the more history there is. Planning
     * these statements costs far less than that. (A function, not {@code SET LOCAL}: the batches written after a
     * commit run outside a transaction block.)
     */
    private static final String PLANNED_FOR_THESE_ROWS =
            "SELECT set_config('plan_cache_mode', 'force_custom_plan', true)";

    private final List<Change> changes = new ArrayList<>();
    private final List<Function<SQLException, RuntimeException>> failures = new ArrayList<>();
    private final Map<Class<?>, Object> memory;

    /** A batch of its own: a command's, or a window of a replay that projections keep no memory through. */
    public ProjectionBatch() {
        this(null);
    }

    /**
     * A window of a replay from the first event: {@code memory} (one map for every window of the replay) holds
     * what projections remember of the events before it ({@link ProjectionWrites#replayMemory}).
     */
    public ProjectionBatch(Map<Class<?>, Object> memory) {
        this.memory = memory;
    }

    /** What the replay this batch is a window of remembers of {@code type}, or null where it remembers nothing. */
    <S> S memory(Class<S> type, Supplier<S> fresh) {
        return memory == null ? null : type.cast(memory.computeIfAbsent(type, absent -> fresh.get()));
    }

    void add(RowStatement statement, Object key, Object[] values) {
        if (values.length != statement.columns().size()) {
            throw new IllegalArgumentException("The statement on " + statement.keyTable() + " has "
                    + statement.columns().size() + " columns, not " + values.length);
        }
        changes.add(new Change(statement, key, values));
    }

    /** {@code translate} turns a failure of this batch it knows (null: not one of its own) into what it means. */
    void translateFailures(Function<SQLException, RuntimeException> translate) {
        failures.add(translate);
    }

    public int size() {
        return changes.size();
    }

    /** Runs every change on {@code jdbc}'s current connection (the caller's transaction), then forgets them. */
    public void flush(JdbcTemplate jdbc) {
        flush(jdbc, List.of());
    }

    /**
     * Runs every change, then {@code reads} in the round trip of the last layer, on {@code jdbc}'s current connection
     * (the caller's transaction), and forgets the changes.
     */
    void flush(JdbcTemplate jdbc, List<ReadBack<?>> reads) {
        if (changes.isEmpty()) {
            return;
        }
        List<Map<RowStatement, List<Object[]>>> layers = layers();
        changes.clear();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try {
                for (int layer = 0; layer < layers.size(); layer++) {
                    execute(connection, inRunningOrder(layers.get(layer)),
                            layer == layers.size() - 1 ? reads : List.of());
                }
            } catch (SQLException e) {
                for (Function<SQLException, RuntimeException> translate : failures) {
                    RuntimeException meaning = translate.apply(e);
                    if (meaning != null) {
                        throw meaning;
                    }
                }
                throw e;
            }
            return null;
        });
    }

    /** A layer's statements, those on contended rows last (their row locks are then held the shortest). */
    private static List<Map.Entry<RowStatement, List<Object[]>>> inRunningOrder(
            Map<RowStatement, List<Object[]>> layer) {
        List<Map.Entry<RowStatement, List<Object[]>>> runs = new ArrayList<>(layer.entrySet());
        runs.sort(Comparator.comparing(run -> run.getKey().isContended()));
        return runs;
    }

    private List<Map<RowStatement, List<Object[]>>> layers() {
        Map<String, Integer> nextLayer = new HashMap<>();
        List<Map<RowStatement, List<Object[]>>> layers = new ArrayList<>();
        for (Change change : changes) {
            int layer = nextLayer.merge(change.statement().keyTable() + ':' + change.key(), 1, Integer::sum) - 1;
            while (layers.size() <= layer) {
                layers.add(new LinkedHashMap<>());
            }
            layers.get(layer).computeIfAbsent(change.statement(), statement -> new ArrayList<>()).add(change.values());
        }
        return layers;
    }

    private static void execute(Connection connection, List<Map.Entry<RowStatement, List<Object[]>>> runs,
                                List<ReadBack<?>> reads) throws SQLException {
        String sql = Stream.of(Stream.of(PLANNED_FOR_THESE_ROWS),
                        runs.stream().map(run -> run.getKey().sql(run.getValue().size())),
                        reads.stream().map(ReadBack::sql))
                .flatMap(statements -> statements).collect(Collectors.joining(";\n"));
        try (PreparedStatement prepared = connection.prepareStatement(sql)) {
            int parameter = 1;
            for (Map.Entry<RowStatement, List<Object[]>> run : runs) {
                List<Object[]> rows = run.getValue();
                List<RowStatement.Column> columns = run.getKey().columns();
                for (int c = 0; c < columns.size(); c++) {
                    prepared.setObject(parameter++, rows.size() == 1 ? rows.get(0)[c]
                            : column(connection, columns.get(c).type(), rows, c));
                }
            }
            for (ReadBack<?> read : reads) {
                for (Object value : read.parameters()) {
                    prepared.setObject(parameter++, value);
                }
            }
            if (reads.isEmpty()) {
                prepared.execute();
                return;
            }
            read(prepared, reads);
        }
    }

    /**
     * Maps the row (if any) of each of the text's last results, the reads', in order: the writes before them give
     * update counts (or results of their own, kept open until the reads' are known to be the last).
     */
    private static void read(PreparedStatement prepared, List<ReadBack<?>> reads) throws SQLException {
        List<ResultSet> results = new ArrayList<>();
        try {
            boolean isResult = prepared.execute();
            while (isResult || prepared.getUpdateCount() != -1) {
                if (isResult) {
                    results.add(prepared.getResultSet());
                }
                isResult = prepared.getMoreResults(Statement.KEEP_CURRENT_RESULT);
            }
            List<ResultSet> readResults = results.subList(results.size() - reads.size(), results.size());
            for (int r = 0; r < reads.size(); r++) {
                mapFirstRow(reads.get(r), readResults.get(r));
            }
        } finally {
            for (ResultSet result : results) {
                result.close();
            }
        }
    }

    private static <T> void mapFirstRow(ReadBack<T> read, ResultSet rows) throws SQLException {
        read.found(rows.next() ? read.mapper().mapRow(rows, 0) : null);
    }

    /**
     * Column {@code c} of {@code rows} as an array parameter: a typed Java array where the driver sends it in
     * binary (nothing to format here, nothing to parse in the database), otherwise the driver's text form.
     */
    private static Object column(Connection connection, String type, List<Object[]> rows, int c)
            throws SQLException {
        return switch (type) {
            case "int8" -> values(rows, c, new Long[rows.size()],
                    value -> value instanceof Long same ? same : Long.valueOf(((Number) value).longValue()));
            case "int4" -> values(rows, c, new Integer[rows.size()],
                    value -> value instanceof Integer same ? same : Integer.valueOf(((Number) value).intValue()));
            case "bool" -> values(rows, c, new Boolean[rows.size()], Boolean.class::cast);
            case "text" -> values(rows, c, new String[rows.size()], String.class::cast);
            case "bytea" -> values(rows, c, new byte[rows.size()][], byte[].class::cast);
            default -> connection.createArrayOf(type, values(rows, c, new Object[rows.size()], value -> value));
        };
    }

    private static <T> T[] values(List<Object[]> rows, int c, T[] column, Function<Object, T> convert) {
        for (int r = 0; r < column.length; r++) {
            Object value = rows.get(r)[c];
            column[r] = value == null ? null : convert.apply(value);
        }
        return column;
    }
}
