package io.timetracker.events.lead;

/** The lead's details now read {@code details} (the whole new state). */
public record LeadUpdated(long leadId, LeadDetails details) {
}
