package io.timetracker.events.token;

/** The token stops working; {@code replacedByTokenId} is set when it was rotated. */
public record ApiTokenRevoked(long tokenId, Long replacedByTokenId) {
}
