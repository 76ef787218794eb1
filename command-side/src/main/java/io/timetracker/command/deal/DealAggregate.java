package io.timetracker.command.deal;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.deal.DealCreated;
import io.timetracker.events.deal.DealDeleted;
import io.timetracker.events.deal.DealDetails;
import io.timetracker.events.deal.DealUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A deal of the sales pipeline. Its owner (and admins) see and change it; anyone else is told it does not exist,
 * and only admins give a deal to someone else. What it refers to (client, contact of that client, lead, owner)
 * must exist, checked in the command side's directories when the reference is set.
 */
@Aggregate
public class DealAggregate {

    @AggregateIdentifier
    private String id;
    private long dealId;
    private DealDetails details;
    private String status;
    private Instant closedAt;
    private boolean deleted;

    protected DealAggregate() {
    }

    @CommandHandler
    public DealAggregate(CreateDeal command, DealReferences references) {
        DealDetails details = command.details();
        requireValid(command.actor(), details, null, references);
        String status = DealStages.status(details.stage(), null, null);
        apply(new DealCreated(command.dealId(), details, status, DealStages.isClosed(status) ? command.at() : null,
                command.actor().userId()));
    }

    @CommandHandler
    public void handle(UpdateDeal command, DealReferences references) {
        requireVisible(command.actor());
        DealDetails next = command.details();
        requireValid(command.actor(), next, details, references);
        String nextStatus = DealStages.status(next.stage(), command.status(), status);
        if (next.equals(details) && nextStatus.equals(status)) {
            return;
        }
        Instant nextClosedAt = !DealStages.isClosed(nextStatus) ? null
                : DealStages.isClosed(status) ? closedAt : command.at();
        apply(new DealUpdated(dealId, next, nextStatus, nextClosedAt));
    }

    @CommandHandler
    public void handle(DeleteDeal command) {
        requireVisible(command.actor());
        apply(new DealDeleted(dealId));
    }

    private void requireVisible(Actor actor) {
        if (deleted || !actor.mayActFor(details.ownerId())) {
            throw new CommandRejectedException(Rejection.NOT_FOUND, "Deal not found");
        }
    }

    /** The rules on {@code next}; the owner and references are checked where they differ from {@code current}. */
    private static void requireValid(Actor actor, DealDetails next, DealDetails current, DealReferences references) {
        DealStages.requireKnown(next.stage());
        if (next.probability() < 0 || next.probability() > 100) {
            throw CommandRejectedException.invalid("probability", "Must be between 0 and 100");
        }
        if ((current == null || next.ownerId() != current.ownerId()) && !actor.mayActFor(next.ownerId())) {
            throw new CommandRejectedException(Rejection.FORBIDDEN,
                    "Only administrators may give a deal to another owner");
        }
        references.requireExisting(next, current);
    }

    @EventSourcingHandler
    void on(DealCreated event) {
        dealId = event.dealId();
        id = AggregateIds.of(AggregateIds.DEAL, dealId);
        details = event.details();
        status = event.status();
        closedAt = event.closedAt();
    }

    @EventSourcingHandler
    void on(DealUpdated event) {
        details = event.details();
        status = event.status();
        closedAt = event.closedAt();
    }

    @EventSourcingHandler
    void on(DealDeleted event) {
        deleted = true;
    }
}
