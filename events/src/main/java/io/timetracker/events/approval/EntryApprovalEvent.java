package io.timetracker.events.approval;

/** An event of an entry's approval, and the approval status the entry has after it. */
public sealed interface EntryApprovalEvent
        permits ApprovalRequested, ApprovalGranted, ApprovalRejected, ApprovalCancelled, ApprovalRevoked {

    long entryId();

    /** {@code none}, {@code pending}, {@code approved} or {@code rejected}. */
    String entryStatusAfter();
}
