package io.timetracker.api.task;

import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.task.TaskRules;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.query.task.TaskView;

/**
 * Reads a task's fields from a request body: every field for a create ({@code current} null), only the
 * present ones over {@code current} for an update.
 */
final class TaskFields {

    /** TimeTracker's clients also send the assignee as {@code assignee_id}. */
    private static final String ASSIGNEE_ALIAS = "assignee_id";
    private static final int MAX_TAGS_LENGTH = 500;

    private TaskFields() {
    }

    static TaskDetails read(JsonBody body, TaskView current) {
        Patch<TaskView> patch = new Patch<>(body, current);
        String name = patch.reads("name") ? body.requiredText("name", 200) : current.name();
        Long projectId = patch.reads("project_id") ? body.requiredInteger("project_id")
                : Long.valueOf(current.projectId());
        return new TaskDetails(projectId == null ? 0 : projectId, name,
                patch.text("description", 5000, TaskView::description),
                patch.oneOf("status", TaskRules.STATUSES, "todo", TaskView::status),
                patch.oneOf("priority", TaskRules.PRIORITIES, "medium", TaskView::priority),
                assignee(body, current),
                patch.reads("due_date") ? body.date("due_date") : current.dueDate(),
                patch.nonNegativeDecimal("estimated_hours", TaskView::estimatedHours),
                patch.tags("tags", MAX_TAGS_LENGTH, TaskView::tagList));
    }

    /** {@code assigned_to}, or its alias when only the alias is sent. */
    private static Long assignee(JsonBody body, TaskView current) {
        if (body.has("assigned_to")) {
            return body.integer("assigned_to");
        }
        if (body.has(ASSIGNEE_ALIAS)) {
            return body.integer(ASSIGNEE_ALIAS);
        }
        return current == null ? null : current.assignedTo();
    }
}
