package io.timetracker.events.lead;

public record LeadDeleted(long leadId) {
}
