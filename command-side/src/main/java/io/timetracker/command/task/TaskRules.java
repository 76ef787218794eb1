package io.timetracker.command.task;

import io.timetracker.command.common.CommandRejectedException;

import java.util.Set;

/** The task vocabulary: statuses and priorities. */
public final class TaskRules {

    public static final Set<String> STATUSES = Set.of("todo", "in_progress", "review", "done", "cancelled");
    public static final Set<String> PRIORITIES = Set.of("low", "medium", "high", "urgent");

    private TaskRules() {
    }

    static void requireValid(String status, String priority) {
        if (!STATUSES.contains(status)) {
            throw CommandRejectedException.invalid("status",
                    "Must be one of todo, in_progress, review, done, cancelled");
        }
        if (!PRIORITIES.contains(priority)) {
            throw CommandRejectedException.invalid("priority", "Must be one of low, medium, high, urgent");
        }
    }
}
