package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.approval.ApprovalCancelled;
import io.timetracker.events.approval.ApprovalGranted;
import io.timetracker.events.approval.ApprovalRejected;
import io.timetracker.events.approval.ApprovalRequested;
import io.timetracker.events.approval.ApprovalRevoked;
import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerPaused;
import io.timetracker.events.timeentry.TimerResumed;
import io.timetracker.events.timeentry.TimerStopped;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One time entry, completed or a running timer. Its content rules live in {@link TimeEntryRules}; the rules
 * across a user's entries (one running timer, no overlaps) in {@link TimeEntryConstraints}, kept in step with
 * every change here. Non-owners (other than admins) are told the entry does not exist. Whether it may change
 * at all is decided in one place, {@link #requireChangeable}, which is where approval locks apply.
 * <p>
 * The entry also decides its approval requests ({@link EntryApprovals}): requests, approvals, rejections and
 * cancellations are events of the entry's own stream, so they and the entry's edits are serialised by the event
 * store's unique (aggregate, sequence) on any number of nodes. A change to the entry cancels its pending request in
 * the same transaction, so no approval can land on a version other than the one submitted.
 */
@Aggregate
public class TimeEntryAggregate {

    static final String REASON = "reason";

    @AggregateIdentifier
    private String id;
    private long entryId;
    private TimeEntryDetails entry;
    private Instant pausedAt;
    private boolean deleted;
    private final EntryApprovals approvals = new EntryApprovals();

    protected TimeEntryAggregate() {
    }

    @CommandHandler
    public TimeEntryAggregate(CreateTimeEntry command, TimeEntryRules rules, TimeEntryConstraints constraints) {
        rules.requireMayBookFor(command.actor(), command.userId());
        record(command.entryId(), rules.details(command.userId(), command.input(), null), command.source(),
                constraints);
    }

    @CommandHandler
    public TimeEntryAggregate(StartTimer command, TimeEntryRules rules, TimeEntryConstraints constraints) {
        EntryInput input = new EntryInput(command.projectId(), null, command.taskId(), command.at(), null, 0,
                command.notes(), null, true, false, null);
        record(command.entryId(), rules.details(command.actor().userId(), input, null), "timer", constraints);
    }

    private void record(long newEntryId, TimeEntryDetails details, String source, TimeEntryConstraints constraints) {
        if (details.running()) {
            constraints.claimRunningTimer(details.userId(), newEntryId);
        }
        constraints.occupy(details.userId(), newEntryId, details.startTime(), details.endTime());
        apply(new TimeEntryCreated(newEntryId, details, source));
    }

    @CommandHandler
    public void handle(UpdateTimeEntry command, TimeEntryRules rules, TimeEntryConstraints constraints,
                       @MetaDataValue(REASON) String reason) {
        requireChangeable(command.actor(), reason);
        EntryInput input = command.input();
        if (entry.running() && input.endTime() != null) {
            throw new CommandRejectedException(Rejection.INVALID_STATE,
                    "The entry is a running timer; stop the timer to end it");
        }
        if (!entry.running() && input.endTime() == null) {
            throw CommandRejectedException.invalid("end_time", "A completed entry needs an end_time");
        }
        TimeEntryDetails next = rules.details(entry.userId(), input, entry);
        if (next.equals(entry)) {
            return;
        }
        if (!next.startTime().equals(entry.startTime()) || !Objects.equals(next.endTime(), entry.endTime())) {
            constraints.move(entry.userId(), entryId, next.startTime(), next.endTime());
        }
        releaseApproval(command.actor(), reason);
        apply(new TimeEntryUpdated(entryId, next));
    }

    @CommandHandler
    public void handle(DeleteTimeEntry command, TimeEntryConstraints constraints,
                       @MetaDataValue(REASON) String reason) {
        requireChangeable(command.actor(), reason);
        if (entry.running()) {
            throw new CommandRejectedException(Rejection.INVALID_STATE,
                    "A running timer cannot be deleted; stop it first");
        }
        constraints.vacate(entryId);
        releaseApproval(command.actor(), reason);
        apply(new TimeEntryDeleted(entryId, entry.userId(), entry.projectId()));
    }

    @CommandHandler
    public void handle(RequestApproval command, Approvers approvers, ApprovalDirectory directory) {
        Actor actor = command.actor();
        requireVisible(actor);
        if (entry.running()) {
            throw new CommandRejectedException(Rejection.INVALID_STATE,
                    "A running timer cannot be submitted for approval; stop it first");
        }
        approvals.requireNoOpenRequest();
        List<List<Long>> chain = approvers.chainFor(command.approverIds(), entry.projectId(), actor.userId(),
                entry.userId());
        directory.record(command.approvalId(), entryId);
        apply(new ApprovalRequested(command.approvalId(), entryId, entry.userId(), actor.userId(), command.comment(),
                AggregateLifecycle.getVersion(), 1, null, chain.get(0), List.copyOf(chain.subList(1, chain.size()))));
    }

    @CommandHandler
    public void handle(GrantApproval command, Approvers approvers, ApprovalDirectory directory) {
        EntryApprovals.Request request = pendingRequest(command.approvalId(), command.actor());
        EntryApprovals.requireApprover(request, command.actor(), entry.userId(), approvers);
        List<List<Long>> later = request.laterLevels();
        apply(new ApprovalGranted(request.id(), entryId, request.level(), command.actor().userId(), command.comment(),
                later.isEmpty()));
        if (!later.isEmpty()) {
            apply(new ApprovalRequested(directory.open(entryId), entryId, entry.userId(), request.requestedBy(),
                    request.comment(), request.entryVersion(), request.level() + 1, request.id(), later.get(0),
                    List.copyOf(later.subList(1, later.size()))));
        }
    }

    @CommandHandler
    public void handle(RejectApproval command, Approvers approvers) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw CommandRejectedException.invalid(REASON, "A rejection needs a reason");
        }
        EntryApprovals.Request request = pendingRequest(command.approvalId(), command.actor());
        EntryApprovals.requireApprover(request, command.actor(), entry.userId(), approvers);
        apply(new ApprovalRejected(request.id(), entryId, command.actor().userId(), command.reason()));
    }

    @CommandHandler
    public void handle(CancelApproval command) {
        EntryApprovals.Request request = pendingRequest(command.approvalId(), command.actor());
        EntryApprovals.requireMayCancel(request, command.actor());
        apply(new ApprovalCancelled(request.id(), entryId, command.actor().userId(), ApprovalCancelled.BY_REQUEST));
    }

    private EntryApprovals.Request pendingRequest(long approvalId, Actor actor) {
        if (deleted) {
            throw new CommandRejectedException(Rejection.NOT_FOUND, "Approval request not found");
        }
        return approvals.pending(approvalId, actor, entry.userId());
    }

    /**
     * What the approval state said of the old version ends with a change: a pending request is cancelled (the
     * version it submitted is gone), an approval is revoked by the administrator's amendment and its reason.
     */
    private void releaseApproval(Actor actor, String reason) {
        Long pending = approvals.pendingId();
        if (pending != null) {
            apply(new ApprovalCancelled(pending, entryId, actor.userId(), ApprovalCancelled.ENTRY_CHANGED));
        }
        Long approved = approvals.approvedId();
        if (approved != null) {
            apply(new ApprovalRevoked(approved, entryId, actor.userId(), reason));
        }
    }

    @CommandHandler
    public void handle(PauseTimer command) {
        requireRunning(command.actor());
        if (pausedAt != null) {
            throw new CommandRejectedException(Rejection.INVALID_STATE, "The timer is already paused");
        }
        apply(new TimerPaused(entryId, entry.userId(), latest(command.at(), entry.startTime())));
    }

    @CommandHandler
    public void handle(ResumeTimer command) {
        requireRunning(command.actor());
        if (pausedAt == null) {
            throw new CommandRejectedException(Rejection.INVALID_STATE, "The timer is not paused");
        }
        apply(new TimerResumed(entryId, entry.userId(), command.at(), breakUntil(command.at())));
    }

    @CommandHandler
    public void handle(StopTimer command, TimeEntryRules rules, TimeEntryConstraints constraints) {
        requireRunning(command.actor());
        Instant end = command.at();
        if (!end.isAfter(entry.startTime())) {
            throw new CommandRejectedException(Rejection.INVALID_STATE, "The timer has not started yet");
        }
        long breakSeconds = breakUntil(end);
        TimeEntryDetails stopped = new TimeEntryDetails(entry.userId(), entry.projectId(), entry.clientId(),
                entry.taskId(), entry.startTime(), end, breakSeconds,
                rules.durationSeconds(entry.startTime(), end, breakSeconds), entry.notes(), entry.tags(),
                entry.billable(), entry.paid(), entry.invoiceNumber());
        constraints.releaseRunningTimer(entry.userId(), entryId);
        constraints.move(entry.userId(), entryId, stopped.startTime(), end);
        apply(new TimerStopped(entryId, stopped));
    }

    /** The entry exists for this actor: its owner or an admin; anyone else learns nothing about it. */
    private void requireVisible(Actor actor) {
        if (deleted || !actor.mayActFor(entry.userId())) {
            throw new CommandRejectedException(Rejection.NOT_FOUND, "Time entry not found");
        }
    }

    /**
     * The one place that decides whether the entry may change: approved entries are locked, except for an admin
     * who gives a reason.
     */
    private void requireChangeable(Actor actor, String reason) {
        requireVisible(actor);
        boolean amendment = actor.admin() && reason != null && !reason.isBlank();
        if (approvals.isApproved() && !amendment) {
            throw new CommandRejectedException(Rejection.ENTRY_LOCKED,
                    "The entry is approved and locked; an administrator may amend it with a reason");
        }
    }

    private void requireRunning(Actor actor) {
        requireChangeable(actor, null);
        if (!entry.running()) {
            throw new CommandRejectedException(Rejection.NO_ACTIVE_TIMER, "The entry is not a running timer");
        }
    }

    /** The break including the current pause up to {@code until}. */
    private long breakUntil(Instant until) {
        if (pausedAt == null) {
            return entry.breakSeconds();
        }
        return entry.breakSeconds() + Math.max(Duration.between(pausedAt, until).toSeconds(), 0);
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @EventSourcingHandler
    void on(TimeEntryCreated event) {
        entryId = event.entryId();
        id = AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
        entry = event.entry();
    }

    @EventSourcingHandler
    void on(TimerPaused event) {
        pausedAt = event.pausedAt();
    }

    @EventSourcingHandler
    void on(TimerResumed event) {
        pausedAt = null;
        entry = withBreak(event.breakSeconds());
    }

    @EventSourcingHandler
    void on(TimerStopped event) {
        pausedAt = null;
        entry = event.entry();
    }

    @EventSourcingHandler
    void on(TimeEntryUpdated event) {
        entry = event.entry();
    }

    @EventSourcingHandler
    void on(TimeEntryDeleted event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(ApprovalRequested event) {
        approvals.on(event);
    }

    @EventSourcingHandler
    void on(ApprovalGranted event) {
        approvals.on(event);
    }

    @EventSourcingHandler
    void on(ApprovalRejected event) {
        approvals.on(event);
    }

    @EventSourcingHandler
    void on(ApprovalCancelled event) {
        approvals.on(event);
    }

    @EventSourcingHandler
    void on(ApprovalRevoked event) {
        approvals.on(event);
    }

    private TimeEntryDetails withBreak(long breakSeconds) {
        return new TimeEntryDetails(entry.userId(), entry.projectId(), entry.clientId(), entry.taskId(),
                entry.startTime(), entry.endTime(), breakSeconds, entry.durationSeconds(), entry.notes(),
                entry.tags(), entry.billable(), entry.paid(), entry.invoiceNumber());
    }
}
