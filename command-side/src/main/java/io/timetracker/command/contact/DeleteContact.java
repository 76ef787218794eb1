package io.timetracker.command.contact;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;

/** Soft-deletes the contact; {@code expectedVersion} (null: any). */
public record DeleteContact(long contactId, Long expectedVersion) implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.CONTACT, contactId);
    }
}
