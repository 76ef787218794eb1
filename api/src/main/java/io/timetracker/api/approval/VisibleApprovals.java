package io.timetracker.api.approval;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.Queries;
import io.timetracker.command.common.Actor;
import io.timetracker.command.timeentry.ApprovalDirectory;
import io.timetracker.query.approval.ApprovalQueries.FindApproval;
import io.timetracker.query.approval.ApprovalView;
import io.timetracker.query.common.Versioned;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Approval requests the way the caller may see them: admins see all, others those they requested, on their own
 * entries, or that they are an approver of; any other is 404, never its data.
 */
@Component
class VisibleApprovals {

    /** Request and approval comments are texts of at most this length, like a reason. */
    static final int MAX_COMMENT = 1000;
    static final BodyField<String> COMMENT = BodyField.text("comment", MAX_COMMENT);

    private final Queries queries;
    private final ApprovalDirectory directory;

    VisibleApprovals(Queries queries, ApprovalDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    Versioned<ApprovalView> find(long approvalId, Caller caller) {
        Versioned<ApprovalView> approval = queries.one(new FindApproval(approvalId), "Approval request");
        if (!caller.isAdmin() && !approval.value().concerns(caller.userId())) {
            throw ApiException.notFound("Approval request not found");
        }
        return approval;
    }

    /** The entry whose aggregate decides the request (the command side's directory), or 404. */
    long entryOf(long approvalId) {
        Long entryId = directory.entryOf(approvalId);
        if (entryId == null) {
            throw ApiException.notFound("Approval request not found");
        }
        return entryId;
    }

    /** {@code {"message", "approval"}} with the request's ETag. */
    ResponseEntity<Map<String, Object>> answer(String message, long approvalId, Caller caller) {
        Versioned<ApprovalView> approval = find(approvalId, caller);
        return ResponseEntity.ok().eTag(Envelopes.etag(approval.version()))
                .body(Envelopes.message(message, "approval", approval.value()));
    }

    static Actor actor(Caller caller) {
        return new Actor(caller.userId(), caller.isAdmin());
    }
}
