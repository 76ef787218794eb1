package io.timetracker.command.project;

import io.timetracker.command.common.AggregateDirectory;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Lets other aggregates check that a referenced project exists and is active. */
@Component
public class ProjectDirectory extends AggregateDirectory<ProjectAggregate> {

    public ProjectDirectory(@Qualifier("projectAggregateRepository") Repository<ProjectAggregate> projects) {
        super(projects, AggregateIds.PROJECT);
    }

    public void requireActive(long projectId, String field) {
        require(projectId, field, ProjectAggregate::isActive, "No active project with id " + projectId);
    }

    /** The client of an active project, for what is booked on it. */
    public long requireActiveClientId(long projectId, String field) {
        Long clientId = read(projectId, project -> project.isActive() ? project.clientId() : null);
        if (clientId == null) {
            throw CommandRejectedException.invalid(field, "No active project with id " + projectId);
        }
        return clientId;
    }
}
