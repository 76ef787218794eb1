package io.timetracker.command.client;

import io.timetracker.command.common.AggregateDirectory;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Lets other aggregates check that a referenced client exists and is active. */
@Component
public class ClientDirectory extends AggregateDirectory<ClientAggregate> {

    public ClientDirectory(@Qualifier("clientAggregateRepository") Repository<ClientAggregate> clients) {
        super(clients, AggregateIds.CLIENT);
    }

    public void requireActive(long clientId, String field) {
        require(clientId, field, ClientAggregate::isActive, "No active client with id " + clientId);
    }
}
