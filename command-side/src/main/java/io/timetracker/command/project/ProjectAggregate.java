package io.timetracker.command.project;

import io.timetracker.command.client.ClientDirectory;
import io.timetracker.command.common.Names;
import io.timetracker.command.common.UniqueKeys;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.project.ProjectCreated;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.events.project.ProjectStatusChanged;
import io.timetracker.events.project.ProjectUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A project: unique name per client, unique code, always under an existing active client. Deleting it
 * archives it.
 */
@Aggregate
public class ProjectAggregate {

    static final String NAME_SCOPE = "project-name";
    static final String CODE_SCOPE = "project-code";

    @AggregateIdentifier
    private String id;
    private ProjectDetails details;
    private String status;

    protected ProjectAggregate() {
    }

    @CommandHandler
    public ProjectAggregate(CreateProject command, UniqueKeys uniqueKeys, ClientDirectory clients,
                            UserDirectory users, ProjectDirectory directory) {
        ProjectDetails details = command.details();
        clients.requireActive(details.clientId(), "client_id");
        if (details.managerId() != null) {
            users.requireActive(details.managerId(), "manager_id");
        }
        claimKeys(uniqueKeys, command.aggregateId(), null, details);
        apply(new ProjectCreated(command.projectId(), details));
        directory.record(command.projectId(), details.clientId(), true, details.managerId()); // new: active
    }

    @CommandHandler
    public void handle(UpdateProject command, UniqueKeys uniqueKeys, ClientDirectory clients, UserDirectory users,
                       ProjectDirectory directory) {
        ProjectStatus.requireKnown(command.status());
        ProjectDetails next = command.details();
        if (!next.equals(details)) {
            if (next.clientId() != details.clientId()) {
                clients.requireActive(next.clientId(), "client_id");
            }
            if (next.managerId() != null && !next.managerId().equals(details.managerId())) {
                users.requireActive(next.managerId(), "manager_id");
            }
            claimKeys(uniqueKeys, id, details, next);
            apply(new ProjectUpdated(command.projectId(), next));
        }
        if (!command.status().equals(status)) {
            apply(new ProjectStatusChanged(command.projectId(), command.status(), command.actingUserId()));
        }
        directory.record(command.projectId(), details.clientId(), isActive(), details.managerId());
    }

    @CommandHandler
    public void handle(ArchiveProject command, ProjectDirectory directory) {
        if (!ProjectStatus.ARCHIVED.equals(status)) {
            apply(new ProjectStatusChanged(command.projectId(), ProjectStatus.ARCHIVED, command.actingUserId()));
            directory.record(command.projectId(), details.clientId(), isActive(), details.managerId());
        }
    }

    private boolean isActive() {
        return ProjectStatus.ACTIVE.equals(status);
    }

    private static void claimKeys(UniqueKeys uniqueKeys, String owner, ProjectDetails before, ProjectDetails after) {
        uniqueKeys.move(NAME_SCOPE, before == null ? null : nameKey(before), nameKey(after), owner,
                "A project named '" + after.name() + "' already exists for this client");
        uniqueKeys.move(CODE_SCOPE, before == null ? null : before.code(), after.code(), owner,
                "A project with code '" + after.code() + "' already exists");
    }

    private static String nameKey(ProjectDetails details) {
        return details.clientId() + ":" + Names.key(details.name());
    }

    @EventSourcingHandler
    void on(ProjectCreated event) {
        id = AggregateIds.of(AggregateIds.PROJECT, event.projectId());
        details = event.details();
        status = ProjectStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProjectUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ProjectStatusChanged event) {
        status = event.status();
    }
}
