package io.timetracker.api.approval;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Preconditions;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.timeentry.RequestApproval;
import io.timetracker.events.AggregateIds;
import io.timetracker.query.approval.ApprovalQueries.ListEntryApprovals;
import io.timetracker.query.approval.ApprovalView;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.timeentry.TimeEntryQueries.FindTimeEntry;
import io.timetracker.query.timeentry.TimeEntryView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Contract §6 on one entry: submitting it for approval, and every request it has had. */
@RestController
public class EntryApprovalsController {

    private static final int MAX_APPROVERS = 10;
    static final BodyField<List<Long>> APPROVER_IDS = BodyField.integerList("approver_ids", MAX_APPROVERS)
            .describedAs("The approvers, one level each, in order (default: the project's manager, else every "
                    + "admin)");
    static final BodyShape SHAPE = BodyShape.of("ApprovalRequest", VisibleApprovals.COMMENT, APPROVER_IDS);

    private final CommandDispatcher commands;
    private final Queries queries;
    private final VisibleApprovals approvals;
    private final IdAllocator ids;

    public EntryApprovalsController(CommandDispatcher commands, Queries queries, VisibleApprovals approvals,
                                    IdAllocator ids) {
        this.commands = commands;
        this.queries = queries;
        this.approvals = approvals;
        this.ids = ids;
    }

    /**
     * The owner (or an admin) submits the entry as it stands ({@code If-Match}: the entry's ETag they saw);
     * {@code approver_ids} name one level each, in order.
     */
    @PostMapping("/api/v1/time-entries/{id}/request-approval")
    @RequiresScope("write:time_approvals")
    public ResponseEntity<Map<String, Object>> request(@PathVariable long id, JsonBody body,
                                                       HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        String comment = body.read(VisibleApprovals.COMMENT);
        List<Long> approverIds = body.read(APPROVER_IDS);
        body.throwIfInvalid();
        long approvalId = ids.next(AggregateIds.TIME_ENTRY_APPROVAL);
        commands.send(new RequestApproval(id, approvalId, VisibleApprovals.actor(caller), comment, approverIds,
                Preconditions.ifMatch(request)));
        Versioned<ApprovalView> approval = approvals.find(approvalId, caller);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/time-entry-approvals/" + approvalId))
                .eTag(Envelopes.etag(approval.version()))
                .body(Envelopes.message("Approval requested", "approval", approval.value()));
    }

    /**
     * Every request of the entry, each level of each chain with its comments, oldest first: for the entry's owner
     * and admins (admins also after the entry was deleted).
     */
    @GetMapping("/api/v1/time-entries/{id}/approvals")
    @RequiresScope("read:time_approvals")
    @SuppressWarnings("unchecked")
    public Map<String, Object> list(@PathVariable long id, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        PageRequest page = QueryParams.page(request);
        Versioned<TimeEntryView> entry = queries.get(new FindTimeEntry(id), Versioned.class);
        PageResult<ApprovalView> requests = queries.page(new ListEntryApprovals(id, page));
        boolean visible = entry != null ? caller.isAdmin() || entry.value().userId() == caller.userId()
                : caller.isAdmin() && requests.total() > 0;
        if (!visible) {
            throw ApiException.notFound("Time entry not found");
        }
        return Envelopes.list("approvals", requests, page);
    }
}
