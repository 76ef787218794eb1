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

/** Enforces {@link RequiresScope}; every {@code /api/v1} handler that is not public must declare one. */
@Component
public class ScopeInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Caller caller = RequestContext.caller(request);
        RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
        if (caller == null) {
            return true; // a public endpoint: the authentication filter let it through
        }
        if (required == null) {
            throw new IllegalStateException("Handler without @RequiresScope: " + method);
        }
        for (String scope : required.value()) {
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
        return true;
    }
}
