package io.timetracker.api.config;

import io.timetracker.api.web.CommittedClaims;
import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * What runs around every command handler. Apart from {@link AxonConfig}, whose serializers Axon's own
 * configuration needs before the command bus exists.
 */
@Configuration
public class CommandInterceptors {

    /** A request's Idempotency-Key is marked committed in the transaction of each command it sends. */
    @Autowired
    public void register(CommandBus commandBus, CommittedClaims committedClaims) {
        commandBus.registerHandlerInterceptor(committedClaims);
    }
}
