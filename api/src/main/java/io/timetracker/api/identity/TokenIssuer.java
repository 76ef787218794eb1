package io.timetracker.api.identity;

import io.timetracker.api.auth.IpAllowList;
import io.timetracker.api.auth.TokenDigests;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
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

    static final BodyField<String> NAME = BodyField.text("name", 100).required();
    static final BodyField<Long> USER_ID = BodyField.integer("user_id").required()
            .describedAs("The user the token acts as");
    static final BodyField<List<String>> SCOPES = BodyField.stringList("scopes").required()
            .describedAs("read:<resource>, write:<resource>, read:*, write:*, admin:all or *");
    static final BodyField<String> DESCRIPTION = BodyField.text("description", 1000);
    static final BodyField<Instant> EXPIRES_AT = BodyField.dateTime("expires_at").describedAs("In the future");
    static final BodyField<Long> EXPIRES_DAYS = BodyField.integer("expires_days", 1, 3650)
            .describedAs("Instead of expires_at; neither: the token never expires");
    static final BodyField<List<String>> IP_WHITELIST = BodyField.stringList("ip_whitelist")
            .describedAs("IP addresses and CIDR ranges the token may be used from");
    /** The body of {@code POST /api-tokens}, read (and documented) alike for the API and the admin web. */
    static final BodyShape CREATE = BodyShape.of("ApiTokenCreate", NAME, USER_ID, SCOPES, DESCRIPTION, EXPIRES_AT,
            EXPIRES_DAYS, IP_WHITELIST);

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
        String name = body.read(NAME);
        Long userId = body.read(USER_ID);
        List<String> scopes = body.read(SCOPES);
        if (scopes != null && scopes.isEmpty()) {
            body.reject(SCOPES.name(), "Is required");
        }
        String description = body.read(DESCRIPTION);
        Instant expiresAt = readExpiry(body);
        List<String> ipWhitelist = body.read(IP_WHITELIST);
        if (ipWhitelist != null && !ipWhitelist.stream().allMatch(IpAllowList::isValidEntry)) {
            body.reject(IP_WHITELIST.name(), "Each entry must be an IP address or a CIDR range");
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
        Instant expiresAt = body.read(EXPIRES_AT);
        Long days = body.read(EXPIRES_DAYS);
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            return body.reject(EXPIRES_AT.name(), "Must be in the future");
        }
        if (days != null) {
            return clock.instant().plus(Duration.ofDays(days));
        }
        return expiresAt;
    }
}
