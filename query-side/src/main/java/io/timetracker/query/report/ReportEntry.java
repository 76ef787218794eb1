package io.timetracker.query.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a report as it was recorded (now, or at the report's instant), with the names it had then (today's,
 * for a report of now).
 */
public record ReportEntry(long entryId, LocalDate date, String user, String client, String project, String task,
                          Instant start, Instant end, long seconds, boolean billable, String notes, String tags,
                          String approvalStatus) {
}
