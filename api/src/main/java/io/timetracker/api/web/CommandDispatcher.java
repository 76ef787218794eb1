package io.timetracker.api.web;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.query.common.ReadBack;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the request's who-and-why metadata. When it returns, the command's transaction (shared
 * with the commands other requests sent at the same moment, {@link GroupCommit}) has committed its events together
 * with every read model they change (the projections run inline), so every later read on every node sees the write.
 */
@Component
public class CommandDispatcher {

    private final GroupCommit groups;

    public CommandDispatcher(GroupCommit groups) {
        this.groups = groups;
    }

    public void send(TargetedCommand command) {
        send(command, null);
    }

    /**
     * Sends the command and answers what {@code read} finds among the rows it committed, read in the command's own
     * transaction after its projections' writes (see {@link ReadBack}), so the answer needs no query of its own.
     */
    public <T> T send(TargetedCommand command, ReadBack<T> read) {
        return groups.send(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(MetaData.from(RequestContext.auditMetadata())), read);
    }
}
