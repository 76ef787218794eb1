package io.timetracker.query.approval;

import io.timetracker.query.common.PageRequest;

/** The queries the time-entry-approvals projection answers. */
public final class ApprovalQueries {

    private ApprovalQueries() {
    }

    /** Answers {@code Versioned<ApprovalView>}, or null. */
    public record FindApproval(long approvalId) {
    }

    /**
     * Answers {@code PageResult<ApprovalView>}, newest first (requested_at desc, id desc). {@code concerning}: only
     * requests that concern this user (see {@link ApprovalView#concerns}); null: all. Every other filter may be null.
     */
    public record ListApprovals(Long concerning, String status, Long timeEntryId, Long requestedBy,
                                PageRequest page) {
    }

    /** Answers {@code PageResult<ApprovalView>}: every request of the entry, each level of each chain, oldest first. */
    public record ListEntryApprovals(long entryId, PageRequest page) {
    }
}
