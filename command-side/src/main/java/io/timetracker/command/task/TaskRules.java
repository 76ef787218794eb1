package io.timetracker.command.task;

import io.timetracker.command.common.CommandRejectedException;

import java.util.List;

/** The task vocabulary: statuses and priorities, in the order clients show them. */
public final class TaskRules {

    public static final List<String> STATUSES = List.of("todo", "in_progress", "review", "done", "cancelled");
    public static final List<String> PRIORITIES = List.of("low", "medium", "high", "urgent");

    private TaskRules() {
    }

    static void requireValid(String status, String priority) {
        if (!STATUSES.contains(status)) {
            throw CommandRejectedException.invalid("status", mustBeOneOf(STATUSES));
        }
        if (!PRIORITIES.contains(priority)) {
            throw CommandRejectedException.invalid("priority", mustBeOneOf(PRIORITIES));
        }
    }

    /** The validation message for a value outside {@code allowed}. */
    public static String mustBeOneOf(List<String> allowed) {
        return "Must be one of " + String.join(", ", allowed);
    }
}
