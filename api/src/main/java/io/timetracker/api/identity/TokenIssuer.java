package io.timetracker.api.identity;

import io.timetracker.api.auth.TokenDigests;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.token.IssueApiToken;
import io.timetracker.events.AggregateIds;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Mints API tokens: a fresh secret (or one given at bootstrap), of which only the digest and prefix
 * travel on in the command. The plain token is handed back once, to the caller who asked.
 */
@Component
public class TokenIssuer {

    /** A token just issued: its id and its plain value, to be shown exactly once. */
    public record IssuedToken(long tokenId, String plainToken) {
    }

    /** What a new token is for. */
    public record TokenRequest(long userId, String name, String description, List<String> scopes,
                               Instant expiresAt, List<String> ipWhitelist) {
    }

    private final CommandDispatcher commands;
    private final IdAllocator ids;

    public TokenIssuer(CommandDispatcher commands, IdAllocator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    public IssuedToken issue(TokenRequest request) {
        return issue(request, TokenDigests.newToken());
    }

    /** Issues {@code plainToken}, which must already have the {@code tt_} format. */
    public IssuedToken issue(TokenRequest request, String plainToken) {
        long tokenId = ids.next(AggregateIds.API_TOKEN);
        commands.send(new IssueApiToken(tokenId, request.userId(), request.name(), request.description(),
                TokenDigests.digest(plainToken), TokenDigests.prefix(plainToken), request.scopes(),
                request.expiresAt(), request.ipWhitelist()));
        return new IssuedToken(tokenId, plainToken);
    }
}
