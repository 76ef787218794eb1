package io.timetracker.api.auth;

import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ErrorWriter;
import io.timetracker.api.web.RequestContext;
import io.timetracker.query.token.ApiTokenQueries.FindTokenByDigest;
import io.timetracker.query.token.ApiTokenQueries.TokenCredential;
import io.timetracker.query.token.TokenUsageRecorder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * Authenticates {@code /api/v1} requests by token, checking in the contract's order: format, known, active,
 * not expired, client IP allowed, user active. Usage is recorded in memory and flushed in batches.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class AuthenticationFilter extends OncePerRequestFilter {

    private final QueryGateway queries;
    private final TokenUsageRecorder usage;
    private final RateLimits limits;
    private final ErrorWriter errors;
    private final Clock clock;

    public AuthenticationFilter(QueryGateway queries, TokenUsageRecorder usage, RateLimits limits,
                                ErrorWriter errors, Clock clock) {
        this.queries = queries;
        this.usage = usage;
        this.limits = limits;
        this.errors = errors;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (PublicEndpoints.isPublic(request)) {
            chain.doFilter(request, response);
            return;
        }
        try {
            RequestContext.setCaller(request, authenticate(request));
        } catch (ApiException rejected) {
            // Refusals count against the client IP's limit (and carry its headers): guessing tokens is limited too.
            if (limits.admit(request, response)) {
                errors.write(request, response, rejected);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private Caller authenticate(HttpServletRequest request) {
        String token = presentedToken(request);
        if (token == null) {
            throw ApiException.unauthorized("Missing API token: send Authorization: Bearer <token> or X-API-Key");
        }
        if (!TokenDigests.hasTokenFormat(token)) {
            throw ApiException.unauthorized("Invalid token format");
        }
        TokenCredential credential = queries.query(new FindTokenByDigest(TokenDigests.digest(token)),
                ResponseTypes.instanceOf(TokenCredential.class)).join();
        Instant now = clock.instant();
        if (credential == null) {
            throw ApiException.unauthorized("Token not found");
        }
        if (!credential.active()) {
            throw ApiException.unauthorized("Token has been revoked");
        }
        if (credential.expiresAt() != null && !credential.expiresAt().isAfter(now)) {
            throw ApiException.unauthorized("Token has expired");
        }
        if (!IpAllowList.allows(credential.ipWhitelist(), RequestContext.clientIp(request))) {
            throw ApiException.unauthorized("Access denied from this IP address");
        }
        if (!credential.userActive()) {
            throw ApiException.unauthorized("User account is inactive");
        }
        usage.recordUse(credential.tokenId(), now);
        return new Caller(credential.userId(), credential.username(), credential.role(), credential.tokenId(),
                credential.tokenPrefix(), credential.scopes());
    }

    /** Authorization: Bearer|Token (any case), or X-API-Key; never the query string. */
    private static String presentedToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String[] parts = authorization.strip().split("\\s+", 2);
            String scheme = parts[0].toLowerCase(Locale.ROOT);
            if (parts.length == 2 && (scheme.equals("bearer") || scheme.equals("token"))) {
                return parts[1].strip();
            }
        }
        String apiKey = request.getHeader("X-API-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }
}
