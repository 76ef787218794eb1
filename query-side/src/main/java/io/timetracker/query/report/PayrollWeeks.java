package io.timetracker.query.report;

import io.timetracker.query.report.ReportQueries.Payroll;
import io.timetracker.query.report.ReportQueries.PayrollWeek;
import io.timetracker.query.report.ReportQueries.PayrollWeeksOf;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Payroll: hours per user and ISO week from the report's day totals (so the cost does not grow with the entries),
 * each week's period cut to the period asked for. {@code approvedOnly} counts approved entries only.
 */
@Component
public class PayrollWeeks {

    private final NamedParameterJdbcTemplate jdbc;

    public PayrollWeeks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Payroll handle(PayrollWeeksOf query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String cells = ReportSource.cells(query.filter(), params, true);
        return new Payroll(jdbc.query("""
                SELECT s.user_id, u.username, extract(isoyear FROM s.work_date)::int AS week_year,
                       extract(week FROM s.work_date)::int AS week_number,
                       greatest(date_trunc('week', s.work_date)::date, :startDate) AS period_start,
                       least(date_trunc('week', s.work_date)::date + 6, :endDate) AS period_end,
                       sum(s.seconds) AS seconds, coalesce(sum(s.seconds) FILTER (WHERE s.billable), 0) AS billable
                FROM %s s LEFT JOIN users u ON u.id = s.user_id
                WHERE %s
                GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(s.entries) > 0 ORDER BY 1, 3, 4"""
                        .formatted(cells, query.approvedOnly() ? "s.approval_status = 'approved'" : "true"),
                params, (rs, row) -> new PayrollWeek(rs.getLong("user_id"), rs.getString("username"),
                        rs.getInt("week_year"), rs.getInt("week_number"),
                        rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                        rs.getLong("seconds"), rs.getLong("billable"))));
    }
}
