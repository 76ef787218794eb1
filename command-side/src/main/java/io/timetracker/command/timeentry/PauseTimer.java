package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Pauses the running timer at {@code at}. */
public record PauseTimer(long entryId, Actor actor, Instant at) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
    }
}
