package io.timetracker.api.identity;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.PublicEndpoint;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.RequestContext;
import io.timetracker.query.user.UserQueries.FindCredentials;
import io.timetracker.query.user.UserQueries.UserCredentials;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code POST /auth/login}: username and password in, a new token for the apps out (contract §2). */
@RestController
public class LoginController {

    private final Queries queries;
    private final PasswordHasher passwords;
    private final TokenIssuer issuer;
    private final Clock clock;
    private final Duration tokenLifetime;

    public LoginController(Queries queries, PasswordHasher passwords, TokenIssuer issuer, Clock clock,
                           @Value("${timetracker.login.token-expiry-days}") int expiryDays) {
        this.queries = queries;
        this.passwords = passwords;
        this.issuer = issuer;
        this.clock = clock;
        this.tokenLifetime = Duration.ofDays(expiryDays);
    }

    static final BodyField<String> USERNAME = BodyField.text("username", 100).required();
    static final BodyField<String> PASSWORD = BodyField.text("password", 200).required();
    static final BodyShape SHAPE = BodyShape.of("Login", USERNAME, PASSWORD);

    @PostMapping("/api/v1/auth/login")
    @PublicEndpoint(signIn = true)
    public Map<String, Object> login(JsonBody body, HttpServletRequest request) {
        String username = body.read(USERNAME);
        String password = body.read(PASSWORD);
        body.throwIfInvalid();
        UserCredentials user = queries.get(new FindCredentials(username), UserCredentials.class);
        boolean valid = passwords.matches(password, user == null ? null : user.passwordHash());
        if (!valid || !user.active()) {
            throw ApiException.unauthorized("Invalid username or password");
        }
        // The new token's events are recorded as the user's own doing (token id 0: no token was used).
        RequestContext.setCaller(request, new Caller(user.userId(), user.username(), user.role(), 0, null, List.of()));
        boolean admin = "admin".equals(user.role());
        Instant expiresAt = clock.instant().plus(tokenLifetime);
        TokenIssuer.IssuedToken issued = issuer.issue(new TokenIssuer.TokenRequest(user.userId(),
                "App login - " + user.username(), null, admin ? List.of("admin:all") : List.of("read:*", "write:*"),
                expiresAt, List.of()));
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("token", issued.plainToken());
        response.put("expires_at", expiresAt);
        return response;
    }
}
