package io.timetracker.query.report;

import io.timetracker.query.common.Columns;
import io.timetracker.query.report.ReportQueries.ReportFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.function.Consumer;

/**
 * The entries of a report one by one, in start order, for the exports. Not a query-bus query: an export streams
 * its rows to the response as the database sends them (a cursor in a read-only transaction, fetched in pages), so
 * memory does not grow with the number of rows.
 */
@Component
public class ReportEntries {

    private static final int FETCH_SIZE = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ReportEntries(DataSource dataSource, PlatformTransactionManager transactionManager) {
        JdbcTemplate cursor = new JdbcTemplate(dataSource);
        cursor.setFetchSize(FETCH_SIZE);
        this.jdbc = new NamedParameterJdbcTemplate(cursor);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Hands each entry of the report to {@code each}, in start order (then by id). */
    public void forEach(ReportFilter filter, Consumer<ReportEntry> each) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String sql = "SELECT v.*, u.username, c.name AS client_name, p.name AS project_name, t.name AS task_name"
                + " FROM report_entry_versions v" + ReportSource.names("v", filter, params)
                + " WHERE " + ReportSource.versions(filter, params)
                + " ORDER BY v.start_time, v.entry_id";
        readOnly.executeWithoutResult(status -> jdbc.query(sql, params, rs -> {
            each.accept(new ReportEntry(rs.getLong("entry_id"), rs.getObject("work_date", java.time.LocalDate.class),
                    rs.getString("username"), rs.getString("client_name"), rs.getString("project_name"),
                    rs.getString("task_name"), Columns.instant(rs, "start_time"), Columns.instant(rs, "end_time"),
                    rs.getLong("seconds"), rs.getBoolean("billable"), rs.getString("notes"), rs.getString("tags"),
                    rs.getString("approval_status")));
        }));
    }
}
