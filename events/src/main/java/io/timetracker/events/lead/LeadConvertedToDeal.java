package io.timetracker.events.lead;

/** The lead became deal {@code dealId}, recorded with this event in one transaction; its status is now converted. */
public record LeadConvertedToDeal(long leadId, long dealId, long convertedBy) {
}
