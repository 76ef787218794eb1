package io.timetracker.command.contact;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.contact.ContactDetails;

/** A new contact of an active client; primary if {@code details} say so (the client's other primary is cleared). */
public record CreateContact(long contactId, long clientId, ContactDetails details) implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.CONTACT, contactId);
    }
}
