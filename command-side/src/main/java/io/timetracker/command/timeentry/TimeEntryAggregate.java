package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.events.AggregateIds;
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
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One time entry, completed or a running timer. Its content rules live in {@link TimeEntryRules}; the rules
 * across a user's entries (one running timer, no overlaps) in {@link TimeEntryConstraints}, kept in step with
 * every change here. Non-owners (other than admins) are told the entry does not exist. Whether it may change
 * at all is decided in one place, {@link #requireChangeable}, which is where approval locks apply.
 */
@Aggregate
public class TimeEntryAggregate {

    /** The approval state before any approval was requested. */
    static final String NOT_SUBMITTED = "none";
    static final String APPROVED = "approved";
    static final String REASON = "reason";

    @AggregateIdentifier
    private String id;
    private long entryId;
    private TimeEntryDetails entry;
    private Instant pausedAt;
    private boolean deleted;
    private String approvalStatus;

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
        apply(new TimeEntryDeleted(entryId, entry.userId(), entry.projectId()));
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
        if (APPROVED.equals(approvalStatus) && !amendment) {
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
        approvalStatus = NOT_SUBMITTED;
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

    private TimeEntryDetails withBreak(long breakSeconds) {
        return new TimeEntryDetails(entry.userId(), entry.projectId(), entry.clientId(), entry.taskId(),
                entry.startTime(), entry.endTime(), breakSeconds, entry.durationSeconds(), entry.notes(),
                entry.tags(), entry.billable(), entry.paid(), entry.invoiceNumber());
    }
}
