package io.timetracker.command.client;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.client.ClientDetails;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Sets the client's details and active flag; {@code expectedVersion} (null: any) guards against lost updates. */
public record UpdateClient(long clientId, ClientDetails details, boolean active,
                           @TargetAggregateVersion Long expectedVersion) implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.CLIENT, clientId);
    }
}
