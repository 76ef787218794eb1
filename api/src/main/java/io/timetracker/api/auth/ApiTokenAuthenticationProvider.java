package io.timetracker.api.auth;

import io.timetracker.query.token.ApiTokenQueries.FindTokenByDigest;
import io.timetracker.query.token.ApiTokenQueries.TokenCredential;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Checks a presented API token in the contract's order (§1): format, known, active, not expired, client address
 * allowed, user active. Each refusal's message is the one the contract names; none of them shows the token.
 */
@Component
public class ApiTokenAuthenticationProvider implements AuthenticationProvider {

    private final QueryGateway queries;
    private final Clock clock;

    public ApiTokenAuthenticationProvider(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        ApiTokenAuthentication presented = (ApiTokenAuthentication) authentication;
        String token = presented.getCredentials();
        if (!TokenDigests.hasTokenFormat(token)) {
            throw new BadCredentialsException("Invalid token format");
        }
        TokenCredential credential = queries.query(new FindTokenByDigest(TokenDigests.digest(token)),
                ResponseTypes.instanceOf(TokenCredential.class)).join();
        if (credential == null) {
            throw new BadCredentialsException("Token not found");
        }
        if (!credential.active()) {
            throw new BadCredentialsException("Token has been revoked");
        }
        Instant now = clock.instant();
        if (credential.expiresAt() != null && !credential.expiresAt().isAfter(now)) {
            throw new BadCredentialsException("Token has expired");
        }
        if (!IpAllowList.allows(credential.ipWhitelist(), clientIp(presented))) {
            throw new BadCredentialsException("Access denied from this IP address");
        }
        if (!credential.userActive()) {
            throw new BadCredentialsException("User account is inactive");
        }
        return ApiTokenAuthentication.of(new Caller(credential.userId(), credential.username(), credential.role(),
                credential.tokenId(), credential.tokenPrefix(), credential.scopes()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.class.isAssignableFrom(authentication);
    }

    private static String clientIp(ApiTokenAuthentication presented) {
        return presented.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
    }
}
