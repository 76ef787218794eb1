package io.timetracker.api.auth;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/** The endpoints that need no token (contract §1). */
final class PublicEndpoints {

    private static final Set<String> OPEN_V1 = Set.of("/api/v1/info", "/api/v1/health", "/api/v1/auth/login");

    private PublicEndpoints() {
    }

    static boolean isPublic(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/api/v1/") || OPEN_V1.contains(path);
    }
}
