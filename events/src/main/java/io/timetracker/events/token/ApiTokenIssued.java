package io.timetracker.events.token;

import java.time.Instant;
import java.util.List;

/**
 * An API token was issued. Only the SHA-256 digest of the token and its first eight characters are
 * recorded; the plain token exists only in the response that created it.
 */
public record ApiTokenIssued(long tokenId, long userId, String name, String description,
                             String tokenDigest, String tokenPrefix, List<String> scopes,
                             Instant expiresAt, List<String> ipWhitelist, Long rotatedFromTokenId) {
}
