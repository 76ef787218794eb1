package io.timetracker.command.task;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.task.TaskDetails;

public record CreateTask(long taskId, TaskDetails details, Long createdBy) implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TASK, taskId);
    }
}
