package io.timetracker.command.lead;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.lead.LeadDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sets the lead's details (the merged partial update); {@code expectedVersion} (null: any). */
public record UpdateLead(long leadId, Actor actor, LeadDetails details, @TargetAggregateVersion Long expectedVersion)
        implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.LEAD, leadId);
    }
}
