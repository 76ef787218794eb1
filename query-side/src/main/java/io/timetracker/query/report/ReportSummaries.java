package io.timetracker.query.report;

import io.timetracker.query.report.ReportQueries.FilterNames;
import io.timetracker.query.report.ReportQueries.Group;
import io.timetracker.query.report.ReportQueries.Grouping;
import io.timetracker.query.report.ReportQueries.NameFilter;
import io.timetracker.query.report.ReportQueries.ReportFilter;
import io.timetracker.query.report.ReportQueries.ReportSummary;
import io.timetracker.query.report.ReportQueries.Summarize;
import io.timetracker.query.report.ReportQueries.Totals;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Summaries: one query sums the report's cells per group and per project and client (few rows, whatever the number
 * of entries; summed by ids, then joined to names); the groups are those of the grouping asked for, and the totals,
 * the groups by project and the revenue (at each project's rate, else its client's) are added up from the project
 * and client sums. Names and rates are joined as they stood at the report's instant (as they are now without one).
 */
@Component
public class ReportSummaries {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final NamedParameterJdbcTemplate jdbc;

    public ReportSummaries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A row of the summary query: a group of the grouping asked for ({@code byProject} false), or the sums of one
     * project and client ({@code byProject} true, with the rate they are billed at), from which the totals, the
     * groups by project and the revenue are added up.
     */
    private record Cell(boolean byProject, Group group, Long projectId, String projectName, BigDecimal rate) {
    }

    /**
     * One statement sums the cells in two grouping sets, by the group's key and by project and client, so it returns
     * a row per group and per project whatever the period (a year by day: 365 and a few, where rows per day,
     * project and client would be thousands to merge here).
     */
    @QueryHandler
    public ReportSummary handle(Summarize query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        Grouping grouping = query.grouping();
        GroupSql group = GroupSql.of(grouping);
        List<Cell> cells = jdbc.query("SELECT x.by_project, x.group_key, " + group.label() + " AS group_label,"
                + " x.project_id, p.name AS project_name, coalesce(p.hourly_rate, c.default_hourly_rate) AS rate,"
                + " x.seconds, x.billable, x.entries FROM (SELECT GROUPING(s.project_id, s.client_id) = 0"
                + " AS by_project, " + group.key() + " AS group_key, "
                + (grouping == Grouping.USER ? "s.user_id" : "NULL::bigint") + " AS user_id, "
                + (grouping == Grouping.TASK ? "s.task_id" : "NULL::bigint") + " AS task_id, s.project_id, s.client_id,"
                + " sum(s.seconds) AS seconds, coalesce(sum(s.seconds) FILTER (WHERE s.billable), 0) AS billable,"
                + " sum(s.entries) AS entries FROM "
                + ReportSource.cells(query.filter(), params, grouping == Grouping.USER) + " s"
                + " GROUP BY GROUPING SETS ((" + group.key() + "), (s.project_id, s.client_id))"
                + " HAVING sum(s.entries) > 0) x"
                + ReportSource.names("x", query.filter(), params), params, (rs, row) -> cell(rs));
        return summary(cells, periodic(query.grouping()));
    }

    @QueryHandler
    public FilterNames handle(NameFilter query) {
        ReportFilter filter = query.filter();
        MapSqlParameterSource params = new MapSqlParameterSource("userId", filter.userId())
                .addValue("clientId", filter.clientId()).addValue("projectId", filter.projectId());
        return jdbc.queryForObject("SELECT u.username, u.full_name, c.name AS client_name, p.name AS project_name"
                + " FROM (SELECT CAST(:userId AS bigint) AS user_id, CAST(:clientId AS bigint) AS client_id,"
                + " CAST(:projectId AS bigint) AS project_id, CAST(NULL AS bigint) AS task_id) f"
                + ReportSource.names("f", filter, params), params, (rs, row) -> {
                    String username = rs.getString("username");
                    String fullName = rs.getString("full_name");
                    return new FilterNames(fullName == null || fullName.isBlank() ? username
                            : fullName + " · " + username, rs.getString("client_name"),
                            rs.getString("project_name"));
                });
    }

    private static Cell cell(ResultSet rs) throws SQLException {
        Object key = rs.getObject("group_key");
        Group group = new Group(key instanceof java.sql.Date date ? date.toLocalDate() : key,
                rs.getString("group_label"), rs.getLong("seconds"), rs.getLong("billable"), rs.getLong("entries"));
        Object projectId = rs.getObject("project_id");
        return new Cell(rs.getBoolean("by_project"), group, projectId == null ? null : ((Number) projectId).longValue(),
                rs.getString("project_name"), rs.getBigDecimal("rate"));
    }

    private static ReportSummary summary(List<Cell> cells, boolean periodic) {
        Map<Object, Group> byProject = new LinkedHashMap<>();
        Map<Object, Group> groups = new LinkedHashMap<>();
        long seconds = 0;
        long billable = 0;
        long entries = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (Cell cell : cells) {
            Group part = cell.group();
            if (!cell.byProject()) {
                groups.put(part.key() == null ? "none" : part.key(), part);
                continue;
            }
            seconds += part.seconds();
            billable += part.billableSeconds();
            entries += part.entries();
            if (cell.rate() != null) {
                revenue = revenue.add(cell.rate().multiply(BigDecimal.valueOf(part.billableSeconds())));
            }
            byProject.merge(cell.projectId() == null ? "none" : cell.projectId(),
                    new Group(cell.projectId(), cell.projectName(), part.seconds(), part.billableSeconds(),
                            part.entries()), ReportSummaries::plus);
        }
        Comparator<Group> mostHoursFirst = Comparator.comparingLong(Group::seconds).reversed()
                .thenComparing(Group::label, Comparator.nullsLast(Comparator.naturalOrder()));
        return new ReportSummary(
                new Totals(seconds, billable, entries, revenue.divide(SECONDS_PER_HOUR, 2, RoundingMode.HALF_UP)),
                sorted(byProject, mostHoursFirst),
                sorted(groups, periodic ? Comparator.comparing(group -> group.key().toString()) : mostHoursFirst));
    }

    private static Group plus(Group a, Group b) {
        return new Group(a.key(), a.label(), a.seconds() + b.seconds(), a.billableSeconds() + b.billableSeconds(),
                a.entries() + b.entries());
    }

    private static List<Group> sorted(Map<Object, Group> groups, Comparator<Group> order) {
        List<Group> list = new ArrayList<>(groups.values());
        list.sort(order);
        return list;
    }

    private static boolean periodic(Grouping grouping) {
        return grouping == Grouping.DAY || grouping == Grouping.WEEK || grouping == Grouping.MONTH;
    }

    /**
     * A group's key over the cells {@code s}, and its label over their sums {@code x} and the names joined to them:
     * the cells are summed by ids first, so only the few sums are joined to names and grouped by text.
     */
    private record GroupSql(String key, String label) {

        static GroupSql of(Grouping grouping) {
            return switch (grouping) {
                case PROJECT -> new GroupSql("s.project_id", "p.name");
                case CLIENT -> new GroupSql("s.client_id", "c.name");
                case USER -> new GroupSql("s.user_id", "u.username");
                case TASK -> new GroupSql("s.task_id", "t.name");
                case DAY -> new GroupSql("s.work_date", "to_char(x.group_key, 'YYYY-MM-DD')");
                case WEEK -> new GroupSql("date_trunc('week', s.work_date)::date",
                        "to_char(x.group_key, 'IYYY-\"W\"IW')");
                case MONTH -> new GroupSql("date_trunc('month', s.work_date)::date",
                        "to_char(x.group_key, 'YYYY-MM')");
            };
        }
    }
}
