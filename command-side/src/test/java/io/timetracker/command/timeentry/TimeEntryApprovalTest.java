package io.timetracker.command.timeentry;

import io.timetracker.command.client.ClientDirectory;
import io.timetracker.command.common.Actor;
import io.timetracker.command.common.Rejected;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.project.ProjectDirectory;
import io.timetracker.command.task.TaskDirectory;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.approval.ApprovalCancelled;
import io.timetracker.events.approval.ApprovalGranted;
import io.timetracker.events.approval.ApprovalRejected;
import io.timetracker.events.approval.ApprovalRequested;
import io.timetracker.events.approval.ApprovalRevoked;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Contract §6 as the time entry's aggregate decides it: every transition of a request and every refusal. */
class TimeEntryApprovalTest {

    private static final long ENTRY = 1;
    private static final long OWNER_ID = 10;
    private static final long PROJECT = 7;
    private static final long MANAGER_ID = 20;
    private static final long SECOND_MANAGER_ID = 21;
    private static final long ADMIN_ID = 99;
    private static final long OTHER_ADMIN_ID = 98;
    private static final long PLAIN_USER_ID = 30;
    private static final long FIRST = 500;
    private static final long SECOND = 501;
    private static final Actor OWNER = new Actor(OWNER_ID, false);
    private static final Actor MANAGER = new Actor(MANAGER_ID, false);
    private static final Actor SECOND_MANAGER = new Actor(SECOND_MANAGER_ID, false);
    private static final Actor ADMIN = new Actor(ADMIN_ID, true);
    private static final Actor STRANGER = new Actor(PLAIN_USER_ID, false);
    private static final Instant NINE = Instant.parse("2025-01-27T09:00:00Z");
    private static final Instant TEN = NINE.plusSeconds(3600);
    private static final TimeEntryDetails ENTRY_DETAILS = new TimeEntryDetails(OWNER_ID, PROJECT, 70, null, NINE, TEN,
            0, 3600L, "notes", null, true, false, null);
    private static final TimeEntryCreated CREATED = new TimeEntryCreated(ENTRY, ENTRY_DETAILS, "manual");

    private AggregateTestFixture<TimeEntryAggregate> fixture;
    private UserDirectory users;
    private ProjectDirectory projects;
    private ApprovalDirectory directory;

    @BeforeEach
    void setUp() {
        users = mock(UserDirectory.class);
        projects = mock(ProjectDirectory.class);
        directory = mock(ApprovalDirectory.class);
        for (long approver : List.of(MANAGER_ID, SECOND_MANAGER_ID, ADMIN_ID, OTHER_ADMIN_ID)) {
            when(users.mayApprove(approver)).thenReturn(true);
        }
        when(users.activeAdmins()).thenReturn(List.of(OTHER_ADMIN_ID, ADMIN_ID));
        when(projects.requireActiveClientId(eq(PROJECT), any())).thenReturn(70L);
        when(directory.open(ENTRY)).thenReturn(SECOND);
        fixture = new AggregateTestFixture<>(TimeEntryAggregate.class);
        fixture.registerInjectableResource(new TimeEntryRules(projects, mock(ClientDirectory.class),
                mock(TaskDirectory.class), users, 1));
        fixture.registerInjectableResource(mock(TimeEntryConstraints.class));
        fixture.registerInjectableResource(new Approvers(users, projects));
        fixture.registerInjectableResource(directory);
    }

    private static RequestApproval request(Actor actor, List<Long> approverIds) {
        return new RequestApproval(ENTRY, FIRST, actor, "please", approverIds, null);
    }

    /** Level 1 of a chain whose later levels are {@code later}, submitted by the owner at entry version 0. */
    private static ApprovalRequested requested(List<Long> approvers, List<List<Long>> later) {
        return new ApprovalRequested(FIRST, ENTRY, OWNER_ID, OWNER_ID, "please", 0, 1, null, approvers, later);
    }

    private static ApprovalRequested requestedOfManager() {
        return requested(List.of(MANAGER_ID), List.of());
    }

    private static ApprovalGranted approvedByManager() {
        return new ApprovalGranted(FIRST, ENTRY, 1, MANAGER_ID, null, true);
    }

    private static UpdateTimeEntry edit(Actor actor) {
        return new UpdateTimeEntry(ENTRY, actor, new EntryInput(PROJECT, null, null, NINE, TEN, 0, "edited", null,
                true, false, null), null);
    }

    private static TimeEntryUpdated edited() {
        return new TimeEntryUpdated(ENTRY, new TimeEntryDetails(OWNER_ID, PROJECT, 70, null, NINE, TEN, 0, 3600L,
                "edited", null, true, false, null));
    }

    // --- request ---

    @Test
    void aRequestPinsTheEntrysVersionAndAsksTheProjectsManager() {
        when(projects.managerOf(PROJECT)).thenReturn(MANAGER_ID);
        fixture.given(CREATED)
                .when(request(OWNER, null))
                .expectEvents(requestedOfManager());
        verify(directory).record(FIRST, ENTRY);
    }

    @Test
    void theVersionPinnedIsTheOneTheEntryHasWhenSubmitted() {
        when(projects.managerOf(PROJECT)).thenReturn(MANAGER_ID);
        fixture.given(CREATED, edited())
                .when(request(OWNER, null))
                .expectEvents(new ApprovalRequested(FIRST, ENTRY, OWNER_ID, OWNER_ID, "please", 1, 1, null,
                        List.of(MANAGER_ID), List.of()));
    }

    @Test
    void namedApproversFormASequentialChainInTheirOrder() {
        fixture.given(CREATED)
                .when(request(OWNER, List.of(SECOND_MANAGER_ID, MANAGER_ID)))
                .expectEvents(requested(List.of(SECOND_MANAGER_ID), List.of(List.of(MANAGER_ID))));
    }

    @Test
    void withoutApproversOrAManagerEveryOtherAdminMayDecide() {
        fixture.given(CREATED)
                .when(request(OWNER, List.of()))
                .expectEvents(requested(List.of(OTHER_ADMIN_ID, ADMIN_ID), List.of()));
    }

    @Test
    void aManagerWhoMayNotApproveOrIsTheOwnerIsPassedOverForTheAdmins() {
        when(projects.managerOf(PROJECT)).thenReturn(OWNER_ID);
        fixture.given(CREATED)
                .when(request(OWNER, null))
                .expectEvents(requested(List.of(OTHER_ADMIN_ID, ADMIN_ID), List.of()));
    }

    @Test
    void anAdminMaySubmitAnotherUsersEntryAndIsThenNoApproverOfIt() {
        fixture.given(CREATED)
                .when(request(ADMIN, null))
                .expectEvents(new ApprovalRequested(FIRST, ENTRY, OWNER_ID, ADMIN_ID, "please", 0, 1, null,
                        List.of(OTHER_ADMIN_ID), List.of()));
    }

    @Test
    void whenNoOneElseMayApproveTheRequestNamesTheApprovers() {
        when(users.activeAdmins()).thenReturn(List.of(ADMIN_ID));
        fixture.given(new TimeEntryCreated(ENTRY, new TimeEntryDetails(ADMIN_ID, PROJECT, 70, null, NINE, TEN, 0,
                        3600L, null, null, true, false, null), "manual"))
                .when(request(ADMIN, null))
                .expectException(Rejected.invalid("approver_ids"));
    }

    @Test
    void everyNamedApproverIsAnActiveAdminOrManagerOtherThanTheRequesterNamedOnce() {
        for (List<Long> approvers : List.of(List.of(PLAIN_USER_ID), List.of(OWNER_ID), List.of(MANAGER_ID, MANAGER_ID),
                List.of(MANAGER_ID, 12345L))) {
            fixture.given(CREATED)
                    .when(request(OWNER, approvers))
                    .expectException(Rejected.invalid("approver_ids"));
        }
        verify(directory, never()).record(anyLong(), anyLong());
    }

    @Test
    void anotherUsersEntryCannotBeSubmittedNorSeen() {
        fixture.given(CREATED)
                .when(request(STRANGER, null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
    }

    @Test
    void aDeletedEntryCannotBeSubmitted() {
        fixture.given(CREATED, new TimeEntryDeleted(ENTRY, OWNER_ID, PROJECT))
                .when(request(OWNER, List.of(MANAGER_ID)))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
    }

    @Test
    void aRunningTimerCannotBeSubmitted() {
        fixture.given(new TimeEntryCreated(ENTRY, new TimeEntryDetails(OWNER_ID, PROJECT, 70, null, NINE, null, 0,
                        null, null, null, true, false, null), "timer"))
                .when(request(OWNER, List.of(MANAGER_ID)))
                .expectException(Rejected.as(Rejection.INVALID_STATE));
    }

    @Test
    void oneRequestAtATimeAndNoneForAnApprovedEntry() {
        fixture.given(CREATED, requestedOfManager())
                .when(new RequestApproval(ENTRY, SECOND, OWNER, null, List.of(MANAGER_ID), null))
                .expectException(Rejected.as(Rejection.CONFLICT));
        fixture.given(CREATED, requestedOfManager(), approvedByManager())
                .when(new RequestApproval(ENTRY, SECOND, OWNER, null, List.of(MANAGER_ID), null))
                .expectException(Rejected.as(Rejection.CONFLICT));
    }

    @Test
    void aRejectedOrCancelledEntryMayBeSubmittedAgain() {
        fixture.given(CREATED, requestedOfManager(), new ApprovalRejected(FIRST, ENTRY, MANAGER_ID, "no"))
                .when(new RequestApproval(ENTRY, SECOND, OWNER, null, List.of(MANAGER_ID), null))
                .expectEvents(new ApprovalRequested(SECOND, ENTRY, OWNER_ID, OWNER_ID, null, 2, 1, null,
                        List.of(MANAGER_ID), List.of()));
        fixture.given(CREATED, requestedOfManager(),
                        new ApprovalCancelled(FIRST, ENTRY, OWNER_ID, ApprovalCancelled.BY_REQUEST))
                .when(new RequestApproval(ENTRY, SECOND, OWNER, null, List.of(MANAGER_ID), null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRequestForAVersionTheEntryNoLongerHasIsAConflict() {
        fixture.given(CREATED, edited())
                .when(new RequestApproval(ENTRY, FIRST, OWNER, null, List.of(MANAGER_ID), 0L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    // --- approve ---

    @Test
    void theApproverOfTheLastLevelApprovesAndLocksTheEntry() {
        fixture.given(CREATED, requestedOfManager())
                .when(new GrantApproval(ENTRY, FIRST, MANAGER, "fine", 1L))
                .expectEvents(new ApprovalGranted(FIRST, ENTRY, 1, MANAGER_ID, "fine", true));
    }

    @Test
    void approvingALevelOpensTheNextLevelsRequestForTheSameVersion() {
        fixture.given(CREATED, requested(List.of(MANAGER_ID), List.of(List.of(SECOND_MANAGER_ID))))
                .when(new GrantApproval(ENTRY, FIRST, MANAGER, "ok", null))
                .expectEvents(new ApprovalGranted(FIRST, ENTRY, 1, MANAGER_ID, "ok", false),
                        new ApprovalRequested(SECOND, ENTRY, OWNER_ID, OWNER_ID, "please", 0, 2, FIRST,
                                List.of(SECOND_MANAGER_ID), List.of()));
        fixture.given(CREATED, requested(List.of(MANAGER_ID), List.of(List.of(SECOND_MANAGER_ID))),
                        new ApprovalGranted(FIRST, ENTRY, 1, MANAGER_ID, "ok", false),
                        new ApprovalRequested(SECOND, ENTRY, OWNER_ID, OWNER_ID, "please", 0, 2, FIRST,
                                List.of(SECOND_MANAGER_ID), List.of()))
                .when(new GrantApproval(ENTRY, SECOND, SECOND_MANAGER, null, null))
                .expectEvents(new ApprovalGranted(SECOND, ENTRY, 2, SECOND_MANAGER_ID, null, true));
    }

    @Test
    void aLaterLevelCannotActBeforeTheLevelBeforeIt() {
        Actor secondLevelAdmin = new Actor(OTHER_ADMIN_ID, true);
        fixture.given(CREATED, requested(List.of(MANAGER_ID), List.of(List.of(OTHER_ADMIN_ID))))
                .when(new GrantApproval(ENTRY, FIRST, secondLevelAdmin, null, null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
        fixture.given(CREATED, requested(List.of(MANAGER_ID), List.of(List.of(SECOND_MANAGER_ID))))
                .when(new GrantApproval(ENTRY, FIRST, SECOND_MANAGER, null, null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
    }

    @Test
    void aManagerWhoIsNoApproverLearnsNothingAndAnAdminWhoIsNoneIsRefused() {
        fixture.given(CREATED, requestedOfManager())
                .when(new GrantApproval(ENTRY, FIRST, SECOND_MANAGER, null, null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
        fixture.given(CREATED, requestedOfManager())
                .when(new GrantApproval(ENTRY, FIRST, ADMIN, null, null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
    }

    @Test
    void noOneApprovesTheirOwnEntryOrRequestWhateverTheirRoleOrTheApproversSay() {
        Actor ownerAsAdmin = new Actor(OWNER_ID, true);
        fixture.given(CREATED, requested(List.of(OWNER_ID), List.of()))
                .when(new GrantApproval(ENTRY, FIRST, ownerAsAdmin, null, null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
        fixture.given(CREATED, new ApprovalRequested(FIRST, ENTRY, OWNER_ID, ADMIN_ID, null, 0, 1, null,
                        List.of(ADMIN_ID), List.of()))
                .when(new GrantApproval(ENTRY, FIRST, ADMIN, null, null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
    }

    @Test
    void anApproverWhoIsNoLongerAnActiveAdminOrManagerCannotApprove() {
        when(users.mayApprove(MANAGER_ID)).thenReturn(false);
        fixture.given(CREATED, requestedOfManager())
                .when(new GrantApproval(ENTRY, FIRST, MANAGER, null, null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
    }

    @Test
    void onlyAPendingRequestCanBeDecided() {
        for (Object ended : List.of(approvedByManager(), new ApprovalRejected(FIRST, ENTRY, MANAGER_ID, "no"),
                new ApprovalCancelled(FIRST, ENTRY, OWNER_ID, ApprovalCancelled.ENTRY_CHANGED))) {
            fixture.given(CREATED, requestedOfManager(), ended)
                    .when(new GrantApproval(ENTRY, FIRST, MANAGER, null, null))
                    .expectException(Rejected.as(Rejection.CONFLICT));
        }
        fixture.given(CREATED, requestedOfManager())
                .when(new GrantApproval(ENTRY, 404, MANAGER, null, null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
    }

    @Test
    void anApprovalNamingAVersionTheEntryHasMovedOnFromIsAConflict() {
        fixture.given(CREATED, requested(List.of(MANAGER_ID), List.of(List.of(SECOND_MANAGER_ID))),
                        new ApprovalGranted(FIRST, ENTRY, 1, MANAGER_ID, "ok", false),
                        new ApprovalRequested(SECOND, ENTRY, OWNER_ID, OWNER_ID, "please", 0, 2, FIRST,
                                List.of(SECOND_MANAGER_ID), List.of()))
                .when(new GrantApproval(ENTRY, SECOND, SECOND_MANAGER, null, 1L))
                .expectException(ConflictingAggregateVersionException.class);
    }

    // --- reject ---

    @Test
    void anApproverRejectsWithAReason() {
        fixture.given(CREATED, requestedOfManager())
                .when(new RejectApproval(ENTRY, FIRST, MANAGER, "not billable", null))
                .expectEvents(new ApprovalRejected(FIRST, ENTRY, MANAGER_ID, "not billable"));
    }

    @Test
    void aRejectionNeedsAReasonAndAnApprover() {
        fixture.given(CREATED, requestedOfManager())
                .when(new RejectApproval(ENTRY, FIRST, MANAGER, " ", null))
                .expectException(Rejected.invalid("reason"));
        fixture.given(CREATED, requestedOfManager())
                .when(new RejectApproval(ENTRY, FIRST, OWNER, "mine", null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
        fixture.given(CREATED, requestedOfManager())
                .when(new RejectApproval(ENTRY, FIRST, STRANGER, "yours", null))
                .expectException(Rejected.as(Rejection.NOT_FOUND));
    }

    // --- cancel ---

    @Test
    void theRequesterOrAnAdminCancelsAPendingRequest() {
        fixture.given(CREATED, requestedOfManager())
                .when(new CancelApproval(ENTRY, FIRST, OWNER, null))
                .expectEvents(new ApprovalCancelled(FIRST, ENTRY, OWNER_ID, ApprovalCancelled.BY_REQUEST));
        fixture.given(CREATED, requestedOfManager())
                .when(new CancelApproval(ENTRY, FIRST, ADMIN, null))
                .expectEvents(new ApprovalCancelled(FIRST, ENTRY, ADMIN_ID, ApprovalCancelled.BY_REQUEST));
    }

    @Test
    void anApproverCannotCancelAndNothingEndedCanBeCancelled() {
        fixture.given(CREATED, requestedOfManager())
                .when(new CancelApproval(ENTRY, FIRST, MANAGER, null))
                .expectException(Rejected.as(Rejection.FORBIDDEN));
        fixture.given(CREATED, requestedOfManager(), approvedByManager())
                .when(new CancelApproval(ENTRY, FIRST, OWNER, null))
                .expectException(Rejected.as(Rejection.CONFLICT));
    }

    // --- the entry changes ---

    @Test
    void editingAPendingEntryCancelsItsRequestSayingWhy() {
        fixture.given(CREATED, requestedOfManager())
                .when(edit(OWNER))
                .expectEvents(new ApprovalCancelled(FIRST, ENTRY, OWNER_ID, ApprovalCancelled.ENTRY_CHANGED),
                        edited());
    }

    @Test
    void anEditThatChangesNothingLeavesTheRequestPending() {
        fixture.given(CREATED, requestedOfManager())
                .when(new UpdateTimeEntry(ENTRY, OWNER, new EntryInput(PROJECT, null, null, NINE, TEN, 0, "notes",
                        null, true, false, null), null))
                .expectNoEvents();
    }

    @Test
    void deletingAPendingEntryCancelsItsRequest() {
        fixture.given(CREATED, requestedOfManager())
                .when(new DeleteTimeEntry(ENTRY, OWNER, null))
                .expectEvents(new ApprovalCancelled(FIRST, ENTRY, OWNER_ID, ApprovalCancelled.ENTRY_CHANGED),
                        new TimeEntryDeleted(ENTRY, OWNER_ID, PROJECT));
    }

    @Test
    void anApprovedEntryIsLockedForItsOwnerAndForAnAdminWithoutAReason() {
        fixture.given(CREATED, requestedOfManager(), approvedByManager())
                .when(edit(OWNER), Map.of("reason", "I must"))
                .expectException(Rejected.as(Rejection.ENTRY_LOCKED));
        fixture.given(CREATED, requestedOfManager(), approvedByManager())
                .when(new DeleteTimeEntry(ENTRY, OWNER, null))
                .expectException(Rejected.as(Rejection.ENTRY_LOCKED));
        fixture.given(CREATED, requestedOfManager(), approvedByManager())
                .when(edit(ADMIN))
                .expectException(Rejected.as(Rejection.ENTRY_LOCKED));
    }

    @Test
    void anAdminAmendsAnApprovedEntryWithAReasonAndItNeedsApprovalAgain() {
        fixture.given(CREATED, requestedOfManager(), approvedByManager())
                .when(edit(ADMIN), Map.of("reason", "client disputed"))
                .expectEvents(new ApprovalRevoked(FIRST, ENTRY, ADMIN_ID, "client disputed"), edited());
        fixture.given(CREATED, requestedOfManager(), approvedByManager(),
                        new ApprovalRevoked(FIRST, ENTRY, ADMIN_ID, "client disputed"), edited())
                .when(new DeleteTimeEntry(ENTRY, OWNER, null))
                .expectEvents(new TimeEntryDeleted(ENTRY, OWNER_ID, PROJECT));
    }

    @Test
    void anAdminDeletesAnApprovedEntryOnlyWithAReason() {
        fixture.given(CREATED, requestedOfManager(), approvedByManager())
                .when(new DeleteTimeEntry(ENTRY, ADMIN, null), Map.of("reason", "duplicate"))
                .expectEvents(new ApprovalRevoked(FIRST, ENTRY, ADMIN_ID, "duplicate"),
                        new TimeEntryDeleted(ENTRY, OWNER_ID, PROJECT));
    }
}
