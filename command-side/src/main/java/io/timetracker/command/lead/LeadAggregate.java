package io.timetracker.command.lead;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.lead.LeadConvertedToClient;
import io.timetracker.events.lead.LeadConvertedToDeal;
import io.timetracker.events.lead.LeadCreated;
import io.timetracker.events.lead.LeadDeleted;
import io.timetracker.events.lead.LeadDetails;
import io.timetracker.events.lead.LeadUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A sales lead. Its owner (and admins) see and change it; anyone else is told it does not exist, and only admins
 * give a lead to someone else. It converts to a client once and to a deal once ({@link LeadConversions} creates
 * them with it); a second conversion of a kind is a conflict.
 */
@Aggregate
public class LeadAggregate {

    @AggregateIdentifier
    private String id;
    private long leadId;
    private LeadDetails details;
    private Long clientId;
    private Long contactId;
    private Long dealId;
    private boolean deleted;

    protected LeadAggregate() {
    }

    @CommandHandler
    public LeadAggregate(CreateLead command, UserDirectory users, LeadDirectory directory) {
        requireValid(command.actor(), command.details(), null, users);
        apply(new LeadCreated(command.leadId(), command.details(), command.actor().userId()));
        directory.record(command.leadId(), false);
    }

    @CommandHandler
    public void handle(UpdateLead command, UserDirectory users) {
        requireVisible(command.actor());
        requireValid(command.actor(), command.details(), details, users);
        if (!command.details().equals(details)) {
            apply(new LeadUpdated(leadId, command.details()));
        }
    }

    @CommandHandler
    public void handle(DeleteLead command, LeadDirectory directory) {
        requireVisible(command.actor());
        apply(new LeadDeleted(leadId));
        directory.record(leadId, true);
    }

    LeadToConvert requireConvertibleToClient(Actor actor) {
        requireVisible(actor);
        if (clientId != null) {
            throw CommandRejectedException.conflict("The lead was already converted to client " + clientId);
        }
        return new LeadToConvert(leadId, details, null, null);
    }

    LeadToConvert requireConvertibleToDeal(Actor actor) {
        requireVisible(actor);
        if (dealId != null) {
            throw CommandRejectedException.conflict("The lead was already converted to deal " + dealId);
        }
        return new LeadToConvert(leadId, details, clientId, contactId);
    }

    void markConvertedToClient(long newClientId, long newContactId, Actor actor) {
        apply(new LeadConvertedToClient(leadId, newClientId, newContactId, actor.userId()));
    }

    void markConvertedToDeal(long newDealId, Actor actor) {
        apply(new LeadConvertedToDeal(leadId, newDealId, actor.userId()));
    }

    private void requireVisible(Actor actor) {
        if (deleted || !actor.mayActFor(details.ownerId())) {
            throw new CommandRejectedException(Rejection.NOT_FOUND, "Lead not found");
        }
    }

    private static void requireValid(Actor actor, LeadDetails next, LeadDetails current, UserDirectory users) {
        LeadStatuses.requireKnown(next.status());
        if (next.score() != null && (next.score() < 0 || next.score() > 100)) {
            throw CommandRejectedException.invalid("score", "Must be between 0 and 100");
        }
        if (current == null || next.ownerId() != current.ownerId()) {
            if (!actor.mayActFor(next.ownerId())) {
                throw new CommandRejectedException(Rejection.FORBIDDEN,
                        "Only administrators may give a lead to another owner");
            }
            users.requireActive(next.ownerId(), "owner_id");
        }
    }

    @EventSourcingHandler
    void on(LeadCreated event) {
        leadId = event.leadId();
        id = AggregateIds.of(AggregateIds.LEAD, leadId);
        details = event.details();
    }

    @EventSourcingHandler
    void on(LeadUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(LeadConvertedToClient event) {
        clientId = event.clientId();
        contactId = event.contactId();
        details = converted();
    }

    @EventSourcingHandler
    void on(LeadConvertedToDeal event) {
        dealId = event.dealId();
        details = converted();
    }

    @EventSourcingHandler
    void on(LeadDeleted event) {
        deleted = true;
    }

    private LeadDetails converted() {
        return new LeadDetails(details.firstName(), details.lastName(), details.companyName(), details.email(),
                details.phone(), details.title(), details.source(), LeadStatuses.CONVERTED, details.score(),
                details.estimatedValue(), details.currencyCode(), details.notes(), details.tags(), details.ownerId());
    }
}
