package io.timetracker.command.token;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Revokes {@code tokenId} and issues {@code newTokenId} with the same user, scopes, IP list and expiry. */
public record RotateApiToken(long tokenId, long newTokenId, String newTokenDigest, String newTokenPrefix)
        implements TargetedCommand {

    @Override
    @TargetAggregateIdentifier
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.API_TOKEN, tokenId);
    }
}
