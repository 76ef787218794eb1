package io.timetracker.command.task;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.project.ProjectDirectory;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.task.TaskCreated;
import io.timetracker.events.task.TaskDeleted;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.events.task.TaskUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A task of one project: valid status and priority, an active project, an active assignee if any. */
@Aggregate
public class TaskAggregate {

    @AggregateIdentifier
    private String id;
    private TaskDetails details;
    private boolean deleted;

    protected TaskAggregate() {
    }

    @CommandHandler
    public TaskAggregate(CreateTask command, ProjectDirectory projects, UserDirectory users, TaskDirectory directory) {
        TaskDetails details = command.details();
        TaskRules.requireValid(details.status(), details.priority());
        projects.requireActive(details.projectId(), "project_id");
        if (details.assignedTo() != null) {
            users.requireActive(details.assignedTo(), "assigned_to");
        }
        apply(new TaskCreated(command.taskId(), details, command.createdBy()));
        directory.record(command.taskId(), details.projectId(), false);
    }

    @CommandHandler
    public void handle(UpdateTask command, ProjectDirectory projects, UserDirectory users, TaskDirectory directory) {
        requireNotDeleted();
        TaskDetails next = command.details();
        TaskRules.requireValid(next.status(), next.priority());
        if (next.projectId() != details.projectId()) {
            projects.requireActive(next.projectId(), "project_id");
        }
        if (next.assignedTo() != null && !Objects.equals(next.assignedTo(), details.assignedTo())) {
            users.requireActive(next.assignedTo(), "assigned_to");
        }
        if (!next.equals(details)) {
            apply(new TaskUpdated(command.taskId(), next));
            directory.record(command.taskId(), next.projectId(), deleted);
        }
    }

    @CommandHandler
    public void handle(DeleteTask command, TaskDirectory directory) {
        requireNotDeleted();
        apply(new TaskDeleted(command.taskId()));
        directory.record(command.taskId(), details.projectId(), deleted);
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new CommandRejectedException(Rejection.NOT_FOUND, "Task not found");
        }
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        id = AggregateIds.of(AggregateIds.TASK, event.taskId());
        details = event.details();
    }

    @EventSourcingHandler
    void on(TaskUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(TaskDeleted event) {
        deleted = true;
    }
}
