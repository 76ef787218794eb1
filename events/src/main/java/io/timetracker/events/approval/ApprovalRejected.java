package io.timetracker.events.approval;

/** An approver rejected the request, saying why; the entry stays unlocked and may be submitted again. */
public record ApprovalRejected(long approvalId, long entryId, long rejectedBy, String reason)
        implements EntryApprovalEvent {

    @Override
    public String entryStatusAfter() {
        return "rejected";
    }
}
