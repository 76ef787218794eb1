package io.timetracker.events.client;

/** The client's details now read {@code details} (the whole new state). */
public record ClientUpdated(long clientId, ClientDetails details) {
}
