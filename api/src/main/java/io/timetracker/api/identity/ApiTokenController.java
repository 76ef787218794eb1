package io.timetracker.api.identity;

import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.token.RevokeApiToken;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** Contract §2, API tokens (admin only). The plain token appears in a create or rotate response, once. */
@RestController
@RequestMapping("/api/v1/api-tokens")
public class ApiTokenController {

    private final TokenIssuer issuer;
    private final CommandDispatcher commands;
    private final Queries queries;

    public ApiTokenController(TokenIssuer issuer, CommandDispatcher commands, Queries queries) {
        this.issuer = issuer;
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    @RequiresScope("admin:all")
    public Map<String, Object> list(HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        return Envelopes.list("api_tokens", queries.page(new ListApiTokens(null, page)), page);
    }

    @GetMapping("/{id}")
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        return Envelopes.one("api_token", find(id));
    }

    @PostMapping
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> create(JsonBody body, HttpServletRequest request) {
        TokenIssuer.IssuedToken issued = issuer.issue(issuer.requestOf(body));
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
        return withToken("API token rotated successfully", issuer.rotate(id), request);
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

    private Versioned<ApiTokenView> find(long id) {
        return queries.one(new FindApiToken(id), "API token");
    }
}
