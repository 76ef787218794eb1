package io.timetracker.events.approval;

/**
 * An approver approved the request's level; {@code entryApproved}: it was the last level, so the entry is now
 * approved and locked (otherwise the next level's request follows).
 */
public record ApprovalGranted(long approvalId, long entryId, int level, long approvedBy, String comment,
                              boolean entryApproved) implements EntryApprovalEvent {

    @Override
    public String entryStatusAfter() {
        return entryApproved ? "approved" : "pending";
    }
}
