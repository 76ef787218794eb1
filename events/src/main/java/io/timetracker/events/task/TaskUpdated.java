package io.timetracker.events.task;

/** The task's details now read {@code details} (the whole new state). */
public record TaskUpdated(long taskId, TaskDetails details) {
}
