package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * Submits the entry as it stands for approval under the new request {@code approvalId}; {@code approverIds}
 * (null or empty: the project's manager, else every admin) names one level each. {@code expectedVersion}: the entry
 * version the requester saw (null: the current one).
 */
public record RequestApproval(long entryId, long approvalId, Actor actor, String comment, List<Long> approverIds,
                              @TargetAggregateVersion Long expectedVersion) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.TIME_ENTRY, entryId);
    }
}
