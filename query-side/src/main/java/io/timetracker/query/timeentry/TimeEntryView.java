package io.timetracker.query.timeentry;

import java.time.Instant;
import java.util.List;

/**
 * A time entry as the API shows it (contract §5). While the entry runs, {@code durationSeconds} is the time
 * tracked so far (up to now, or up to {@code pausedAt}); {@code task} (the task's name) is null until the tasks
 * read table exists.
 */
public record TimeEntryView(long id, long userId, Long projectId, long clientId, Long taskId, Instant startTime,
                            Instant endTime, Instant pausedAt, long durationSeconds, long breakSeconds,
                            double durationHours, String durationFormatted, String notes, String tags,
                            List<String> tagList, String source, boolean billable, boolean paid,
                            String invoiceNumber, boolean isActive, String approvalStatus, boolean isLocked,
                            String user, String project, String client, String task, Instant createdAt,
                            Instant updatedAt) {
}
