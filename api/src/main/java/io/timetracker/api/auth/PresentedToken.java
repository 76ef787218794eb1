package io.timetracker.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;

import java.util.Locale;

/**
 * Finds the token a request presents (contract §1): {@code Authorization: Bearer|Token <token>} (scheme in any
 * case) or {@code X-API-Key}; never the query string. No token: null, and the request stays anonymous.
 */
final class PresentedToken implements AuthenticationConverter {

    private final WebAuthenticationDetailsSource details = new WebAuthenticationDetailsSource();

    @Override
    public ApiTokenAuthentication convert(HttpServletRequest request) {
        String token = token(request);
        if (token == null) {
            return null;
        }
        ApiTokenAuthentication presented = ApiTokenAuthentication.presented(token);
        presented.setDetails(details.buildDetails(request)); // the client address, for the token's allow-list
        return presented;
    }

    private static String token(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            String[] parts = authorization.strip().split("\\s+", 2);
            String scheme = parts[0].toLowerCase(Locale.ROOT);
            if (parts.length == 2 && (scheme.equals("bearer") || scheme.equals("token"))) {
                return parts[1].strip();
            }
        }
        String apiKey = request.getHeader("X-API-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
    }
}
