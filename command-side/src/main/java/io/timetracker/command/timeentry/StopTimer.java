package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Ends the running timer at {@code at} (a paused span up to then counts as break time). */
public record StopTimer(long entryId, Actor actor, Instant at) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
    }
}
