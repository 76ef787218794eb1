package io.timetracker.events.contact;

public record ContactCreated(long contactId, long clientId, ContactDetails details) {
}
