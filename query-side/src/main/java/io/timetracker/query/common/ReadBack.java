package io.timetracker.query.common;

import org.springframework.jdbc.core.RowMapper;

import java.util.List;

/**
 * A read of what a write is about to commit, run by the write's {@link ProjectionBatch} after its last statements,
 * in the same round trip and the same transaction: the answer to a write (a created resource) is then the row its
 * projection wrote, as every later read sees it, without a query of its own after the commit. It finds at most one
 * row; {@code sql} takes {@code parameters} positionally.
 */
public final class ReadBack<T> {

    private final String sql;
    private final List<Object> parameters;
    private final RowMapper<T> mapper;
    private T found;
    private boolean read;

    public ReadBack(String sql, List<Object> parameters, RowMapper<T> mapper) {
        this.sql = sql;
        this.parameters = List.copyOf(parameters);
        this.mapper = mapper;
    }

    String sql() {
        return sql;
    }

    List<Object> parameters() {
        return parameters;
    }

    RowMapper<T> mapper() {
        return mapper;
    }

    /** Forgets an earlier run's row: a write sent again (after a failed attempt) reads anew. */
    void forget() {
        found = null;
        read = false;
    }

    void found(T row) {
        found = row;
        read = true;
    }

    /** Whether a batch has run the read. */
    boolean isRead() {
        return read;
    }

    /** The row the read found (null: none), once it has run. */
    public T found() {
        return found;
    }
}
