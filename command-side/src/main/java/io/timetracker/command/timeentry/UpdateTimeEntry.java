package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sets the entry to {@code input} (the merged partial update); {@code expectedVersion} (null: any). */
public record UpdateTimeEntry(long entryId, Actor actor, EntryInput input,
                              @TargetAggregateVersion Long expectedVersion) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
    }
}
