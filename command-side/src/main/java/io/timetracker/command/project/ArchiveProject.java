package io.timetracker.command.project;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Archives the project (what DELETE does); {@code actingUserId} is recorded as {@code archived_by}. */
public record ArchiveProject(long projectId, long actingUserId, @TargetAggregateVersion Long expectedVersion)
        implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.PROJECT, projectId);
    }
}
