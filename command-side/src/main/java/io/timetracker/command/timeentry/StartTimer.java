package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;

import java.time.Instant;

/** Starts a timer for the acting user at {@code at} on an active project. */
public record StartTimer(long entryId, Actor actor, long projectId, Long taskId, String notes, Instant at)
        implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
    }
}
