package io.timetracker.events.project;

/**
 * The project's status changed to {@code status} ({@code active}, {@code inactive} or {@code archived});
 * {@code changedBy} is the acting user, which the read model shows as {@code archived_by}.
 */
public record ProjectStatusChanged(long projectId, String status, Long changedBy) {
}
