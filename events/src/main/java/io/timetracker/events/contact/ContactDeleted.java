package io.timetracker.events.contact;

/** The contact was soft-deleted: it is inactive (and no longer primary) but its history is kept. */
public record ContactDeleted(long contactId, long clientId) {
}
