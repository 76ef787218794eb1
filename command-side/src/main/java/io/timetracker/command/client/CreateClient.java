package io.timetracker.command.client;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.client.ClientDetails;

public record CreateClient(long clientId, ClientDetails details) implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.CLIENT, clientId);
    }
}
