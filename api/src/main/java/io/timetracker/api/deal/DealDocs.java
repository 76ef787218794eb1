package io.timetracker.api.deal;

import io.timetracker.api.audit.AuditDocs;
import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.QueryParam;
import io.timetracker.command.deal.DealStages;
import io.timetracker.query.deal.DealView;
import org.springframework.stereotype.Component;

/** Contract §7 in the OpenAPI document: deals. */
@Component
class DealDocs implements ApiDocumentation {

    private static final String OWNED = "Its owner's and admins': anyone else is told it does not exist (404).";

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Deals", "The sales pipeline; each deal is its owner's (and the admins')");
        docs.operation(DealController.class, "list").id("listDeals").summary("List deals")
                .description("Non-admins list their own deals only.")
                .param(QueryParam.oneOf("status", DealController.STATUS_FILTER, DealStages.OPEN, "Which deals"))
                .param(QueryParam.oneOf("stage", DealStages.STAGES, null, "Only deals at this stage"))
                .param(QueryParam.id("owner", "Only this owner's deals (non-admins: only their own id)"))
                .answers(Answer.list("deals", DealView.class))
                .error(403, "A non-admin asking for another owner's deals");
        docs.operation(DealController.class, "get").id("getDeal").summary("One deal").description(OWNED)
                .answers(Answer.one("deal", DealView.class));
        docs.operation(DealController.class, "create").id("createDeal").summary("Create a deal")
                .description("The owner is the caller unless owner_id names another (admins only). A closing "
                        + "stage (closed_won, closed_lost) sets the status (won, lost) and closed_at.")
                .body(DealFields.CREATE)
                .answers(Answer.created("deal", DealView.class))
                .error(403, "A non-admin giving the deal to another owner");
        docs.operation(DealController.class, "update").id("PUT", "updateDeal").id("PATCH", "patchDeal")
                .summary("Change a deal (only the fields sent)").description(OWNED)
                .body(DealFields.UPDATE)
                .answers(Answer.updated("deal", DealView.class))
                .error(403, "A non-admin giving the deal to another owner");
        docs.operation(DealController.class, "delete").id("deleteDeal").summary("Delete a deal").description(OWNED)
                .answers(Answer.message("Deleted"));
        AuditDocs.history(docs, DealController.class, "Deal");
    }
}
