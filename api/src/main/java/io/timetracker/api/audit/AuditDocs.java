package io.timetracker.api.audit;

import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.Json;
import io.timetracker.api.docs.QueryParam;
import io.timetracker.query.audit.AuditRow;
import org.springframework.stereotype.Component;

/** Contract §9 in the OpenAPI document: the audit log, and the {@code /history} of each resource. */
@Component
public class AuditDocs implements ApiDocumentation {

    /**
     * Describes {@code controller}'s {@code history} handler, {@code GET /<resource>/{id}/history}, under the tag
     * the caller's description is in.
     *
     * @param thing the resource, capitalised as in its operation ids ({@code TimeEntry})
     */
    public static void history(ApiDocs docs, Class<?> controller, String thing) {
        docs.operation(controller, "history").id("get" + thing + "History")
                .summary("Every recorded change, oldest first")
                .description("The audit log's rows of this one resource (see listAuditLogs). Only who may see the "
                        + "resource sees its history; a deleted resource's history stays readable for "
                        + "administrators.")
                .answers(Answer.list("history", AuditRow.class));
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Audit log", "Every recorded change: who did what to which resource, when, how and why");
        docs.operation(AuditLogController.class, "list").id("listAuditLogs")
                .summary("Every recorded change, newest first; or, with after, the ones recorded since")
                .description("With after=<id> the answer is the rows recorded after that row, oldest first, and "
                        + "next_cursor is the id to ask with next: following it never returns a row twice nor "
                        + "skips one, also while writes land.")
                .param(QueryParam.oneOf("entity_type", AuditFilters.ENTITY_TYPES, null,
                        "Only changes of this kind of resource"))
                .param(QueryParam.id("entity_id", "Only changes of the resource with this id"))
                .param(QueryParam.id("user_id", "Only changes this user made"))
                .param(QueryParam.text("action", "Only this action (created, updated, deleted, approved, ...)"))
                .param(QueryParam.dateOrDateTime("start_date", "Changes at or after"))
                .param(QueryParam.dateOrDateTime("end_date", "Changes up to; a date includes the whole day"))
                .param(QueryParam.id("after", "The id of a row read before: the rows recorded after it"))
                .answers(Answer.of(200, "One page of rows", Json.object()
                        .with("audit_logs", Json.array(Answer.view(AuditRow.class)))
                        .with("pagination", Json.ref("Pagination"))
                        .optional("next_cursor", Json.integer()
                                .description("With after: the id to follow with next time")), AuditRow.class))
                .error(400, "after names no row (errors names it)");
    }
}
