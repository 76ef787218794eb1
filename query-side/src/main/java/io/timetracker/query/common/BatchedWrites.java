package io.timetracker.query.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * A projection's writes for the current batch of events, sent to the database together, in the order they were
 * made, when the batch's unit of work prepares to commit (inside its transaction). A replay then costs one round
 * trip per run of like statements instead of one per event; a live event (a batch of one) costs the same as a
 * direct write. Outside a unit of work a write is executed at once. Every statement must be idempotent on its own
 * (the batch may be retried) and must not return rows.
 */
@Component
public class BatchedWrites {

    private static final String RESOURCE = BatchedWrites.class.getName();

    private final NamedParameterJdbcTemplate jdbc;

    public BatchedWrites(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String sql, MapSqlParameterSource params) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, params);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(RESOURCE, key -> {
            Pending pending = new Pending();
            batch.onPrepareCommit(unitOfWork -> pending.flush(jdbc));
            return pending;
        }).add(sql, params);
    }

    private static final class Pending {

        private final List<String> statements = new ArrayList<>();
        private final List<SqlParameterSource> parameters = new ArrayList<>();

        void add(String sql, SqlParameterSource params) {
            statements.add(sql);
            parameters.add(params);
        }

        /** Sends each run of consecutive identical statements as one JDBC batch. */
        void flush(NamedParameterJdbcTemplate jdbc) {
            int start = 0;
            while (start < statements.size()) {
                int end = start + 1;
                while (end < statements.size() && statements.get(end).equals(statements.get(start))) {
                    end++;
                }
                jdbc.batchUpdate(statements.get(start),
                        parameters.subList(start, end).toArray(SqlParameterSource[]::new));
                start = end;
            }
            statements.clear();
            parameters.clear();
        }
    }
}
