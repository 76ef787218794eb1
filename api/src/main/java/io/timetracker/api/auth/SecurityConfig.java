package io.timetracker.api.auth;

import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ErrorWriter;
import io.timetracker.api.web.RequestContext;
import io.timetracker.query.token.TokenUsageRecorder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Access control on Spring Security's filter chain, failing closed. Its strict firewall refuses ambiguous paths
 * ({@code ;} parameters, encoded {@code /}, {@code .} or {@code %}, {@code //}, NUL, backslash) with a 400
 * before anything is routed. A request reaches a handler only when the router would send it to a
 * {@link PublicEndpoint} or it carries a valid API token; scopes are then checked on the matched handler
 * ({@link ScopeInterceptor}). The contract's answers and their order are kept (§1): 401 with the reason a token
 * was refused (counted against the client's rate limit, with its headers), 403 for a missing scope. The actuator's
 * endpoints other than the health probes (the Prometheus scrape) need an administrator's {@code admin:all} token.
 */
@Configuration
public class SecurityConfig {

    /** Every request the admin web's chain ({@link AdminSecurityConfig}, ordered first) does not serve. */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, PublicRoutes publicRoutes, ApiTokenAuthenticationProvider tokens,
                            TokenUsageRecorder usage, RateLimits limits, ErrorWriter errors, Clock clock)
            throws Exception {
        AuthenticationFilter tokenAuthentication = new AuthenticationFilter(new ProviderManager(tokens),
                new PresentedToken());
        // A public endpoint ignores any token it is sent (an app signing in may still carry a stale one).
        tokenAuthentication.setRequestMatcher(new NegatedRequestMatcher(publicRoutes));
        tokenAuthentication.setSuccessHandler((request, response, authentication) -> {
            Caller caller = (Caller) authentication.getPrincipal();
            RequestContext.setCaller(request, caller);
            usage.recordUse(caller.tokenId(), clock.instant());
        });
        tokenAuthentication.setFailureHandler((request, response, refused) ->
                refuse(request, response, ApiException.unauthorized(refused.getMessage()), limits, errors));
        return http
                .csrf(csrf -> csrf.disable()) // no cookies, no sessions: a token in a header cannot be forged
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(tokenAuthentication, AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(publicRoutes).permitAll()
                        // the actuator's endpoints but the health probes (public above): metrics are for operators
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).access(SecurityConfig::administrators)
                        .anyRequest().authenticated())
                .exceptionHandling(failures -> failures
                        .authenticationEntryPoint((request, response, missing) -> refuse(request, response,
                                ApiException.unauthorized(
                                        "Missing API token: send Authorization: Bearer <token> or X-API-Key"),
                                limits, errors))
                        .accessDeniedHandler((request, response, denied) ->
                                errors.write(request, response, ApiException.forbidden("Access denied"))))
                .build();
    }

    /**
     * An administrator's API token with {@code admin:all}, as {@link RequiresScope @RequiresScope("admin:all")} asks
     * of a handler; the actuator's endpoints have no handler of ours to declare it on.
     */
    private static AuthorizationDecision administrators(Supplier<? extends Authentication> authentication,
                                                        RequestAuthorizationContext request) {
        return new AuthorizationDecision(authentication.get().getPrincipal() instanceof Caller caller
                && !caller.webSession() && caller.isAdmin() && caller.hasScope("admin:all"));
    }

    /** The firewall's refusals in the contract's error shape. */
    @Bean
    RequestRejectedHandler ambiguousRequests(ErrorWriter errors) {
        return (request, response, rejected) -> errors.write(request, response,
                ApiException.badRequest("The request was refused: its path is ambiguous (a ';', an encoded '/', '.' "
                        + "or '%', a backslash, '//' or a NUL) or its method or headers are not allowed"));
    }

    /** Refusals count against the client address's limit (and carry its headers): guessing tokens is limited too. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, ApiException refusal,
                               RateLimits limits, ErrorWriter errors) throws IOException {
        if (limits.admit(request, response)) {
            errors.write(request, response, refusal);
        }
    }
}
