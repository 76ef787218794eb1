package io.timetracker.api.lead;

import io.timetracker.api.audit.AuditDocs;
import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.Json;
import io.timetracker.api.docs.QueryParam;
import io.timetracker.query.client.ClientView;
import io.timetracker.query.contact.ContactView;
import io.timetracker.query.deal.DealView;
import io.timetracker.query.lead.LeadView;
import org.springframework.stereotype.Component;

/** Contract §7 in the OpenAPI document: leads and their conversions. */
@Component
class LeadDocs implements ApiDocumentation {

    private static final String OWNED = "Its owner's and admins': anyone else is told it does not exist (404).";
    private static final String CONVERTED = "The lead is already converted (also when two conversions race)";

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Leads", "Prospects before they are clients or deals; each lead is its owner's (and the admins')");
        docs.operation(LeadController.class, "list").id("listLeads").summary("List leads")
                .description("Non-admins list their own leads only.")
                .param(QueryParam.oneOf("status", LeadController.STATUS_FILTER, null,
                        "Which leads (default: the open ones, neither converted nor lost)"))
                .param(QueryParam.text("source", "Only leads from this source (at most " + LeadController.MAX_SEARCH
                        + " characters)"))
                .param(QueryParam.id("owner", "Only this owner's leads (non-admins: only their own id)"))
                .param(QueryParam.text("search", "Matches names, company and email (at most "
                        + LeadController.MAX_SEARCH + " characters)"))
                .answers(Answer.list("leads", LeadView.class))
                .error(403, "A non-admin asking for another owner's leads");
        docs.operation(LeadController.class, "get").id("getLead").summary("One lead").description(OWNED)
                .answers(Answer.one("lead", LeadView.class));
        docs.operation(LeadController.class, "create").id("createLead").summary("Create a lead")
                .description("The owner is the caller unless owner_id names another (admins only).")
                .body(LeadFields.CREATE)
                .answers(Answer.created("lead", LeadView.class))
                .error(403, "A non-admin giving the lead to another owner");
        docs.operation(LeadController.class, "update").id("PUT", "updateLead").id("PATCH", "patchLead")
                .summary("Change a lead (only the fields sent)").description(OWNED)
                .body(LeadFields.UPDATE)
                .answers(Answer.updated("lead", LeadView.class))
                .error(403, "A non-admin giving the lead to another owner");
        docs.operation(LeadController.class, "delete").id("deleteLead").summary("Delete a lead").description(OWNED)
                .answers(Answer.message("Deleted"));
        AuditDocs.history(docs, LeadController.class, "Lead");
        docs.operation(LeadConversionController.class, "toClient").id("convertLeadToClient")
                .summary("Make the lead a client with its primary contact")
                .description("One command, whole or not at all: a client named after the lead's company (else "
                        + "the lead's full name) and its primary contact (the lead's name, email, phone, title); "
                        + "the lead becomes converted and links to the client.")
                .answers(Answer.of(201, "Converted", Json.object()
                        .with("message", Json.string())
                        .with("lead", Answer.view(LeadView.class))
                        .with("client", Answer.view(ClientView.class))
                        .with("contact", Answer.view(ContactView.class)),
                        LeadView.class, ClientView.class, ContactView.class).withLocation())
                .error(409, CONVERTED + "; a client of that name exists (the message names it)");
        docs.operation(LeadConversionController.class, "toDeal").id("convertLeadToDeal")
                .summary("Make the lead a deal")
                .description("The deal takes the lead's value, currency, owner and notes, and the client and "
                        + "contact it became; the body may name it and give its stage, probability and expected "
                        + "close date.")
                .body(LeadConversionController.TO_DEAL)
                .answers(Answer.of(201, "Converted", Json.object()
                        .with("message", Json.string())
                        .with("lead", Answer.view(LeadView.class))
                        .with("deal", Answer.view(DealView.class)),
                        LeadView.class, DealView.class).withLocation())
                .error(409, CONVERTED);
    }
}
