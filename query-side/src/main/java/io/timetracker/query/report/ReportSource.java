package io.timetracker.query.report;

import io.timetracker.query.common.Columns;
import io.timetracker.query.report.ReportQueries.ReportFilter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The rows a report reads, as SQL: the versions recorded at the filter's instant, or the current ones — summed per
 * day ({@link #cells}) or one per entry ({@link #versions}) — narrowed by the filter, and the names and rates they
 * are shown with, as they stood at that instant or now ({@link #names}).
 */
final class ReportSource {

    private ReportSource() {
    }

    /**
     * A relation of (work_date, user_id, client_id, project_id, task_id, billable, approval_status, seconds,
     * entries) whose sums per group are the report's: the day totals now (of all users together, unless
     * {@code perUser} or the filter names a user; then user_id is null). At {@code asOf}, the totals less what
     * changed since, so that the cost follows the changes, not the entries: of all users, less the changes of the
     * days (UTC) after the instant's ({@code report_day_changes}), less the versions recorded on its day after it
     * and plus those its day replaced after it; per user, less the current versions recorded after it and plus the
     * versions it had that were replaced after it.
     */
    static String cells(ReportFilter filter, MapSqlParameterSource params, boolean perUser) {
        boolean ofEveryone = !perUser && filter.userId() == null;
        String now = ofEveryone ? totals("report_day_project_totals", "NULL::bigint", "", filter, params)
                : totals("report_day_totals", "user_id", "", filter, params);
        if (filter.asOf() == null) {
            return "(" + now + ")";
        }
        params.addValue("asOf", Columns.timestamp(filter.asOf()));
        String version = "SELECT work_date, user_id, client_id, project_id, task_id, billable, approval_status, ";
        if (!ofEveryone) {
            return "(" + now
                    + " UNION ALL " + version + "-seconds, -1 FROM report_entry_versions v"
                    + " WHERE v.recorded_to IS NULL AND v.recorded_from > :asOf" + narrowing(filter, params)
                    + " UNION ALL " + version + "seconds, 1 FROM report_entry_versions v"
                    + " WHERE v.recorded_to > :asOf AND v.recorded_from <= :asOf" + narrowing(filter, params) + ")";
        }
        LocalDate day = filter.asOf().atZone(ZoneOffset.UTC).toLocalDate();
        params.addValue("asOfDay", Date.valueOf(day))
                .addValue("dayAfter", Columns.timestamp(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
        return "(" + now
                + " UNION ALL " + totals("report_day_changes", "NULL::bigint", "-", filter, params)
                + " AND v.changed_on > :asOfDay"
                + " UNION ALL " + version + "-seconds, -1 FROM " + ofTheDay("recorded_from") + narrowing(filter, params)
                + " UNION ALL " + version + "seconds, 1 FROM " + ofTheDay("recorded_to") + narrowing(filter, params)
                + ")";
    }

    /**
     * The versions {@code v} whose {@code column} falls on the instant's day after it, found by that column's index
     * alone ({@code OFFSET 0} keeps the filter's conditions out): the plan PostgreSQL caches for the statement,
     * made for any day, otherwise read them by work date from the period index, every version of the range.
     */
    private static String ofTheDay(String column) {
        return "(SELECT * FROM report_entry_versions WHERE " + column + " > :asOf AND " + column + " < :dayAfter"
                + " OFFSET 0) v WHERE true";
    }

    /** The cells of a totals table {@code v} (no project or task: null), their sums with {@code sign}. */
    private static String totals(String table, String userColumn, String sign, ReportFilter filter,
                                 MapSqlParameterSource params) {
        return "SELECT work_date, " + userColumn + " AS user_id, client_id, nullif(project_id, 0) AS project_id, "
                + "nullif(task_id, 0) AS task_id, billable, approval_status, " + sign + "seconds, " + sign
                + "entries FROM " + table + " v WHERE true" + narrowing(filter, params);
    }

    /** The condition on {@code report_entry_versions v} and the filter's conditions, for one row per entry. */
    static String versions(ReportFilter filter, MapSqlParameterSource params) {
        return recorded(filter, params) + narrowing(filter, params);
    }

    /**
     * The joins that name the rows of {@code row} (a relation with user_id, client_id, project_id, task_id): users
     * {@code u} (username), clients {@code c} (name, default_hourly_rate), projects {@code p} (name, hourly_rate)
     * and tasks {@code t} (name) — as they are now, or as they were recorded at the filter's instant.
     */
    static String names(String row, ReportFilter filter, MapSqlParameterSource params) {
        return " LEFT JOIN users u ON u.id = " + row + ".user_id"
                + " LEFT JOIN " + named(filter, params, "clients", ReportNames.CLIENT, "default_hourly_rate")
                + " c ON c.id = " + row + ".client_id"
                + " LEFT JOIN " + named(filter, params, "projects", ReportNames.PROJECT, "hourly_rate")
                + " p ON p.id = " + row + ".project_id"
                + " LEFT JOIN " + named(filter, params, "tasks", ReportNames.TASK, null) + " t ON t.id = " + row
                + ".task_id";
    }

    /**
     * The live table, or the names (and rates, as {@code rateColumn} when the table has one) recorded at the
     * filter's instant.
     */
    private static String named(ReportFilter filter, MapSqlParameterSource params, String table, String kind,
                                String rateColumn) {
        if (filter.asOf() == null) {
            return table;
        }
        params.addValue("asOf", Columns.timestamp(filter.asOf()));
        return "(SELECT n.id, n.name" + (rateColumn == null ? "" : ", n.hourly_rate AS " + rateColumn) + " FROM "
                + ReportNames.TABLE + " n WHERE n.kind = '" + kind + "' AND n.recorded_from <= :asOf"
                + " AND (n.recorded_to IS NULL OR n.recorded_to > :asOf))";
    }

    private static String recorded(ReportFilter filter, MapSqlParameterSource params) {
        if (filter.asOf() == null) {
            return "v.recorded_to IS NULL";
        }
        params.addValue("asOf", Columns.timestamp(filter.asOf()));
        return "v.recorded_from <= :asOf AND (v.recorded_to IS NULL OR v.recorded_to > :asOf)";
    }

    private static String narrowing(ReportFilter filter, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(" AND v.work_date BETWEEN :startDate AND :endDate");
        params.addValue("startDate", Date.valueOf(filter.startDate())).addValue("endDate",
                Date.valueOf(filter.endDate()));
        condition(where, params, "v.user_id = :userId", "userId", filter.userId());
        condition(where, params, "v.project_id = :projectId", "projectId", filter.projectId());
        condition(where, params, "v.client_id = :clientId", "clientId", filter.clientId());
        return where.toString();
    }

    private static void condition(StringBuilder where, MapSqlParameterSource params, String sql, String name,
                                  Object value) {
        if (value != null) {
            where.append(" AND ").append(sql);
            params.addValue(name, value);
        }
    }
}
