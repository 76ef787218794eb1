package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Resumes the paused timer at {@code at}; the paused span becomes break time. */
public record ResumeTimer(long entryId, Actor actor, Instant at) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
    }
}
