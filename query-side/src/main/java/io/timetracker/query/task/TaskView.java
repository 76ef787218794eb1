package io.timetracker.query.task;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task as the API shows it (contract §4): {@code tags} is the comma-separated string, {@code tagList} the
 * same tags as an array; {@code completedAt} is when the status last became done (null unless done).
 */
public record TaskView(long id, long projectId, String name, String description, String status, String priority,
                       Long assignedTo, LocalDate dueDate, BigDecimal estimatedHours, String tags,
                       List<String> tagList, double totalHours, Long createdBy, Instant createdAt,
                       Instant updatedAt, Instant completedAt) {
}
