package io.timetracker.command.contact;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.contact.ContactDetails;

/** Sets the contact's details (the merged partial update); {@code expectedVersion} (null: any). */
public record UpdateContact(long contactId, ContactDetails details, Long expectedVersion) implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.CONTACT, contactId);
    }
}
