package io.timetracker.api.approval;

import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.Json;
import io.timetracker.api.docs.QueryParam;
import io.timetracker.query.approval.ApprovalView;
import org.springframework.stereotype.Component;

/** Contract §6 in the OpenAPI document: approval requests of time entries. */
@Component
class ApprovalDocs implements ApiDocumentation {

    private static final String NOT_PENDING = "The request is no longer pending (decided, cancelled, or the entry "
            + "changed)";
    private static final String NOT_AN_APPROVER = "The caller is no approver of the current level, or is the "
            + "requester or the entry's owner";

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Approvals", "Submitting time entries for approval and deciding on them, level by level");
        docs.operation(EntryApprovalsController.class, "request").id("requestTimeEntryApproval")
                .summary("Submit a time entry for approval")
                .description("The entry's owner (or an admin) submits the entry as it stands; If-Match takes the "
                        + "entry's ETag. approver_ids name one level each, in order: level 1 decides before "
                        + "level 2. Without them the project's manager approves, else any admin. Editing the "
                        + "entry while the request is pending cancels the request.")
                .body(EntryApprovalsController.SHAPE)
                .answers(Answer.created("approval", ApprovalView.class))
                .error(400, "A running timer cannot be submitted (invalid_state); an approver who is no active "
                        + "admin or manager, named twice, or the requester")
                .error(409, "A request is already pending, or the entry is already approved");
        docs.operation(EntryApprovalsController.class, "list").id("listTimeEntryApprovals")
                .summary("Every approval request of one entry, oldest first")
                .description("For the entry's owner and admins (admins also after the entry was deleted): each "
                        + "level of each chain with its comments.")
                .answers(Answer.list("approvals", ApprovalView.class));
        docs.operation(ApprovalController.class, "list").id("listApprovals")
                .summary("Approval requests that concern the caller, newest first")
                .description("Admins see every request; others those they requested, on their own entries, or "
                        + "that they approve.")
                .param(QueryParam.oneOf("status", ApprovalController.STATUSES, "pending", "Which requests"))
                .param(QueryParam.id("time_entry_id", "Only this entry's requests"))
                .param(QueryParam.id("requested_by", "Only requests of this user"))
                .answers(Answer.list("approvals", ApprovalView.class));
        docs.operation(ApprovalController.class, "get").id("getApproval").summary("One approval request")
                .description("For its requester, the entry's owner, its approvers and admins; 404 for anyone else.")
                .answers(Answer.one("approval", ApprovalView.class));
        docs.operation(ApprovalController.class, "approve").id("approveApproval")
                .summary("Approve at the current level")
                .description("An approver of the current level; the last level's approval approves and locks "
                        + "the entry.")
                .body(ApprovalController.APPROVE)
                .answers(Answer.updated("approval", ApprovalView.class))
                .error(403, NOT_AN_APPROVER)
                .error(409, NOT_PENDING);
        docs.operation(ApprovalController.class, "reject").id("rejectApproval")
                .summary("Reject, with a reason")
                .body(ApprovalController.REJECT)
                .answers(Answer.updated("approval", ApprovalView.class))
                .error(400, "No reason (errors names reason)")
                .error(403, NOT_AN_APPROVER)
                .error(409, NOT_PENDING);
        docs.operation(ApprovalController.class, "cancel").id("cancelApproval")
                .summary("Withdraw a pending request")
                .description("Its requester or an admin.")
                .answers(Answer.updated("approval", ApprovalView.class))
                .error(403, "Only the requester (or an admin) may cancel")
                .error(409, NOT_PENDING);
        docs.operation(ApprovalBulkController.class, "bulkApprove").id("bulkApproveApprovals")
                .summary("Approve many requests, each on its own")
                .description("Each request is approved alone: one refusal never undoes another's approval.")
                .body(ApprovalBulkController.SHAPE)
                .answers(Answer.of(200, "Every id's outcome", Json.object()
                        .with("success", Json.bool())
                        .with("message", Json.string().description("Approved X of N"))
                        .with("results", Json.array(Json.object()
                                .with("approval_id", Json.integer())
                                .with("success", Json.bool())
                                .optional("approval", Answer.view(ApprovalView.class))
                                .optional("error_code", Json.string()
                                        .description("Why this request was refused")))), ApprovalView.class));
    }
}
