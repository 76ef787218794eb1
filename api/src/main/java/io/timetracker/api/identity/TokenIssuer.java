package io.timetracker.api.identity;

import io.timetracker.api.auth.IpAllowList;
import io.timetracker.api.auth.TokenDigests;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.JsonBody;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.token.IssueApiToken;
import io.timetracker.command.token.RotateApiToken;
import io.timetracker.events.AggregateIds;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Mints API tokens: a fresh secret (or one given at bootstrap), of which only the digest and prefix
 * travel on in the command. The plain token is handed back once, to the caller who asked (the API's
 * {@code POST /api-tokens} and the admin web alike, which read the same fields).
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
    private final Clock clock;

    public TokenIssuer(CommandDispatcher commands, IdAllocator ids, Clock clock) {
        this.commands = commands;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * A new token's fields: {@code name}, {@code user_id}, {@code scopes} (required), {@code description}, the
     * expiry ({@code expires_at} or {@code expires_days}; neither: never) and {@code ip_whitelist}.
     */
    public TokenRequest requestOf(JsonBody body) {
        String name = body.requiredText("name", 100);
        Long userId = body.requiredInteger("user_id");
        List<String> scopes = body.stringList("scopes");
        if (scopes == null || scopes.isEmpty()) {
            body.reject("scopes", "Is required");
        }
        String description = body.text("description", 1000);
        Instant expiresAt = readExpiry(body);
        List<String> ipWhitelist = body.stringList("ip_whitelist");
        if (ipWhitelist != null && !ipWhitelist.stream().allMatch(IpAllowList::isValidEntry)) {
            body.reject("ip_whitelist", "Each entry must be an IP address or a CIDR range");
        }
        body.throwIfInvalid();
        return new TokenRequest(userId, name, description, scopes, expiresAt,
                ipWhitelist == null ? List.of() : ipWhitelist);
    }

    public IssuedToken issue(TokenRequest request) {
        return issue(request, TokenDigests.newToken());
    }

    /** Replaces token {@code tokenId} with a new one (same user, scopes and settings); the old one stops working. */
    public IssuedToken rotate(long tokenId) {
        String plain = TokenDigests.newToken();
        long newId = ids.next(AggregateIds.API_TOKEN);
        commands.send(new RotateApiToken(tokenId, newId, TokenDigests.digest(plain), TokenDigests.prefix(plain)));
        return new IssuedToken(newId, plain);
    }

    /** Issues {@code plainToken}, which must already have the {@code tt_} format. */
    public IssuedToken issue(TokenRequest request, String plainToken) {
        long tokenId = ids.next(AggregateIds.API_TOKEN);
        commands.send(new IssueApiToken(tokenId, request.userId(), request.name(), request.description(),
                TokenDigests.digest(plainToken), TokenDigests.prefix(plainToken), request.scopes(),
                request.expiresAt(), request.ipWhitelist()));
        return new IssuedToken(tokenId, plainToken);
    }

    /** {@code expires_at} (a future date-time) or {@code expires_days} (1..3650); neither: never expires. */
    private Instant readExpiry(JsonBody body) {
        Instant expiresAt = body.dateTime("expires_at");
        Long days = body.integer("expires_days");
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            return body.reject("expires_at", "Must be in the future");
        }
        if (days != null) {
            if (days < 1 || days > 3650) {
                return body.reject("expires_days", "Must be between 1 and 3650");
            }
            return clock.instant().plus(Duration.ofDays(days));
        }
        return expiresAt;
    }
}
