package io.timetracker.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The requests of the admin web, which {@link AdminSecurityConfig}'s chain serves: those the router dispatches to an
 * {@link AdminPage} handler, and everything else under {@code /admin} as the router reads the path (its stylesheet
 * and script, and paths no page answers). Nothing else reaches that chain, and no admin page is reached through the
 * API's.
 */
@Component
public class AdminPages implements RequestMatcher {

    private final RouteTable routes;
    private final RequestMatcher underAdmin = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/admin"),
            PathPatternRequestMatcher.pathPattern("/admin/**"));

    public AdminPages(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return routes.accessFor(request).isAdminPage() || underAdmin.matches(request);
    }
}
