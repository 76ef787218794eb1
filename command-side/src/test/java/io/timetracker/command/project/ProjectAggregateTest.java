package io.timetracker.command.project;

import io.timetracker.command.client.ClientDirectory;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejected;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.common.UniqueKeys;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.project.ProjectCreated;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.events.project.ProjectStatusChanged;
import io.timetracker.events.project.ProjectUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.withSettings;

class ProjectAggregateTest {

    private static final long CLIENT = 7;
    private static final long ACTOR = 3;
    private static final ProjectDetails APOLLO = details("Apollo", "AP-1", CLIENT, null);

    /** Real {@code move}, mocked {@code claim} and {@code release}: the tests see the keys claimed and freed. */
    private final UniqueKeys uniqueKeys = mock(UniqueKeys.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
    private final ClientDirectory clients = mock(ClientDirectory.class);
    private final UserDirectory users = mock(UserDirectory.class);
    private final ProjectDirectory directory = mock(ProjectDirectory.class);
    private AggregateTestFixture<ProjectAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProjectAggregate.class);
        fixture.registerInjectableResource(uniqueKeys);
        fixture.registerInjectableResource(clients);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void createRecordsTheProjectAndClaimsItsNamePerClientAndItsCode() {
        fixture.givenNoPriorActivity()
                .when(new CreateProject(1, APOLLO))
                .expectEvents(new ProjectCreated(1, APOLLO));

        verify(clients).requireActive(CLIENT, "client_id");
        verify(users, never()).requireActive(anyLong(), anyString());
        verify(uniqueKeys).claim(eq("project-name"), eq("7:apollo"), eq("project-1"), anyString());
        verify(uniqueKeys).claim(eq("project-code"), eq("AP-1"), eq("project-1"), anyString());
    }

    @Test
    void createChecksTheManager() {
        ProjectDetails managed = details("Apollo", null, CLIENT, 5L);

        fixture.givenNoPriorActivity()
                .when(new CreateProject(1, managed))
                .expectEvents(new ProjectCreated(1, managed));

        verify(users).requireActive(5L, "manager_id");
    }

    @Test
    void createUnderAMissingOrInactiveClientIsRefused() {
        doThrow(CommandRejectedException.invalid("client_id", "No active client")).when(clients)
                .requireActive(CLIENT, "client_id");

        fixture.givenNoPriorActivity()
                .when(new CreateProject(1, APOLLO))
                .expectNoEvents()
                .expectException(Rejected.invalid("client_id"));
    }

    @Test
    void createWithAnInactiveManagerIsRefused() {
        doThrow(CommandRejectedException.invalid("manager_id", "No active user")).when(users)
                .requireActive(5L, "manager_id");

        fixture.givenNoPriorActivity()
                .when(new CreateProject(1, details("Apollo", null, CLIENT, 5L)))
                .expectNoEvents()
                .expectException(Rejected.invalid("manager_id"));
    }

    @Test
    void createWithATakenNameOrCodeIsRefused() {
        doThrow(CommandRejectedException.conflict("taken")).when(uniqueKeys)
                .claim(eq("project-code"), eq("AP-1"), anyString(), anyString());

        fixture.givenNoPriorActivity()
                .when(new CreateProject(1, APOLLO))
                .expectNoEvents()
                .expectException(Rejected.as(Rejection.CONFLICT));
    }

    @Test
    void updateRecordsTheNewDetails() {
        ProjectDetails renamed = details("Apollo 2", "AP-1", CLIENT, null);

        fixture.given(new ProjectCreated(1, APOLLO))
                .when(new UpdateProject(1, renamed, ProjectStatus.ACTIVE, ACTOR, 0L))
                .expectEvents(new ProjectUpdated(1, renamed));

        verify(clients, never()).requireActive(anyLong(), anyString());
        verify(uniqueKeys).claim(eq("project-name"), eq("7:apollo 2"), eq("project-1"), anyString());
        verify(uniqueKeys).release("project-name", "7:apollo", "project-1");
    }

    @Test
    void movingToAnotherClientRequiresThatClientToBeActive() {
        doThrow(CommandRejectedException.invalid("client_id", "No active client")).when(clients)
                .requireActive(8, "client_id");

        fixture.given(new ProjectCreated(1, APOLLO))
                .when(new UpdateProject(1, details("Apollo", "AP-1", 8, null), ProjectStatus.ACTIVE, ACTOR, 0L))
                .expectNoEvents()
                .expectException(Rejected.invalid("client_id"));
    }

    @Test
    void aNewManagerMustBeActive() {
        doThrow(CommandRejectedException.invalid("manager_id", "No active user")).when(users)
                .requireActive(6L, "manager_id");

        fixture.given(new ProjectCreated(1, APOLLO))
                .when(new UpdateProject(1, details("Apollo", "AP-1", CLIENT, 6L), ProjectStatus.ACTIVE, ACTOR, 0L))
                .expectNoEvents()
                .expectException(Rejected.invalid("manager_id"));
    }

    @Test
    void updateChangesTheStatusAndRecordsWho() {
        fixture.given(new ProjectCreated(1, APOLLO))
                .when(new UpdateProject(1, APOLLO, ProjectStatus.INACTIVE, ACTOR, 0L))
                .expectEvents(new ProjectStatusChanged(1, ProjectStatus.INACTIVE, ACTOR));
    }

    @Test
    void updateOfDetailsAndStatusRecordsBoth() {
        ProjectDetails changed = details("Apollo", "AP-2", CLIENT, null);

        fixture.given(new ProjectCreated(1, APOLLO))
                .when(new UpdateProject(1, changed, ProjectStatus.ARCHIVED, ACTOR, 0L))
                .expectEvents(new ProjectUpdated(1, changed), new ProjectStatusChanged(1, ProjectStatus.ARCHIVED, ACTOR));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(new ProjectCreated(1, APOLLO))
                .when(new UpdateProject(1, APOLLO, ProjectStatus.ACTIVE, ACTOR, 0L))
                .expectNoEvents();
    }

    @Test
    void anUnknownStatusIsRefused() {
        fixture.given(new ProjectCreated(1, APOLLO))
                .when(new UpdateProject(1, APOLLO, "finished", ACTOR, 0L))
                .expectNoEvents()
                .expectException(Rejected.invalid("status"));
    }

    @Test
    void archiveRecordsWhoArchivedOnce() {
        fixture.given(new ProjectCreated(1, APOLLO))
                .when(new ArchiveProject(1, ACTOR, null))
                .expectEvents(new ProjectStatusChanged(1, ProjectStatus.ARCHIVED, ACTOR));
        verify(directory).record(1, APOLLO.clientId(), false, APOLLO.managerId());
        fixture.given(new ProjectCreated(1, APOLLO), new ProjectStatusChanged(1, ProjectStatus.ARCHIVED, ACTOR))
                .when(new ArchiveProject(1, ACTOR, null))
                .expectNoEvents();
    }

    private static ProjectDetails details(String name, String code, long clientId, Long managerId) {
        return new ProjectDetails(name, code, clientId, "desc", true, new BigDecimal("95.50"), null, null, null, 80,
                managerId);
    }
}
