package io.timetracker.command.lead;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;

/**
 * Makes the lead client {@code clientId} with its primary contact {@code contactId}, all or nothing;
 * {@code expectedVersion} (null: any) is the lead's.
 */
public record ConvertLeadToClient(long leadId, Actor actor, long clientId, long contactId, Long expectedVersion)
        implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.LEAD, leadId);
    }
}
