package io.timetracker.api.auth;

import io.timetracker.api.web.Queries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The admin web's own filter chain, ahead of the API's ({@link SecurityConfig}, which it leaves unchanged): it
 * serves only {@link AdminPages} (the path as the router reads it), with form sign-in, a session cookie (HttpOnly,
 * SameSite=Strict, Secure over TLS: {@code server.servlet.session.cookie}), CSRF tokens on every form, sign-in
 * throttling and sign-out. Only administrators are signed in; every page but the sign-in form, its refusals and the
 * stylesheet needs one. Anonymous requests are sent to the sign-in form; refusals (a missing CSRF token, a non-admin)
 * are answered by {@link AdminRefusal#PAGE}.
 */
@Configuration
public class AdminSecurityConfig {

    public static final String SIGN_IN = "/admin/login";
    public static final String SIGN_OUT = "/admin/logout";
    public static final String HOME = "/admin/api-tokens";
    public static final String SESSION_COOKIE = "TT_ADMIN_SESSION";

    /** Scripts and styles from this server only (no inline script), no framing, forms only to this server. */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain adminWeb(HttpSecurity http, AdminPages pages, RouteTable routes, AdminSignIn signIn,
                                 Queries queries, RateLimiter limiter,
                                 @Value("${timetracker.rate-limit.login-per-minute}") int signInsPerAddress,
                                 @Value("${timetracker.admin.sign-in-attempts-per-minute}") int signInsPerAccount)
            throws Exception {
        RequestMatcher open = new OrRequestMatcher(
                request -> routes.accessFor(request).kind() == RouteAccess.Kind.SIGN_IN_PAGE,
                PathPatternRequestMatcher.pathPattern("/admin/assets/**"));
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage(AdminRefusal.PAGE);
        SimpleUrlAuthenticationFailureHandler wrongPassword = new SimpleUrlAuthenticationFailureHandler(
                SIGN_IN + "?error");
        return http
                .securityMatcher(pages)
                .authenticationManager(new ProviderManager(signIn))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(open).permitAll()
                        .anyRequest().hasAuthority(AdminSignIn.ADMIN_ROLE))
                .formLogin(form -> form
                        .loginPage(SIGN_IN)
                        .loginProcessingUrl(SIGN_IN)
                        .defaultSuccessUrl(HOME)
                        .failureHandler((request, response, failure) -> {
                            if (failure instanceof NotAnAdministrator) {
                                AdminRefusal.NOT_AN_ADMINISTRATOR.forward(request, response);
                            } else {
                                wrongPassword.onAuthenticationFailure(request, response, failure);
                            }
                        }))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.pathPattern(
                                HttpMethod.POST, SIGN_OUT))
                        .logoutSuccessUrl(SIGN_IN + "?logout")
                        .deleteCookies(SESSION_COOKIE))
                .addFilterBefore(new SignInThrottle(limiter, signInsPerAddress, signInsPerAccount),
                        UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new AdminSessions(queries), AuthorizationFilter.class)
                .exceptionHandling(failures -> failures
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN))
                        .accessDeniedHandler(refused))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        CONTENT_SECURITY_POLICY)))
                .build();
    }
}
