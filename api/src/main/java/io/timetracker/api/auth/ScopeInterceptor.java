package io.timetracker.api.auth;

import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last check before a handler runs, on the handler itself: a {@link PublicEndpoint} answers anyone; a
 * {@link RequiresScope} handler needs an authenticated caller whose token has every scope it names (and the
 * admin role for {@code admin:all}); an {@link AdminPage} needs an administrator's web session (its sign-in pages
 * answer anyone); a handler that declares nothing is refused.
 */
@Component
public class ScopeInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true; // static resources (Swagger UI), which the security chain has admitted
        }
        RouteAccess access = RouteAccess.of(method);
        switch (access.kind()) {
            case PUBLIC, SIGN_IN_PAGE -> {
                return true;
            }
            case ADMIN_PAGE -> requireWebSession(RequestContext.caller(request));
            case UNDECLARED -> throw ApiException.forbidden("This endpoint declares no access rule");
            case SCOPED -> requireScopes(RequestContext.caller(request), access);
        }
        return true;
    }

    private static void requireWebSession(Caller caller) {
        if (caller == null || !caller.webSession() || !caller.isAdmin()) {
            throw ApiException.forbidden("This page is for administrators signed in to the admin web");
        }
    }

    private static void requireScopes(Caller caller, RouteAccess access) {
        if (caller == null) {
            throw ApiException.unauthorized("Missing API token: send Authorization: Bearer <token> or X-API-Key");
        }
        for (String scope : access.scopes()) {
            if (!caller.hasScope(scope)) {
                Map<String, Object> extras = new LinkedHashMap<>();
                extras.put("required_scope", scope);
                extras.put("available_scopes", caller.scopes());
                throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Insufficient permissions",
                        "This endpoint needs the scope " + scope, null, extras);
            }
            if (scope.equals("admin:all") && !caller.isAdmin()) {
                throw ApiException.forbidden("This endpoint is for administrators");
            }
        }
    }
}
