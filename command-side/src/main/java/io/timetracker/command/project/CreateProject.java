package io.timetracker.command.project;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.project.ProjectDetails;

public record CreateProject(long projectId, ProjectDetails details) implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.PROJECT, projectId);
    }
}
