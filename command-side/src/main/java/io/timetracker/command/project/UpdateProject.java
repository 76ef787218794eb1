package io.timetracker.command.project;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.project.ProjectDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Sets the project's details and status; {@code actingUserId} is recorded as who changed the status.
 * {@code expectedVersion} (null: any) guards against lost updates.
 */
public record UpdateProject(long projectId, ProjectDetails details, String status, Long actingUserId,
                            @TargetAggregateVersion Long expectedVersion) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.PROJECT, projectId);
    }
}
