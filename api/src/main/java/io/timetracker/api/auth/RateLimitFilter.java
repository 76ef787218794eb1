package io.timetracker.api.auth;

import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ErrorWriter;
import io.timetracker.api.web.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Per-token limits (per client IP for requests without a token) with the {@code X-RateLimit-*} headers on
 * every response; sign-in attempts have their own, tighter per-IP limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class RateLimitFilter extends OncePerRequestFilter {

    private static final String LOGIN_PATH = "/api/v1/auth/login";

    private final RateLimiter limiter;
    private final ErrorWriter errors;
    private final int perMinute;
    private final int perHour;
    private final int loginPerMinute;

    public RateLimitFilter(RateLimiter limiter, ErrorWriter errors,
                           @Value("${timetracker.rate-limit.per-minute}") int perMinute,
                           @Value("${timetracker.rate-limit.per-hour}") int perHour,
                           @Value("${timetracker.rate-limit.login-per-minute}") int loginPerMinute) {
        this.limiter = limiter;
        this.errors = errors;
        this.perMinute = perMinute;
        this.perHour = perHour;
        this.loginPerMinute = loginPerMinute;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = RequestContext.caller(request);
        String ip = RequestContext.clientIp(request);
        RateLimiter.Decision decision = LOGIN_PATH.equals(request.getRequestURI())
                ? limiter.acquire("login:" + ip, loginPerMinute, Integer.MAX_VALUE)
                : limiter.acquire(caller != null ? "token:" + caller.tokenId() : "ip:" + ip, perMinute, perHour);
        response.setHeader("X-RateLimit-Limit", String.valueOf(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        response.setHeader("X-RateLimit-Reset", String.valueOf(decision.resetEpochSecond()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, decision.retryAfterSeconds())));
            errors.write(request, response, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                    "Too many requests", "Rate limit exceeded; retry after " + decision.retryAfterSeconds() + " s"));
            return;
        }
        chain.doFilter(request, response);
    }
}
