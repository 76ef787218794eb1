package io.timetracker.api.auth;

import io.timetracker.api.web.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Locale;

/**
 * Limits sign-in attempts to the admin web, before any password is checked: per client address, together with the
 * API's sign-in ({@code timetracker.rate-limit.login-per-minute}, the same bucket), and per account name, from
 * whatever address ({@code timetracker.admin.sign-in-attempts-per-minute}), so that a password cannot be guessed
 * from many addresses either. A throttled attempt is refused with 429, even with the right password.
 */
final class SignInThrottle extends OncePerRequestFilter {

    private final RequestMatcher signIn = PathPatternRequestMatcher.pathPattern(HttpMethod.POST,
            AdminSecurityConfig.SIGN_IN);
    private final RateLimiter limiter;
    private final RateLimiter.Limit perAddress;
    private final RateLimiter.Limit perAccount;

    SignInThrottle(RateLimiter limiter, int perAddress, int perAccount) {
        this.limiter = limiter;
        this.perAddress = RateLimiter.Limit.perMinute(perAddress);
        this.perAccount = RateLimiter.Limit.perMinute(perAccount);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !signIn.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String account = request.getParameter("username");
        String key = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
        RateLimiter.Decision byAddress = limiter.acquire("login:" + RequestContext.clientIp(request), perAddress);
        RateLimiter.Decision byAccount = byAddress.allowed()
                ? limiter.acquire("admin-sign-in:" + key, perAccount) : byAddress;
        if (!byAccount.allowed()) {
            response.setHeader("Retry-After", String.valueOf(Math.max(1, byAccount.retryAfterSeconds())));
            AdminRefusal.THROTTLED.forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
