package io.timetracker.query.approval;

import java.time.Instant;
import java.util.List;

/**
 * One level of an approval request as the API shows it (contract §6), plus who may decide it
 * ({@code approverIds}), whose entry it is, why it was cancelled ({@code entry_changed} or {@code cancelled}) and
 * whether an administrator's amendment revoked it later.
 */
public record ApprovalView(long id, long timeEntryId, long entryOwnerId, String status, long requestedBy,
                           Instant requestedAt, String requestComment, int approvalLevel, Long parentApprovalId,
                           List<Long> approverIds, Long approvedBy, Instant approvedAt, String approvalComment,
                           Long rejectedBy, Instant rejectedAt, String rejectionReason, Long cancelledBy,
                           Instant cancelledAt, String cancellationReason, Long revokedBy, Instant revokedAt,
                           String revocationReason, long entryVersion) {

    /** Whether the user may read it: its requester, the entry's owner or an approver of its level. */
    public boolean concerns(long userId) {
        return requestedBy == userId || entryOwnerId == userId || approverIds.contains(userId);
    }
}
