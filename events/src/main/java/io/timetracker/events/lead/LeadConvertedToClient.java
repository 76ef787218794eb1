package io.timetracker.events.lead;

/**
 * The lead became client {@code clientId} with its primary contact {@code contactId}, both recorded with this event
 * in one transaction; the lead's status is now converted.
 */
public record LeadConvertedToClient(long leadId, long clientId, long contactId, long convertedBy) {
}
