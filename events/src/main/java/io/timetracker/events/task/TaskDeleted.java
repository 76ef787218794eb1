package io.timetracker.events.task;

public record TaskDeleted(long taskId) {
}
