package io.timetracker.api.web;

import io.timetracker.command.common.TargetedCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Sends a command with the request's who-and-why metadata and returns once its events are visible to
 * every read (read-your-writes).
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commands;
    private final ProjectionBarrier barrier;

    public CommandDispatcher(CommandGateway commands, ProjectionBarrier barrier) {
        this.commands = commands;
        this.barrier = barrier;
    }

    public void send(TargetedCommand command) {
        dispatch(command, List.of(command.aggregateId()));
    }

    /** For a command that records events on other aggregates too (a rotation creates the successor token). */
    public void sendTouching(TargetedCommand command, List<String> touchedAggregateIds) {
        dispatch(command, touchedAggregateIds);
    }

    private void dispatch(TargetedCommand command, List<String> touchedAggregateIds) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(RequestContext.auditMetadata())));
        barrier.awaitVisible(touchedAggregateIds);
    }
}
