package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;

/**
 * Records an entry for {@code userId} by hand (or by import): completed when the input has an end time, else a
 * running timer that started at its start time (how the mobile app syncs timers started offline).
 */
public record CreateTimeEntry(long entryId, Actor actor, long userId, EntryInput input, String source)
        implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
    }
}
