package io.timetracker.api.auth;

import io.timetracker.command.common.Actor;

import java.util.List;

/**
 * The authenticated user behind a request, and the token they came with; or, for the admin web, the administrator
 * signed in to a web session ({@code webSession}: no token, no scopes, so no API handler admits it).
 */
public record Caller(long userId, String username, String role, long tokenId, String tokenPrefix,
                     List<String> scopes, boolean webSession) {

    public Caller(long userId, String username, String role, long tokenId, String tokenPrefix, List<String> scopes) {
        this(userId, username, role, tokenId, tokenPrefix, scopes, false);
    }

    /** An administrator acting through the admin web's session. */
    public static Caller webSession(long userId, String username, String role) {
        return new Caller(userId, username, role, 0, null, List.of(), true);
    }

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    /** The caller as the domain rules see it. */
    public Actor actor() {
        return new Actor(userId, isAdmin());
    }

    /** Contract §1: empty denies; admin:all and * allow all; exact match; read:* / write:* cover their action. */
    public boolean hasScope(String required) {
        if (scopes.contains("admin:all") || scopes.contains("*") || scopes.contains(required)) {
            return true;
        }
        int colon = required.indexOf(':');
        String action = required.substring(0, colon);
        return ("read".equals(action) || "write".equals(action)) && scopes.contains(action + ":*");
    }
}
