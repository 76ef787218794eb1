package io.timetracker.query.task;

import io.timetracker.query.common.PageRequest;

public final class TaskQueries {

    private TaskQueries() {
    }

    /** Answers {@code Versioned<TaskView>}, or null (also for a deleted task). */
    public record FindTask(long taskId) {
    }

    /**
     * Answers {@code PageResult<TaskView>} ordered by priority (urgent first), then due date (none last),
     * then id. Every filter may be null.
     */
    public record ListTasks(Long projectId, String status, Long assignedTo, PageRequest page) {
    }
}
