package io.timetracker.api.task;

import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.task.TaskRules;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.query.task.TaskView;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Reads a task's fields from a request body: every field for a create ({@code current} null), only the
 * present ones over {@code current} for an update.
 */
final class TaskFields {

    private static final int MAX_TAGS_LENGTH = 500;

    static final BodyField<String> NAME = BodyField.text("name", 200).required();
    static final BodyField<Long> PROJECT_ID = BodyField.integer("project_id").required();
    static final BodyField<String> DESCRIPTION = BodyField.text("description", 5000);
    static final BodyField<String> STATUS = BodyField.oneOf("status", TaskRules.STATUSES).withDefault("todo");
    static final BodyField<String> PRIORITY = BodyField.oneOf("priority", TaskRules.PRIORITIES).withDefault("medium");
    /** TimeTracker's clients also send the assignee as {@code assignee_id}. */
    static final BodyField<Long> ASSIGNED_TO = BodyField.integer("assigned_to").alias("assignee_id")
            .describedAs("The assignee's user id (alias: assignee_id)");
    static final BodyField<LocalDate> DUE_DATE = BodyField.date("due_date");
    static final BodyField<BigDecimal> ESTIMATED_HOURS = BodyField.amount("estimated_hours");
    static final BodyField<String> TAGS = BodyField.tags("tags", MAX_TAGS_LENGTH);

    static final BodyShape CREATE = BodyShape.of("TaskCreate", NAME, PROJECT_ID, DESCRIPTION, STATUS, PRIORITY,
            ASSIGNED_TO, DUE_DATE, ESTIMATED_HOURS, TAGS);
    static final BodyShape UPDATE = CREATE.partial("TaskUpdate");

    private TaskFields() {
    }

    static TaskDetails read(JsonBody body, TaskView current) {
        Patch<TaskView> patch = new Patch<>(body, current);
        Long projectId = patch.read(PROJECT_ID, TaskView::projectId);
        return new TaskDetails(projectId == null ? 0 : projectId, patch.read(NAME, TaskView::name),
                patch.read(DESCRIPTION, TaskView::description),
                patch.read(STATUS, TaskView::status),
                patch.read(PRIORITY, TaskView::priority),
                patch.read(ASSIGNED_TO, TaskView::assignedTo),
                patch.read(DUE_DATE, TaskView::dueDate),
                patch.read(ESTIMATED_HOURS, TaskView::estimatedHours),
                patch.read(TAGS, TaskView::tags));
    }
}
