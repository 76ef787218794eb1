package io.timetracker.api.approval;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.timeentry.CancelApproval;
import io.timetracker.command.timeentry.GrantApproval;
import io.timetracker.command.timeentry.RejectApproval;
import io.timetracker.query.approval.ApprovalQueries.ListApprovals;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * Contract §6, approval requests. Each request is decided by its entry's aggregate (found through the command
 * side's directory), which also decides who may act: approve and reject only an approver of the request's level,
 * never its requester or the entry's owner; cancel its requester or an admin. State-changing POSTs accept
 * {@code If-Match} (the request's ETag).
 */
@RestController
@RequestMapping("/api/v1/time-entry-approvals")
public class ApprovalController {

    static final List<String> STATUSES = List.of("pending", "approved", "rejected", "cancelled", "all");
    static final BodyShape APPROVE = BodyShape.of("ApprovalDecision", VisibleApprovals.COMMENT);
    /** TimeTracker's clients send the rejection's reason as {@code rejection_reason}. */
    static final BodyField<String> REJECTION_REASON = BodyField.text("rejection_reason", JsonBody.REASON.maxLength())
            .describedAs("Alias of reason");
    static final BodyShape REJECT = BodyShape.of("ApprovalRejection",
            JsonBody.REASON.describedAs("Why the entry is rejected: required (or sent as rejection_reason)"),
            REJECTION_REASON);

    private final CommandDispatcher commands;
    private final Queries queries;
    private final VisibleApprovals approvals;

    public ApprovalController(CommandDispatcher commands, Queries queries, VisibleApprovals approvals) {
        this.commands = commands;
        this.queries = queries;
        this.approvals = approvals;
    }

    /** What concerns the caller (admins: everything), {@code status} pending unless asked, newest first. */
    @GetMapping
    @RequiresScope("read:time_approvals")
    public Map<String, Object> list(HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        String status = QueryParams.oneOf(request, "status", STATUSES, "pending");
        ListApprovals query = new ListApprovals(caller.isAdmin() ? null : caller.userId(),
                status.equals("all") ? null : status, QueryParams.id(request, "time_entry_id"),
                QueryParams.id(request, "requested_by"), QueryParams.page(request));
        return Envelopes.list("approvals", queries.page(query), query.page());
    }

    @GetMapping("/{id}")
    @RequiresScope("read:time_approvals")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id, HttpServletRequest request) {
        return Envelopes.one("approval", approvals.find(id, RequestContext.caller(request)));
    }

    @PostMapping("/{id}/approve")
    @RequiresScope("write:time_approvals")
    public ResponseEntity<Map<String, Object>> approve(@PathVariable long id, JsonBody body,
                                                       HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        String comment = body.read(VisibleApprovals.COMMENT);
        body.throwIfInvalid();
        commands.send(new GrantApproval(approvals.entryOf(id), id, VisibleApprovals.actor(caller), comment,
                Preconditions.ifMatch(request)));
        return approvals.answer("Time entry approved", id, caller);
    }

    /** The reason is required; TimeTracker's clients send it as {@code rejection_reason}. */
    @PostMapping("/{id}/reject")
    @RequiresScope("write:time_approvals")
    public ResponseEntity<Map<String, Object>> reject(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        String reason = body.reason();
        String alias = body.read(REJECTION_REASON);
        if (reason == null && (alias == null || alias.isEmpty())) {
            body.reject("reason", "Is required");
        }
        body.throwIfInvalid();
        commands.send(new RejectApproval(approvals.entryOf(id), id, VisibleApprovals.actor(caller),
                reason != null ? reason : alias, Preconditions.ifMatch(request)));
        return approvals.answer("Time entry rejected", id, caller);
    }

    @PostMapping("/{id}/cancel")
    @RequiresScope("write:time_approvals")
    public ResponseEntity<Map<String, Object>> cancel(@PathVariable long id, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        commands.send(new CancelApproval(approvals.entryOf(id), id, VisibleApprovals.actor(caller),
                Preconditions.ifMatch(request)));
        return approvals.answer("Approval request cancelled", id, caller);
    }
}
