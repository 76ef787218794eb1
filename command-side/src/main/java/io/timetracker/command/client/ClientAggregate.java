package io.timetracker.command.client;

import io.timetracker.command.common.Names;
import io.timetracker.command.common.UniqueKeys;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.client.ClientArchived;
import io.timetracker.events.client.ClientCreated;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.client.ClientReactivated;
import io.timetracker.events.client.ClientUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class ClientAggregate {

    static final String NAME_SCOPE = "client-name";

    @AggregateIdentifier
    private String id;
    private ClientDetails details;
    private boolean active;

    protected ClientAggregate() {
    }

    @CommandHandler
    public ClientAggregate(CreateClient command, UniqueKeys uniqueKeys, ClientDirectory directory) {
        uniqueKeys.claim(NAME_SCOPE, Names.key(command.details().name()), command.aggregateId(),
                nameTaken(command.details()));
        apply(new ClientCreated(command.clientId(), command.details()));
        directory.record(command.clientId(), true); // a new client is active
    }

    @CommandHandler
    public void handle(UpdateClient command, UniqueKeys uniqueKeys, ClientDirectory directory) {
        if (!command.details().equals(details)) {
            uniqueKeys.move(NAME_SCOPE, Names.key(details.name()), Names.key(command.details().name()), id,
                    nameTaken(command.details()));
            apply(new ClientUpdated(command.clientId(), command.details()));
        }
        if (command.active() != active) {
            apply(command.active() ? new ClientReactivated(command.clientId()) : new ClientArchived(command.clientId()));
            directory.record(command.clientId(), active);
        }
    }

    @CommandHandler
    public void handle(ArchiveClient command, ClientDirectory directory) {
        if (active) {
            apply(new ClientArchived(command.clientId()));
            directory.record(command.clientId(), active);
        }
    }

    private static String nameTaken(ClientDetails details) {
        return "A client named '" + details.name() + "' already exists";
    }

    @EventSourcingHandler
    void on(ClientCreated event) {
        id = AggregateIds.of(AggregateIds.CLIENT, event.clientId());
        details = event.details();
        active = true;
    }

    @EventSourcingHandler
    void on(ClientUpdated event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(ClientArchived event) {
        active = false;
    }

    @EventSourcingHandler
    void on(ClientReactivated event) {
        active = true;
    }
}
