package io.timetracker.api.deal;

import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.deal.DealStages;
import io.timetracker.events.deal.DealDetails;
import io.timetracker.query.deal.DealView;

/**
 * Reads a deal's fields from a request body: every field for a create ({@code current} null), only the present
 * ones over {@code current} for an update. A create's owner defaults to the caller.
 */
final class DealFields {

    private DealFields() {
    }

    static DealDetails read(JsonBody body, DealView current, long callerId) {
        Patch<DealView> patch = new Patch<>(body, current);
        String name = patch.reads("name") ? body.requiredText("name", 200) : current.name();
        Long owner = patch.integer("owner_id", DealView::ownerId);
        Integer probability = patch.percentage("probability", DealStages.DEFAULT_PROBABILITY, DealView::probability);
        return new DealDetails(name,
                patch.integer("client_id", DealView::clientId),
                patch.integer("contact_id", DealView::contactId),
                patch.integer("lead_id", DealView::leadId),
                patch.text("description", 5000, DealView::description),
                patch.oneOf("stage", DealStages.STAGES, DealStages.FIRST, DealView::stage),
                patch.nonNegativeDecimal("value", DealView::value),
                patch.currencyCode("currency_code", DealStages.DEFAULT_CURRENCY, DealView::currencyCode),
                probability == null ? DealStages.DEFAULT_PROBABILITY : probability,
                patch.reads("expected_close_date") ? body.date("expected_close_date") : current.expectedCloseDate(),
                patch.text("notes", 5000, DealView::notes),
                owner != null ? owner : current != null ? current.ownerId() : callerId);
    }

    /** The status an update asks for (null: none; the stage decides). A create's is not read (contract §7). */
    static String readStatus(JsonBody body) {
        return new Patch<DealView>(body, null).oneOf("status", DealStages.STATUSES, null, DealView::status);
    }
}
