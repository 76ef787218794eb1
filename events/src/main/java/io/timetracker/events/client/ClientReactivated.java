package io.timetracker.events.client;

public record ClientReactivated(long clientId) {
}
