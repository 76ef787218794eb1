package io.timetracker.events.task;

public record TaskCreated(long taskId, TaskDetails details, Long createdBy) {
}
