package io.timetracker.events.contact;

/** The contact's details now read {@code details} (the whole new state). */
public record ContactUpdated(long contactId, long clientId, ContactDetails details) {
}
