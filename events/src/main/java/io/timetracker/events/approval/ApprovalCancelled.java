package io.timetracker.events.approval;

/**
 * The pending request ended undecided. {@code cause}: {@value #BY_REQUEST} (its requester, or an administrator,
 * withdrew it) or {@value #ENTRY_CHANGED} (the entry changed, so the submitted version is gone).
 */
public record ApprovalCancelled(long approvalId, long entryId, long cancelledBy, String cause)
        implements EntryApprovalEvent {

    public static final String BY_REQUEST = "cancelled";
    public static final String ENTRY_CHANGED = "entry_changed";

    @Override
    public String entryStatusAfter() {
        return "none";
    }
}
