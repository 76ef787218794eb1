package io.timetracker.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The requests that need no token: those the router dispatches to a {@link PublicEndpoint} handler (or to the
 * OpenAPI document), plus what no handler method serves, Swagger UI's static files and the health probes. Asked
 * of the request as the router reads it, so no spelling of a path can make a private route look public.
 */
@Component
public class PublicRoutes implements RequestMatcher {

    private final RouteTable routes;
    private final RequestMatcher withoutHandlerMethod = new OrRequestMatcher(
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/swagger-ui/**"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/actuator/health"),
            PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/actuator/health/**"));

    public PublicRoutes(RouteTable routes) {
        this.routes = routes;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return routes.accessFor(request).isPublic() || withoutHandlerMethod.matches(request);
    }
}
