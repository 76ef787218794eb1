package io.timetracker.command.contact;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.contact.ContactCreated;
import io.timetracker.events.contact.ContactDeleted;
import io.timetracker.events.contact.ContactDetails;
import io.timetracker.events.contact.ContactPrimaryCleared;
import io.timetracker.events.contact.ContactUpdated;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A contact person of one client. Its commands are handled by {@link ContactCommands}, because making a contact
 * primary also changes the client's previous primary contact, in the same transaction. A deleted contact stays
 * readable but changes no more.
 */
@Aggregate
public class ContactAggregate {

    @AggregateIdentifier
    private String id;
    private long contactId;
    private long clientId;
    private ContactDetails details;
    private boolean deleted;

    protected ContactAggregate() {
    }

    ContactAggregate(CreateContact command) {
        ContactRoles.requireKnown(command.details().role());
        apply(new ContactCreated(command.contactId(), command.clientId(), command.details()));
    }

    void update(ContactDetails next) {
        requireNotDeleted();
        ContactRoles.requireKnown(next.role());
        if (!next.equals(details)) {
            apply(new ContactUpdated(contactId, clientId, next));
        }
    }

    void delete() {
        requireNotDeleted();
        apply(new ContactDeleted(contactId, clientId));
    }

    /** Another contact of the client became primary. */
    void clearPrimary(long replacedBy) {
        if (details.isPrimary()) {
            apply(new ContactPrimaryCleared(contactId, clientId, replacedBy));
        }
    }

    private void requireNotDeleted() {
        if (deleted) {
            throw new CommandRejectedException(Rejection.NOT_FOUND, "Contact not found");
        }
    }

    @EventSourcingHandler
    void on(ContactCreated event) {
        contactId = event.contactId();
        id = AggregateIds.of(AggregateIds.CONTACT, contactId);
        clientId = event.clientId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(ContactUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ContactPrimaryCleared event) {
        details = new ContactDetails(details.firstName(), details.lastName(), details.email(), details.phone(),
                details.mobile(), details.title(), details.department(), details.role(), false, details.address(),
                details.notes(), details.tags());
    }

    @EventSourcingHandler
    void on(ContactDeleted event) {
        deleted = true;
    }
}
