package io.timetracker.query.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The queries the reports read model answers. */
public final class ReportQueries {

    private ReportQueries() {
    }

    /** How a summary groups its entries besides by project. */
    public enum Grouping {
        PROJECT, CLIENT, USER, TASK, DAY, WEEK, MONTH
    }

    /**
     * Entries whose work date (start date in the server's zone) lies in [{@code startDate}, {@code endDate}];
     * {@code userId}, {@code projectId}, {@code clientId} narrow them when set. {@code asOf}: as the recorded
     * history stood at that instant; null: as it stands now.
     */
    public record ReportFilter(LocalDate startDate, LocalDate endDate, Long userId, Long projectId, Long clientId,
                               Instant asOf) {
    }

    /** Answers {@link ReportSummary}. */
    public record Summarize(ReportFilter filter, Grouping grouping) {
    }

    /** Answers {@link FilterNames}: what the filter's user, client and project were called at its instant. */
    public record NameFilter(ReportFilter filter) {
    }

    /** The names of the filter's user (full name · username), client and project; null where it names none. */
    public record FilterNames(String user, String client, String project) {
    }

    /** Answers {@link Payroll}. */
    public record PayrollWeeksOf(ReportFilter filter, boolean approvedOnly) {
    }

    /** The weeks of a payroll, per user (by id) and ISO week (in order). */
    public record Payroll(List<PayrollWeek> weeks) {
    }

    /** A user's hours in one ISO week, within the period asked for ({@code periodStart}..{@code periodEnd}). */
    public record PayrollWeek(long userId, String username, int weekYear, int weekNumber, LocalDate periodStart,
                              LocalDate periodEnd, long seconds, long billableSeconds) {
    }

    /** The totals of a report and its groups (by project always, by {@code grouping} too). */
    public record ReportSummary(Totals totals, List<Group> byProject, List<Group> groups) {
    }

    /** {@code revenue}: billable hours times the project's hourly rate, else the client's default rate. */
    public record Totals(long seconds, long billableSeconds, long entries, java.math.BigDecimal revenue) {
    }

    /**
     * One group: {@code key} is the id of its project, client, user or task (null for entries without one), or
     * the first day of its period; {@code label} its name, or the period as text ({@code 2025-01-27},
     * {@code 2025-W05}, {@code 2025-01}).
     */
    public record Group(Object key, String label, long seconds, long billableSeconds, long entries) {
    }
}
