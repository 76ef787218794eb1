package io.timetracker.events.task;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything about a task that a user edits. {@code status}: todo, in_progress, review, done, cancelled;
 * {@code priority}: low, medium, high, urgent; {@code tags}: a comma-separated string or null.
 */
public record TaskDetails(long projectId, String name, String description, String status, String priority,
                          Long assignedTo, LocalDate dueDate, BigDecimal estimatedHours, String tags) {
}
