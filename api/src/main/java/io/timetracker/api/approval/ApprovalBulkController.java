package io.timetracker.api.approval;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Rejections;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.timeentry.GrantApproval;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /time-entry-approvals/bulk-approve}: each request approved on its own (one command each, so one
 * refusal never undoes another approval); the answer reports every id's outcome.
 */
@RestController
public class ApprovalBulkController {

    private static final int MAX_IDS = 100;

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
        List<Long> ids = body.integerList("approval_ids");
        if (ids == null) {
            body.reject("approval_ids", "Is required");
        } else if (ids.isEmpty() || ids.size() > MAX_IDS) {
            body.reject("approval_ids", "Must list 1 to " + MAX_IDS + " ids");
        }
        String comment = body.text("comment", VisibleApprovals.MAX_COMMENT);
        body.throwIfInvalid();

        List<Map<String, Object>> results = new ArrayList<>();
        int approved = 0;
        for (long id : new LinkedHashSet<>(ids)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("approval_id", id);
            try {
                commands.send(new GrantApproval(approvals.entryOf(id), id, VisibleApprovals.actor(caller), comment,
                        null));
                result.put("success", true);
                result.put("approval", approvals.find(id, caller).value());
                approved++;
            } catch (RuntimeException refused) {
                result.put("success", false);
                result.put("error_code", Rejections.errorCodeOf(refused));
            }
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "Approved " + approved + " of " + results.size());
        answer.put("results", results);
        return answer;
    }
}
