package io.timetracker.command.token;

import io.timetracker.command.common.TargetedCommand;
import io.timetracker.events.AggregateIds;

import java.time.Instant;
import java.util.List;

/** Issues a token for {@code userId}. Only the token's SHA-256 digest and display prefix travel here. */
public record IssueApiToken(long tokenId, long userId, String name, String description, String tokenDigest,
                            String tokenPrefix, List<String> scopes, Instant expiresAt, List<String> ipWhitelist)
        implements TargetedCommand {

    @Override
    public String aggregateId() {
        return AggregateIds.of(AggregateIds.API_TOKEN, tokenId);
    }
}
