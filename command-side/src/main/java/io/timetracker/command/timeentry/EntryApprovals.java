package io.timetracker.command.timeentry;

import io.timetracker.command.common.Actor;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.events.approval.ApprovalCancelled;
import io.timetracker.events.approval.ApprovalGranted;
import io.timetracker.events.approval.ApprovalRejected;
import io.timetracker.events.approval.ApprovalRequested;
import io.timetracker.events.approval.ApprovalRevoked;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The approval requests of one time entry, as the entry's events left them, and who may act on them. Part of the
 * entry's aggregate, so an edit, an approval and a cancellation of one entry are decided one after the other
 * against the same state: a request can only be approved while the version it was submitted with is the entry's.
 */
final class EntryApprovals {

    /** One level of a request's chain; {@code laterLevels} are the approvers of the levels after it. */
    record Request(long id, long requestedBy, String comment, long entryVersion, int level, List<Long> approverIds,
                   List<List<Long>> laterLevels) {
    }

    private final Map<Long, Request> requests = new HashMap<>();
    private Request pending;
    private Long approved;

    boolean isApproved() {
        return approved != null;
    }

    /** The request whose approval of the current version stands, or null. */
    Long approvedId() {
        return approved;
    }

    /** The request waiting for a decision, or null. */
    Long pendingId() {
        return pending == null ? null : pending.id();
    }

    void requireNoOpenRequest() {
        if (pending != null) {
            throw CommandRejectedException.conflict("An approval request for this entry is already pending");
        }
        if (approved != null) {
            throw CommandRejectedException.conflict("The entry is already approved");
        }
    }

    /**
     * The pending request {@code approvalId} of this entry. Those who may not see it (anyone but an admin, its
     * requester, the entry's owner and the approvers of its level) learn nothing about it.
     */
    Request pending(long approvalId, Actor actor, long ownerId) {
        Request request = requests.get(approvalId);
        if (request == null || !actor.admin() && actor.userId() != request.requestedBy() && actor.userId() != ownerId
                && !request.approverIds().contains(actor.userId())) {
            throw new CommandRejectedException(Rejection.NOT_FOUND, "Approval request not found");
        }
        if (pending == null || pending.id() != approvalId) {
            throw CommandRejectedException.conflict("The approval request is no longer pending");
        }
        return request;
    }

    /** Only an approver of the request's level decides it, and never the requester or the entry's owner. */
    static void requireApprover(Request request, Actor actor, long ownerId, Approvers approvers) {
        long caller = actor.userId();
        if (caller == request.requestedBy() || caller == ownerId) {
            throw new CommandRejectedException(Rejection.FORBIDDEN,
                    "No one may decide on their own time entry or request");
        }
        if (!request.approverIds().contains(caller)) {
            boolean later = request.laterLevels().stream().anyMatch(level -> level.contains(caller));
            throw new CommandRejectedException(Rejection.FORBIDDEN, later
                    ? "Level " + request.level() + " of the chain decides first"
                    : "You are no approver of this request");
        }
        if (!approvers.mayApprove(caller)) {
            throw new CommandRejectedException(Rejection.FORBIDDEN, "Only active admins and managers approve time");
        }
    }

    static void requireMayCancel(Request request, Actor actor) {
        if (!actor.admin() && actor.userId() != request.requestedBy()) {
            throw new CommandRejectedException(Rejection.FORBIDDEN, "Only the requester may cancel the request");
        }
    }

    void on(ApprovalRequested event) {
        pending = new Request(event.approvalId(), event.requestedBy(), event.comment(), event.entryVersion(),
                event.level(), event.approverIds(), event.laterLevels());
        requests.put(event.approvalId(), pending);
    }

    void on(ApprovalGranted event) {
        pending = null;
        if (event.entryApproved()) {
            approved = event.approvalId();
        }
    }

    void on(ApprovalRejected event) {
        pending = null;
    }

    void on(ApprovalCancelled event) {
        pending = null;
    }

    void on(ApprovalRevoked event) {
        approved = null;
    }
}
