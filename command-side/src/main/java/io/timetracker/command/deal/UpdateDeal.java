package io.timetracker.command.deal;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.deal.DealDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.time.Instant;

/**
 * Sets the deal's details (the merged partial update), and its status when {@code status} is given (null: as the
 * stage has it); {@code at} is the closing moment if this closes it. {@code expectedVersion} (null: any).
 */
public record UpdateDeal(long dealId, Actor actor, DealDetails details, String status, Instant at,
                         @TargetAggregateVersion Long expectedVersion) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.DEAL, dealId);
    }
}
