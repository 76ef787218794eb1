package io.timetracker.api.web;

import io.timetracker.command.common.TargetedCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the request's who-and-why metadata. When it returns, the command's transaction has
 * committed its events together with every read model they change (the projections run inline), so every later
 * read on every node sees the write.
 */
@Component
public class CommandDispatcher {

    private final CommandGateway commands;

    public CommandDispatcher(CommandGateway commands) {
        this.commands = commands;
    }

    public void send(TargetedCommand command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(RequestContext.auditMetadata())));
    }
}
