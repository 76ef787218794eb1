package io.timetracker.events.lead;

public record LeadCreated(long leadId, LeadDetails details, long createdBy) {
}
