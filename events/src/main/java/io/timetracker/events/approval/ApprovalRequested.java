package io.timetracker.events.approval;

import java.util.List;

/**
 * Approval of version {@code entryVersion} of an entry (the version its ETag named when it was submitted) is asked
 * of the approvers of one level: level 1 when the requester submits it, each later level once the level before it
 * approved ({@code parentApprovalId} is then that level's request). Any one of {@code approverIds} may decide this
 * level; {@code laterLevels} are the approvers of the levels still to come, in order.
 */
public record ApprovalRequested(long approvalId, long entryId, long entryOwnerId, long requestedBy, String comment,
                                long entryVersion, int level, Long parentApprovalId, List<Long> approverIds,
                                List<List<Long>> laterLevels) implements EntryApprovalEvent {

    @Override
    public String entryStatusAfter() {
        return "pending";
    }
}
