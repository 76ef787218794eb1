package io.timetracker.command.task;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record DeleteTask(long taskId, @TargetAggregateVersion Long expectedVersion) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TASK, taskId);
    }
}
