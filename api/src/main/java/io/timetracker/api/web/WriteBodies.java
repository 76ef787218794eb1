package io.timetracker.api.web;

import io.timetracker.api.auth.RouteAccess;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.io.IOException;
import java.util.Set;

/**
 * Every write reads its body, whether or not its handler has fields to read: an empty body is {@code {}}, one that
 * is no JSON object is a 400 (never silently ignored), and its optional {@code reason} (contract §1: every write
 * accepts one) is checked here, once, for every command the request sends. Runs after the access checks, so a
 * caller without the scope learns nothing about the body. The admin web's forms are no JSON and are not read here.
 */
@Component
public class WriteBodies implements HandlerInterceptor {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final JsonBodyResolver bodies;

    public WriteBodies(JsonBodyResolver bodies) {
        this.bodies = bodies;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (handler instanceof HandlerMethod method && !RouteAccess.of(method).isAdminPage()
                && request.getDispatcherType() == DispatcherType.REQUEST
                && WRITES.contains(request.getMethod())) {
            bodies.bodyOf(request).reason();
        }
        return true;
    }
}
