package io.timetracker.command.lead;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.lead.LeadDetails;

public record CreateLead(long leadId, Actor actor, LeadDetails details) implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.LEAD, leadId);
    }
}
