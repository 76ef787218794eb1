package io.timetracker.command.timeentry;

import io.timetracker.command.client.ClientDirectory;
import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.project.ProjectDirectory;
import io.timetracker.command.task.TaskDirectory;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerPaused;
import io.timetracker.events.timeentry.TimerResumed;
import io.timetracker.events.timeentry.TimerStopped;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TimeEntryAggregateTest {

    private static final long ENTRY = 1;
    private static final long USER = 10;
    private static final long OTHER_USER = 11;
    private static final long PROJECT = 7;
    private static final long PROJECT_CLIENT = 70;
    private static final long ARCHIVED_PROJECT = 8;
    private static final long OTHER_PROJECT = 9;
    private static final long TASK = 5;
    private static final Actor OWNER = new Actor(USER, false);
    private static final Actor STRANGER = new Actor(OTHER_USER, false);
    private static final Actor ADMIN = new Actor(99, true);
    private static final Instant NINE = Instant.parse("2025-01-27T09:00:00Z");
    private static final Instant TEN = NINE.plusSeconds(3600);

    private AggregateTestFixture<TimeEntryAggregate> fixture;
    private ProjectDirectory projects;
    private TaskDirectory tasks;
    private UserDirectory users;
    private TimeEntryConstraints constraints;

    @BeforeEach
    void setUp() {
        projects = mock(ProjectDirectory.class);
        tasks = mock(TaskDirectory.class);
        users = mock(UserDirectory.class);
        constraints = mock(TimeEntryConstraints.class);
        when(projects.requireActiveClientId(eq(PROJECT), any())).thenReturn(PROJECT_CLIENT);
        when(projects.requireActiveClientId(eq(OTHER_PROJECT), any())).thenReturn(90L);
        when(projects.requireActiveClientId(eq(ARCHIVED_PROJECT), any()))
                .thenThrow(CommandRejectedException.invalid("project_id", "No active project with id 8"));
        doThrow(CommandRejectedException.invalid("task_id", "Task 5 does not belong to project 9"))
                .when(tasks).requireInProject(TASK, OTHER_PROJECT, "task_id");
        when(users.isActive(USER)).thenReturn(true);
        fixture = fixture(1);
    }

    private AggregateTestFixture<TimeEntryAggregate> fixture(int roundingMinutes) {
        AggregateTestFixture<TimeEntryAggregate> created = new AggregateTestFixture<>(TimeEntryAggregate.class);
        created.registerInjectableResource(new TimeEntryRules(projects, mock(ClientDirectory.class), tasks, users,
                roundingMinutes));
        created.registerInjectableResource(constraints);
        return created;
    }

    private static EntryInput input(Instant start, Instant end, long breakSeconds) {
        return new EntryInput(PROJECT, null, null, start, end, breakSeconds, "notes", "a,b", true, false, null);
    }

    private static TimeEntryDetails details(Instant start, Instant end, long breakSeconds, Long duration) {
        return new TimeEntryDetails(USER, PROJECT, PROJECT_CLIENT, null, start, end, breakSeconds, duration, "notes",
                "a,b", true, false, null);
    }

    private static TimeEntryCreated completed() {
        return new TimeEntryCreated(ENTRY, details(NINE, TEN, 0, 3600L), "manual");
    }

    private static TimeEntryCreated running() {
        return new TimeEntryCreated(ENTRY, details(NINE, null, 0, null), "manual");
    }

    // --- create ---

    @Test
    void aCompletedEntryRecordsItsDurationAndOccupiesItsSpan() {
        fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, input(NINE, TEN, 600), "manual"))
                .expectEvents(new TimeEntryCreated(ENTRY, details(NINE, TEN, 600, 3000L), "manual"));
        verify(constraints).occupy(USER, ENTRY, NINE, TEN);
        verify(constraints, never()).claimRunningTimer(anyLong(), anyLong());
    }

    @Test
    void anEntryWithoutEndIsARunningTimerThatClaimsTheUsersTimerAndItsOpenSpan() {
        fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, input(NINE, null, 0), "manual"))
                .expectEvents(running());
        verify(constraints).claimRunningTimer(USER, ENTRY);
        verify(constraints).occupy(USER, ENTRY, NINE, null);
    }

    @Test
    void theClientIsAlwaysTheProjects() {
        EntryInput withOtherClient = new EntryInput(PROJECT, 12345L, null, NINE, TEN, 0, "notes", "a,b", true,
                false, null);
        fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, withOtherClient, "manual"))
                .expectEvents(completed());
    }

    @Test
    void aRefusedConstraintRecordsNothing() {
        doThrow(new CommandRejectedException(Rejection.TIMER_ALREADY_RUNNING, "running"))
                .when(constraints).claimRunningTimer(USER, ENTRY);
        rejected(fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, input(NINE, null, 0), "manual")),
                Rejection.TIMER_ALREADY_RUNNING);

        doThrow(CommandRejectedException.conflict("overlap")).when(constraints).occupy(USER, ENTRY, NINE, TEN);
        rejected(fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, input(NINE, TEN, 0), "manual")), Rejection.CONFLICT);
    }

    @Test
    void invalidTimesAndTextsAreRefusedNamingTheField() {
        invalid(input(NINE, NINE, 0), "end_time");
        invalid(input(TEN, NINE, 0), "end_time");
        invalid(input(NINE, TEN, -1), "break_seconds");
        invalid(input(NINE, TEN, 3600), "break_seconds");
        invalid(input(null, TEN, 0), "start_time");
        invalid(new EntryInput(PROJECT, null, null, NINE, TEN, 0, "n".repeat(5001), null, true, false, null), "notes");
        invalid(new EntryInput(PROJECT, null, null, NINE, TEN, 0, null, "t".repeat(501), true, false, null), "tags");
        invalid(new EntryInput(null, null, null, NINE, TEN, 0, null, null, true, false, null), "project_id");
        invalid(new EntryInput(null, 3L, TASK, NINE, TEN, 0, null, null, true, false, null), "task_id");
        invalid(new EntryInput(OTHER_PROJECT, null, TASK, NINE, TEN, 0, null, null, true, false, null), "task_id");
        invalid(new EntryInput(ARCHIVED_PROJECT, null, null, NINE, TEN, 0, null, null, true, false, null),
                "project_id");
    }

    @Test
    void aTaskOfTheProjectIsAccepted() {
        EntryInput withTask = new EntryInput(PROJECT, null, TASK, NINE, TEN, 0, "notes", "a,b", true, false, null);
        fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, withTask, "manual"))
                .expectSuccessfulHandlerExecution();
        verify(tasks).requireInProject(TASK, PROJECT, "task_id");
    }

    @Test
    void onlyAdminsBookForOthersAndOnlyForActiveUsers() {
        rejected(fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, STRANGER, USER, input(NINE, TEN, 0), "manual")), Rejection.FORBIDDEN);
        rejected(fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, ADMIN, 404, input(NINE, TEN, 0), "manual")), Rejection.FORBIDDEN);
        fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, ADMIN, USER, input(NINE, TEN, 0), "import"))
                .expectEvents(new TimeEntryCreated(ENTRY, details(NINE, TEN, 0, 3600L), "import"));
    }

    @Test
    void durationsAreRoundedToTheConfiguredMinutes() {
        fixture(15).givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, input(NINE, NINE.plusSeconds(52 * 60), 0), "manual"))
                .expectEvents(new TimeEntryCreated(ENTRY, details(NINE, NINE.plusSeconds(52 * 60), 0, 45 * 60L),
                        "manual"));
        fixture(15).givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, input(NINE, NINE.plusSeconds(53 * 60), 0), "manual"))
                .expectEvents(new TimeEntryCreated(ENTRY, details(NINE, NINE.plusSeconds(53 * 60), 0, 60 * 60L),
                        "manual"));
    }

    // --- the timer ---

    @Test
    void startTimerRecordsARunningBillableTimerEntry() {
        fixture.givenNoPriorActivity()
                .when(new StartTimer(ENTRY, OWNER, PROJECT, null, "focus", NINE))
                .expectEvents(new TimeEntryCreated(ENTRY, new TimeEntryDetails(USER, PROJECT, PROJECT_CLIENT, null,
                        NINE, null, 0, null, "focus", null, true, false, null), "timer"));
        verify(constraints).claimRunningTimer(USER, ENTRY);
    }

    @Test
    void startTimerNeedsAnActiveProject() {
        rejected(fixture.givenNoPriorActivity().when(new StartTimer(ENTRY, OWNER, ARCHIVED_PROJECT, null, null, NINE)),
                Rejection.VALIDATION_ERROR);
    }

    @Test
    void pauseAndResumeAddThePausedSpanToTheBreak() {
        fixture.given(running())
                .when(new PauseTimer(ENTRY, OWNER, NINE.plusSeconds(600)))
                .expectEvents(new TimerPaused(ENTRY, USER, NINE.plusSeconds(600)));
        fixture.given(running(), new TimerPaused(ENTRY, USER, NINE.plusSeconds(600)))
                .when(new ResumeTimer(ENTRY, OWNER, NINE.plusSeconds(900)))
                .expectEvents(new TimerResumed(ENTRY, USER, NINE.plusSeconds(900), 300));
    }

    @Test
    void pauseAndResumeOnlyFromTheRightState() {
        rejected(fixture.given(running(), new TimerPaused(ENTRY, USER, NINE))
                .when(new PauseTimer(ENTRY, OWNER, TEN)), Rejection.INVALID_STATE);
        rejected(fixture.given(running()).when(new ResumeTimer(ENTRY, OWNER, TEN)), Rejection.INVALID_STATE);
        rejected(fixture.given(completed()).when(new PauseTimer(ENTRY, OWNER, TEN)), Rejection.NO_ACTIVE_TIMER);
        rejected(fixture.given(completed()).when(new ResumeTimer(ENTRY, OWNER, TEN)), Rejection.NO_ACTIVE_TIMER);
    }

    @Test
    void stopEndsTheTimerFreesTheUsersTimerAndClosesTheSpan() {
        fixture.given(running(), new TimerPaused(ENTRY, USER, NINE.plusSeconds(600)),
                        new TimerResumed(ENTRY, USER, NINE.plusSeconds(900), 300))
                .when(new StopTimer(ENTRY, OWNER, TEN))
                .expectEvents(new TimerStopped(ENTRY, details(NINE, TEN, 300, 3300L)));
        verify(constraints).releaseRunningTimer(USER, ENTRY);
        verify(constraints).move(USER, ENTRY, NINE, TEN);
    }

    @Test
    void stoppingAPausedTimerCountsThePauseAsBreak() {
        fixture.given(running(), new TimerPaused(ENTRY, USER, NINE.plusSeconds(1800)))
                .when(new StopTimer(ENTRY, OWNER, TEN))
                .expectEvents(new TimerStopped(ENTRY, details(NINE, TEN, 1800, 1800L)));
    }

    @Test
    void onlyARunningTimerOfTheOwnerStops() {
        rejected(fixture.given(completed()).when(new StopTimer(ENTRY, OWNER, TEN)), Rejection.NO_ACTIVE_TIMER);
        rejected(fixture.given(running()).when(new StopTimer(ENTRY, STRANGER, TEN)), Rejection.NOT_FOUND);
        rejected(fixture.given(running()).when(new StopTimer(ENTRY, OWNER, NINE)), Rejection.INVALID_STATE);
    }

    // --- update ---

    @Test
    void anUpdateRecordsTheNewStateWithTheRecomputedDurationAndMovesTheSpan() {
        fixture.given(completed())
                .when(new UpdateTimeEntry(ENTRY, OWNER, input(NINE, TEN.plusSeconds(1800), 900), 0L))
                .expectEvents(new TimeEntryUpdated(ENTRY, details(NINE, TEN.plusSeconds(1800), 900, 4500L)));
        verify(constraints).move(USER, ENTRY, NINE, TEN.plusSeconds(1800));
    }

    @Test
    void anUpdateThatChangesNothingRecordsNothing() {
        fixture.given(completed())
                .when(new UpdateTimeEntry(ENTRY, OWNER, input(NINE, TEN, 0), 0L))
                .expectNoEvents();
    }

    @Test
    void anUpdateOfTextsLeavesTheSpanAlone() {
        EntryInput renamed = new EntryInput(PROJECT, null, null, NINE, TEN, 0, "new notes", "a,b", false, true,
                "INV-1");
        fixture.given(completed())
                .when(new UpdateTimeEntry(ENTRY, OWNER, renamed, 0L))
                .expectEvents(new TimeEntryUpdated(ENTRY, new TimeEntryDetails(USER, PROJECT, PROJECT_CLIENT, null,
                        NINE, TEN, 0, 3600L, "new notes", "a,b", false, true, "INV-1")));
        verify(constraints, never()).move(anyLong(), anyLong(), any(), any());
    }

    @Test
    void anEntryStaysOnItsProjectAfterTheProjectIsArchivedButNeverMovesToAnArchivedOne() {
        TimeEntryCreated onArchived = new TimeEntryCreated(ENTRY, new TimeEntryDetails(USER, ARCHIVED_PROJECT, 80,
                null, NINE, TEN, 0, 3600L, null, null, true, false, null), "manual");
        fixture.given(onArchived)
                .when(new UpdateTimeEntry(ENTRY, OWNER, new EntryInput(ARCHIVED_PROJECT, null, null, NINE, TEN, 0,
                        "fixed", null, true, false, null), 0L))
                .expectSuccessfulHandlerExecution();
        rejected(fixture.given(completed())
                .when(new UpdateTimeEntry(ENTRY, OWNER, new EntryInput(ARCHIVED_PROJECT, null, null, NINE, TEN, 0,
                        null, null, true, false, null), 0L)), Rejection.VALIDATION_ERROR);
    }

    @Test
    void movingToAnotherProjectTakesItsClient() {
        fixture.given(completed())
                .when(new UpdateTimeEntry(ENTRY, OWNER, new EntryInput(OTHER_PROJECT, PROJECT_CLIENT, null, NINE, TEN,
                        0, "notes", "a,b", true, false, null), 0L))
                .expectEvents(new TimeEntryUpdated(ENTRY, new TimeEntryDetails(USER, OTHER_PROJECT, 90, null, NINE,
                        TEN, 0, 3600L, "notes", "a,b", true, false, null)));
    }

    @Test
    void aRunningEntryIsNotEndedByAnUpdateAndACompletedOneKeepsItsEnd() {
        rejected(fixture.given(running()).when(new UpdateTimeEntry(ENTRY, OWNER, input(NINE, TEN, 0), 0L)),
                Rejection.INVALID_STATE);
        rejected(fixture.given(completed()).when(new UpdateTimeEntry(ENTRY, OWNER, input(NINE, null, 0), 0L)),
                Rejection.VALIDATION_ERROR);
    }

    @Test
    void strangersCannotUpdateButAdminsCanAndGiveTheirReason() {
        rejected(fixture.given(completed()).when(new UpdateTimeEntry(ENTRY, STRANGER, input(NINE, TEN, 60), 0L)),
                Rejection.NOT_FOUND);
        fixture.given(completed())
                .when(new UpdateTimeEntry(ENTRY, ADMIN, input(NINE, TEN, 60), 0L), Map.of("reason", "correction"))
                .expectEvents(new TimeEntryUpdated(ENTRY, details(NINE, TEN, 60, 3540L)));
    }

    // --- delete ---

    @Test
    void deleteFreesTheSpan() {
        fixture.given(completed())
                .when(new DeleteTimeEntry(ENTRY, OWNER, null))
                .expectEvents(new TimeEntryDeleted(ENTRY, USER, PROJECT));
        verify(constraints).vacate(ENTRY);
    }

    @Test
    void aRunningEntryAStrangersEntryOrADeletedEntryIsNotDeleted() {
        rejected(fixture.given(running()).when(new DeleteTimeEntry(ENTRY, OWNER, null)), Rejection.INVALID_STATE);
        rejected(fixture.given(completed()).when(new DeleteTimeEntry(ENTRY, STRANGER, null)), Rejection.NOT_FOUND);
        rejected(fixture.given(completed(), new TimeEntryDeleted(ENTRY, USER, PROJECT))
                .when(new DeleteTimeEntry(ENTRY, OWNER, null)), Rejection.NOT_FOUND);
        rejected(fixture.given(completed(), new TimeEntryDeleted(ENTRY, USER, PROJECT))
                .when(new UpdateTimeEntry(ENTRY, OWNER, input(NINE, TEN, 60), null)), Rejection.NOT_FOUND);
    }

    private void invalid(EntryInput input, String field) {
        fixture.givenNoPriorActivity()
                .when(new CreateTimeEntry(ENTRY, OWNER, USER, input, "manual"))
                .expectNoEvents()
                .expectException(new RejectionMatcher(Rejection.VALIDATION_ERROR, field));
    }

    private static void rejected(ResultValidator<TimeEntryAggregate> result, Rejection rejection) {
        result.expectNoEvents().expectException(new RejectionMatcher(rejection, null));
    }

    /** Matches a {@link CommandRejectedException} of one kind (and, when given, on one field). */
    private static final class RejectionMatcher extends TypeSafeMatcher<CommandRejectedException> {

        private final Rejection rejection;
        private final String field;

        RejectionMatcher(Rejection rejection, String field) {
            this.rejection = rejection;
            this.field = field;
        }

        @Override
        protected boolean matchesSafely(CommandRejectedException e) {
            return e.rejection() == rejection && (field == null || field.equals(e.field()));
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("rejection " + rejection + (field == null ? "" : " on " + field));
        }
    }
}
