package io.timetracker.api.identity;

import io.timetracker.api.auth.IpAllowList;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.auth.TokenDigests;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.token.RevokeApiToken;
import io.timetracker.command.token.RotateApiToken;
import io.timetracker.events.AggregateIds;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.token.ApiTokenQueries.FindApiToken;
import io.timetracker.query.token.ApiTokenQueries.ListApiTokens;
import io.timetracker.query.token.ApiTokenView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Contract §2, API tokens (admin only). The plain token appears in a create or rotate response, once. */
@RestController
@RequestMapping("/api/v1/api-tokens")
public class ApiTokenController {

    private final TokenIssuer issuer;
    private final CommandDispatcher commands;
    private final Queries queries;
    private final IdAllocator ids;
    private final Clock clock;

    public ApiTokenController(TokenIssuer issuer, CommandDispatcher commands, Queries queries, IdAllocator ids,
                              Clock clock) {
        this.issuer = issuer;
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.clock = clock;
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
    static final BodyShape CREATE = BodyShape.of("ApiTokenCreate", NAME, USER_ID, SCOPES, DESCRIPTION, EXPIRES_AT,
            EXPIRES_DAYS, IP_WHITELIST);

    @GetMapping
    @RequiresScope("admin:all")
    public Map<String, Object> list(HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        return Envelopes.list("api_tokens", queries.page(new ListApiTokens(page)), page);
    }

    @GetMapping("/{id}")
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        return Envelopes.one("api_token", find(id));
    }

    @PostMapping
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> create(JsonBody body, HttpServletRequest request) {
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
        TokenIssuer.IssuedToken issued = issuer.issue(new TokenIssuer.TokenRequest(userId, name, description, scopes,
                expiresAt, ipWhitelist == null ? List.of() : ipWhitelist));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/api-tokens/" + issued.tokenId()))
                .body(withToken("API token created successfully", issued, request));
    }

    @PostMapping("/{id}/revoke")
    @RequiresScope("admin:all")
    public Map<String, Object> revoke(@PathVariable long id) {
        find(id);
        commands.send(new RevokeApiToken(id));
        return Envelopes.message("API token revoked successfully", "api_token", find(id).value());
    }

    @DeleteMapping("/{id}")
    @RequiresScope("admin:all")
    public Map<String, Object> delete(@PathVariable long id) {
        find(id);
        commands.send(new RevokeApiToken(id));
        return Envelopes.message("API token revoked successfully");
    }

    @PostMapping("/{id}/rotate")
    @RequiresScope("admin:all")
    public Map<String, Object> rotate(@PathVariable long id, HttpServletRequest request) {
        find(id);
        String plain = TokenDigests.newToken();
        long newId = ids.next(AggregateIds.API_TOKEN);
        RotateApiToken rotate = new RotateApiToken(id, newId, TokenDigests.digest(plain), TokenDigests.prefix(plain));
        commands.send(rotate);
        return withToken("API token rotated successfully", new TokenIssuer.IssuedToken(newId, plain), request);
    }

    /** The one response that shows a plain token; it is marked so that nothing keeps it. */
    private Map<String, Object> withToken(String message, TokenIssuer.IssuedToken issued, HttpServletRequest request) {
        RequestContext.markSecretResponse(request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("token", issued.plainToken());
        body.put("api_token", find(issued.tokenId()).value());
        return body;
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

    private Versioned<ApiTokenView> find(long id) {
        return queries.one(new FindApiToken(id), "API token");
    }
}
