package io.timetracker.api.auth;

import io.timetracker.api.system.SystemController;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ErrorWriter;
import io.timetracker.api.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * The contract's rate limits for one request: per token when the caller authenticated (per administrator for the
 * admin web's sessions), per client IP
 * otherwise (public endpoints, and requests refused with 401, so guessing tokens is limited too); sign-in
 * attempts (whatever the spelling of their path: the route decides) have their own, tighter per-IP limit. The limits
 * are token buckets shared by every node ({@link RateLimiter}). Every answer carries the {@code X-RateLimit-*}
 * headers: the per-minute limit, the requests left now, and when the bucket is full again — but the health probes
 * ({@code /api/v1/health}, the actuator's readiness and liveness), which are not counted and carry none: a probe
 * answered 429 would make a node that serves look unready, and since the buckets are shared, a load balancer probing
 * every node from one address would spend one bucket for all of them.
 */
@Component
public class RateLimits {

    private static final RequestMatcher ACTUATOR_PROBES = EndpointRequest.to(HealthEndpoint.class);

    private final RateLimiter limiter;
    private final RouteTable routes;
    private final ErrorWriter errors;
    private final RateLimiter.Limit perCaller;
    private final RateLimiter.Limit signIns;

    public RateLimits(RateLimiter limiter, RouteTable routes, ErrorWriter errors,
                      @Value("${timetracker.rate-limit.per-minute}") int perMinute,
                      @Value("${timetracker.rate-limit.per-hour}") int perHour,
                      @Value("${timetracker.rate-limit.login-per-minute}") int loginPerMinute) {
        this.limiter = limiter;
        this.routes = routes;
        this.errors = errors;
        this.perCaller = new RateLimiter.Limit(perMinute, perHour);
        this.signIns = RateLimiter.Limit.perMinute(loginPerMinute);
    }

    /**
     * Counts the request against its limits and sets the headers; when over a limit, answers 429 itself.
     *
     * @return whether the request may go on
     */
    public boolean admit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        RouteAccess access = routes.accessFor(request);
        if (SystemController.HEALTH.equals(RouteTable.templateOf(request)) || ACTUATOR_PROBES.matches(request)) {
            return true;
        }
        Caller caller = RequestContext.caller(request);
        String ip = RequestContext.clientIp(request);
        RateLimiter.Decision decision = access.signIn()
                ? limiter.acquire("login:" + ip, signIns)
                : limiter.acquire(caller == null ? "ip:" + ip
                        : caller.webSession() ? "web-session:" + caller.userId() : "token:" + caller.tokenId(),
                        perCaller);
        response.setHeader("X-RateLimit-Limit", String.valueOf(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(decision.remaining()));
        response.setHeader("X-RateLimit-Reset", String.valueOf(decision.resetEpochSecond()));
        if (decision.allowed()) {
            return true;
        }
        long retryAfter = Math.max(1, decision.retryAfterSeconds());
        response.setHeader("Retry-After", String.valueOf(retryAfter));
        errors.write(request, response, new ApiException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                "Too many requests", "Rate limit exceeded; retry after " + retryAfter + " s"));
        return false;
    }
}
