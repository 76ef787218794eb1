package io.timetracker.query.lead;

import io.timetracker.query.common.PageRequest;

public final class LeadQueries {

    private LeadQueries() {
    }

    /** Answers {@code Versioned<LeadView>}, or null (also for a deleted lead). */
    public record FindLead(long leadId) {
    }

    /**
     * Answers {@code PageResult<LeadView>}, newest first (then id, descending). {@code status}: one status,
     * {@link #ALL}, or null for the open leads (neither converted nor lost); {@code search} matches names, company
     * and email (case-insensitive); the other filters null: any.
     */
    public record ListLeads(String status, String source, Long ownerId, String search, PageRequest page) {

        public static final String ALL = "all";
    }
}
