package io.timetracker.query.token;

import io.timetracker.query.common.PageRequest;

import java.time.Instant;
import java.util.List;

/** The queries the API-token projection answers. */
public final class ApiTokenQueries {

    private ApiTokenQueries() {
    }

    /** Answers {@code Versioned<ApiTokenView>}, or null. */
    public record FindApiToken(long tokenId) {
    }

    /** Answers {@code PageResult<ApiTokenView>}, newest first: all of them, or {@code userId}'s (when not null). */
    public record ListApiTokens(Long userId, PageRequest page) {
    }

    /** Answers {@link TokenCredential}, or null when no token has this SHA-256 digest. */
    public record FindTokenByDigest(String digest) {
    }

    /** What authenticating a request needs to know about a token and its user. */
    public record TokenCredential(long tokenId, String tokenPrefix, boolean active, Instant expiresAt,
                                  List<String> ipWhitelist, List<String> scopes, long userId, String username,
                                  String role, boolean userActive) {
    }
}
