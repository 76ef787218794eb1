package io.timetracker.command.token;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.token.ApiTokenIssued;
import io.timetracker.events.token.ApiTokenRevoked;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

@Aggregate
public class ApiTokenAggregate {

    @AggregateIdentifier
    private String id;
    private ApiTokenIssued issued;
    private boolean active;

    protected ApiTokenAggregate() {
    }

    @CommandHandler
    public ApiTokenAggregate(IssueApiToken command, UserDirectory users) {
        ApiScopes.requireKnown(command.scopes());
        users.requireActive(command.userId(), "user_id");
        apply(new ApiTokenIssued(command.tokenId(), command.userId(), command.name(), command.description(),
                command.tokenDigest(), command.tokenPrefix(), command.scopes(), command.expiresAt(),
                command.ipWhitelist(), null));
    }

    private ApiTokenAggregate(ApiTokenIssued rotated) {
        apply(rotated);
    }

    @CommandHandler
    public void handle(RevokeApiToken command) {
        if (active) {
            apply(new ApiTokenRevoked(command.tokenId(), null));
        }
    }

    @CommandHandler
    public void handle(RotateApiToken command) throws Exception {
        if (!active) {
            throw new CommandRejectedException(Rejection.INVALID_STATE, "A revoked token cannot be rotated");
        }
        apply(new ApiTokenRevoked(issued.tokenId(), command.newTokenId()));
        ApiTokenIssued successor = new ApiTokenIssued(command.newTokenId(), issued.userId(), issued.name(),
                issued.description(), command.newTokenDigest(), command.newTokenPrefix(), issued.scopes(),
                issued.expiresAt(), issued.ipWhitelist(), issued.tokenId());
        createNew(ApiTokenAggregate.class, () -> new ApiTokenAggregate(successor));
    }

    @EventSourcingHandler
    void on(ApiTokenIssued event) {
        id = AggregateIds.of(AggregateIds.API_TOKEN, event.tokenId());
        issued = event;
        active = true;
    }

    @EventSourcingHandler
    void on(ApiTokenRevoked event) {
        active = false;
    }
}
