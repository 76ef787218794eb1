package io.timetracker.query.common;

/**
 * A single resource together with its aggregate version, which the API sends as the {@code ETag}.
 * Query handlers declare the raw type: Axon matches a handler's return type against the expected response
 * type as a class, and a parameterized return type never matches.
 */
public record Versioned<T>(T value, long version) {
}
