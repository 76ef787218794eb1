package io.timetracker.api.lead;

import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.lead.LeadStatuses;
import io.timetracker.events.lead.LeadDetails;
import io.timetracker.query.lead.LeadView;

/**
 * Reads a lead's fields from a request body: every field for a create ({@code current} null), only the present
 * ones over {@code current} for an update. A create's owner defaults to the caller.
 */
final class LeadFields {

    private static final int MAX_NAME_PART = 100;
    private static final int MAX_TAGS_LENGTH = 500;

    private LeadFields() {
    }

    static LeadDetails read(JsonBody body, LeadView current, long callerId) {
        Patch<LeadView> patch = new Patch<>(body, current);
        Long owner = patch.integer("owner_id", LeadView::ownerId);
        return new LeadDetails(
                patch.reads("first_name") ? body.requiredText("first_name", MAX_NAME_PART) : current.firstName(),
                patch.reads("last_name") ? body.requiredText("last_name", MAX_NAME_PART) : current.lastName(),
                patch.text("company_name", 200, LeadView::companyName),
                patch.email("email", LeadView::email),
                patch.text("phone", 50, LeadView::phone),
                patch.text("title", 100, LeadView::title),
                patch.text("source", 100, LeadView::source),
                patch.oneOf("status", LeadStatuses.ALL, LeadStatuses.NEW, LeadView::status),
                patch.percentage("score", null, LeadView::score),
                patch.nonNegativeDecimal("estimated_value", LeadView::estimatedValue),
                patch.currencyCode("currency_code", null, LeadView::currencyCode),
                patch.text("notes", 5000, LeadView::notes),
                patch.tags("tags", MAX_TAGS_LENGTH, LeadView::tagList),
                owner != null ? owner : current != null ? current.ownerId() : callerId);
    }
}
