package io.timetracker.events.approval;

/**
 * An administrator amended the approved entry, giving {@code reason}: the approval stays on record for the version
 * it approved, and the entry needs approval again.
 */
public record ApprovalRevoked(long approvalId, long entryId, long revokedBy, String reason)
        implements EntryApprovalEvent {

    @Override
    public String entryStatusAfter() {
        return "none";
    }
}
