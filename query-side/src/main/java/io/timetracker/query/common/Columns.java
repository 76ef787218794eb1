package io.timetracker.query.common;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Null-aware column readers shared by the row mappers. */
public final class Columns {

    private Columns() {
    }

    /** {@code values} and one more after them, for a statement of {@link RowStatement#appended} columns. */
    public static Object[] appended(Object[] values, Object more) {
        Object[] all = Arrays.copyOf(values, values.length + 1);
        all[values.length] = more;
        return all;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static List<String> stringList(ResultSet rs, String column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    /** A PostgreSQL text-array literal (for a {@code ::text[]} cast), every element quoted. */
    public static String arrayLiteral(List<String> values) {
        return values.stream()
                .map(value -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    /**
     * An instant at PostgreSQL's precision, microseconds, cut here: left to them, the driver rounds a single value
     * half up while PostgreSQL rounds an array element half to even, so a live write (one row) and a replay (arrays)
     * would store an instant that ends in exactly half a microsecond differently.
     */
    public static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
