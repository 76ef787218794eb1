package io.timetracker.query.common;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** A WHERE clause of a list's filters: each condition is added, with its parameter, only when its value is given. */
public final class OptionalConditions {

    private final StringBuilder where = new StringBuilder(" WHERE true");
    private final MapSqlParameterSource params;

    public OptionalConditions(MapSqlParameterSource params) {
        this.params = params;
    }

    /** Adds {@code sql}, which reads the parameter {@code name}, when {@code value} is not null. */
    public OptionalConditions and(String sql, String name, Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.addValue(name, value);
        }
        return this;
    }

    /** Adds {@code sql}, which needs no parameter (or has set its own). */
    public OptionalConditions and(String sql) {
        where.append(" AND ").append(sql);
        return this;
    }

    /** The clause, starting with a space. */
    public String sql() {
        return where.toString();
    }
}
