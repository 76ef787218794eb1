package io.timetracker.events.client;

/** The client became inactive; its history and projects are kept. */
public record ClientArchived(long clientId) {
}
