package io.timetracker.api.approval;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.EachItem;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.timeentry.GrantApproval;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /time-entry-approvals/bulk-approve}: each request approved on its own ({@link EachItem}); the answer
 * reports every id's outcome.
 */
@RestController
public class ApprovalBulkController {

    private static final int MAX_IDS = 100;
    static final BodyField<List<Long>> APPROVAL_IDS = BodyField.ids("approval_ids", MAX_IDS);
    static final BodyShape SHAPE = BodyShape.of("ApprovalBulkApprove", APPROVAL_IDS, VisibleApprovals.COMMENT);

    private final CommandDispatcher commands;
    private final VisibleApprovals approvals;

    public ApprovalBulkController(CommandDispatcher commands, VisibleApprovals approvals) {
        this.commands = commands;
        this.approvals = approvals;
    }

    @PostMapping("/api/v1/time-entry-approvals/bulk-approve")
    @RequiresScope("write:time_approvals")
    public Map<String, Object> bulkApprove(JsonBody body, HttpServletRequest request) {
        Caller caller = RequestContext.caller(request);
        List<Long> ids = body.read(APPROVAL_IDS);
        String comment = body.read(VisibleApprovals.COMMENT);
        body.throwIfInvalid();

        EachItem.Outcome outcome = EachItem.of(ids, "approval_id", id -> {
            commands.send(new GrantApproval(approvals.entryOf(id), id, VisibleApprovals.actor(caller), comment, null));
            return Map.of("approval", approvals.find(id, caller).value());
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "Approved " + outcome.succeeded() + " of " + outcome.results().size());
        answer.put("results", outcome.results());
        return answer;
    }
}
