package io.timetracker.command.lead;

import io.timetracker.events.lead.LeadDetails;

/** What a conversion makes from a lead: its details, and the client and contact it became (null: none yet). */
record LeadToConvert(long leadId, LeadDetails details, Long clientId, Long contactId) {

    String fullName() {
        return details.firstName() + " " + details.lastName();
    }

    /** A client or deal is named after the lead's company, else after the lead. */
    String name() {
        return details.companyName() != null && !details.companyName().isBlank() ? details.companyName() : fullName();
    }
}
