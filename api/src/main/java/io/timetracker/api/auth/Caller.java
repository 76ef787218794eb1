package io.timetracker.api.auth;

import io.timetracker.command.common.Actor;

import java.util.List;

/** The authenticated user behind a request, and the token they came with. */
public record Caller(long userId, String username, String role, long tokenId, String tokenPrefix,
                     List<String> scopes) {

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
