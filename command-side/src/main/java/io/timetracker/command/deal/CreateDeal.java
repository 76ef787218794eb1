package io.timetracker.command.deal;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.deal.DealDetails;

import java.time.Instant;

/** A new deal, made {@code at} (its closing moment if it starts closed). */
public record CreateDeal(long dealId, Actor actor, DealDetails details, Instant at) implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.DEAL, dealId);
    }
}
