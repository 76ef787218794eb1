package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * Approves the request's current level (the entry's aggregate decides: {@code entryId} comes from the
 * {@link ApprovalDirectory}). {@code expectedVersion}: the request's version (its ETag) the approver saw, or null.
 */
public record GrantApproval(long entryId, long approvalId, Actor actor, String comment,
                            @TargetAggregateVersion Long expectedVersion) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
    }
}
