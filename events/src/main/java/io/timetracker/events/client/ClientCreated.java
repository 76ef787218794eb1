package io.timetracker.events.client;

public record ClientCreated(long clientId, ClientDetails details) {
}
