package io.timetracker.command.task;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.project.ProjectDirectory;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.task.TaskCreated;
import io.timetracker.events.task.TaskDeleted;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.events.task.TaskUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

class TaskAggregateTest {

    private static final long TASK = 11;
    private static final long PROJECT = 7;
    private static final long OTHER_PROJECT = 8;
    private static final long ASSIGNEE = 3;
    private static final long CREATOR = 1;

    private final ProjectDirectory projects = mock(ProjectDirectory.class);
    private final UserDirectory users = mock(UserDirectory.class);
    private final TaskDirectory directory = mock(TaskDirectory.class);
    private FixtureConfiguration<TaskAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(TaskAggregate.class);
        fixture.registerInjectableResource(projects);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(directory);
    }

    private static TaskDetails details(String status, String priority, Long assignee) {
        return new TaskDetails(PROJECT, "Write the spec", "All of it", status, priority, assignee,
                LocalDate.of(2026, 3, 1), new BigDecimal("4.5"), "docs,spec");
    }

    private static TaskDetails todo() {
        return details("todo", "medium", ASSIGNEE);
    }

    private static TaskDetails withProject(TaskDetails details, long projectId) {
        return new TaskDetails(projectId, details.name(), details.description(), details.status(),
                details.priority(), details.assignedTo(), details.dueDate(), details.estimatedHours(),
                details.tags());
    }

    private static TaskDetails withAssignee(TaskDetails details, Long assignee) {
        return new TaskDetails(details.projectId(), details.name(), details.description(), details.status(),
                details.priority(), assignee, details.dueDate(), details.estimatedHours(), details.tags());
    }

    @Test
    void createRecordsTheTaskAfterCheckingProjectAndAssignee() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, todo(), CREATOR))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskCreated(TASK, todo(), CREATOR));
        verify(projects).requireActive(PROJECT, "project_id");
        verify(users).requireActive(ASSIGNEE, "assigned_to");
    }

    @Test
    void createWithoutAssigneeChecksNoUser() {
        TaskDetails unassigned = withAssignee(todo(), null);

        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, unassigned, CREATOR))
                .expectEvents(new TaskCreated(TASK, unassigned, CREATOR));
        verify(users, never()).requireActive(anyLong(), anyString());
    }

    @Test
    void createWithAnUnknownStatusIsRejectedOnStatus() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, details("blocked", "medium", null), CREATOR))
                .expectNoEvents()
                .expectException(rejection(Rejection.VALIDATION_ERROR, "status"));
    }

    @Test
    void createWithAnUnknownPriorityIsRejectedOnPriority() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, details("todo", "critical", null), CREATOR))
                .expectNoEvents()
                .expectException(rejection(Rejection.VALIDATION_ERROR, "priority"));
    }

    @Test
    void createOnAnInactiveProjectIsRejected() {
        doThrow(CommandRejectedException.invalid("project_id", "No active project with id " + PROJECT))
                .when(projects).requireActive(PROJECT, "project_id");

        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, todo(), CREATOR))
                .expectNoEvents()
                .expectException(rejection(Rejection.VALIDATION_ERROR, "project_id"));
    }

    @Test
    void createForAnInactiveAssigneeIsRejected() {
        doThrow(CommandRejectedException.invalid("assigned_to", "No active user with id " + ASSIGNEE))
                .when(users).requireActive(ASSIGNEE, "assigned_to");

        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, todo(), CREATOR))
                .expectNoEvents()
                .expectException(rejection(Rejection.VALIDATION_ERROR, "assigned_to"));
    }

    @Test
    void updateRecordsTheWholeNewState() {
        TaskDetails done = details("done", "urgent", ASSIGNEE);

        fixture.given(new TaskCreated(TASK, todo(), CREATOR))
                .when(new UpdateTask(TASK, done, null))
                .expectEvents(new TaskUpdated(TASK, done));
        verify(projects, never()).requireActive(PROJECT, "project_id");
        verify(users, never()).requireActive(ASSIGNEE, "assigned_to");
    }

    @Test
    void updateWithoutAChangeRecordsNothing() {
        fixture.given(new TaskCreated(TASK, todo(), CREATOR))
                .when(new UpdateTask(TASK, todo(), null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void movingToAnotherProjectRequiresItToBeActive() {
        doThrow(CommandRejectedException.invalid("project_id", "No active project with id " + OTHER_PROJECT))
                .when(projects).requireActive(OTHER_PROJECT, "project_id");

        fixture.given(new TaskCreated(TASK, todo(), CREATOR))
                .when(new UpdateTask(TASK, withProject(todo(), OTHER_PROJECT), null))
                .expectNoEvents()
                .expectException(rejection(Rejection.VALIDATION_ERROR, "project_id"));
    }

    @Test
    void reassigningRequiresAnActiveAssignee() {
        long other = 4;
        doThrow(CommandRejectedException.invalid("assigned_to", "No active user with id " + other))
                .when(users).requireActive(other, "assigned_to");

        fixture.given(new TaskCreated(TASK, todo(), CREATOR))
                .when(new UpdateTask(TASK, withAssignee(todo(), other), null))
                .expectNoEvents()
                .expectException(rejection(Rejection.VALIDATION_ERROR, "assigned_to"));
    }

    @Test
    void updateWithAnUnknownStatusIsRejected() {
        fixture.given(new TaskCreated(TASK, todo(), CREATOR))
                .when(new UpdateTask(TASK, details("finished", "medium", ASSIGNEE), null))
                .expectNoEvents()
                .expectException(rejection(Rejection.VALIDATION_ERROR, "status"));
    }

    @Test
    void updateOfADeletedTaskIsNotFound() {
        fixture.given(new TaskCreated(TASK, todo(), CREATOR), new TaskDeleted(TASK))
                .when(new UpdateTask(TASK, details("done", "medium", ASSIGNEE), null))
                .expectNoEvents()
                .expectException(rejection(Rejection.NOT_FOUND, null));
    }

    @Test
    void deleteRecordsTheDeletion() {
        fixture.given(new TaskCreated(TASK, todo(), CREATOR))
                .when(new DeleteTask(TASK, null))
                .expectEvents(new TaskDeleted(TASK));
        verify(directory).record(TASK, todo().projectId(), true);
    }

    @Test
    void deletingTwiceIsNotFound() {
        fixture.given(new TaskCreated(TASK, todo(), CREATOR), new TaskDeleted(TASK))
                .when(new DeleteTask(TASK, null))
                .expectNoEvents()
                .expectException(rejection(Rejection.NOT_FOUND, null));
    }

    /** A domain rejection of {@code kind}, naming {@code field} (null: none). */
    private static Matcher<CommandRejectedException> rejection(Rejection kind, String field) {
        return new TypeSafeMatcher<CommandRejectedException>() {
            @Override
            protected boolean matchesSafely(CommandRejectedException rejected) {
                return rejected.rejection() == kind && Objects.equals(rejected.field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " rejection on field " + field);
            }
        };
    }
}
