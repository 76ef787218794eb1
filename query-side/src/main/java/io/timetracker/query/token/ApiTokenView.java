package io.timetracker.query.token;

import java.time.Instant;
import java.util.List;

/** A token as the API shows it: never its digest, never the plain token. */
public record ApiTokenView(long id, String name, String description, long userId, String tokenPrefix,
                           List<String> scopes, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
                           long usageCount, boolean isActive, List<String> ipWhitelist) {
}
