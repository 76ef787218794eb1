package io.timetracker.events.contact;

/** The contact is no longer its client's primary contact, because {@code replacedBy} became it. */
public record ContactPrimaryCleared(long contactId, long clientId, long replacedBy) {
}
