package io.timetracker.api.deal;

import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.deal.DealStages;
import io.timetracker.events.deal.DealDetails;
import io.timetracker.query.deal.DealView;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Reads a deal's fields from a request body: every field for a create ({@code current} null), only the present
 * ones over {@code current} for an update. A create's owner defaults to the caller.
 */
final class DealFields {

    static final BodyField<String> NAME = BodyField.text("name", 200).required();
    static final BodyField<Long> OWNER_ID = BodyField.integer("owner_id")
            .describedAs("An active user (default: the caller); only admins give a deal to someone else");
    static final BodyField<Long> CLIENT_ID = BodyField.integer("client_id");
    static final BodyField<Long> CONTACT_ID = BodyField.integer("contact_id");
    static final BodyField<Long> LEAD_ID = BodyField.integer("lead_id");
    static final BodyField<String> DESCRIPTION = BodyField.text("description", 5000);
    static final BodyField<String> STAGE = BodyField.oneOf("stage", DealStages.STAGES).withDefault(DealStages.FIRST)
            .describedAs("A closing stage closes the deal (won or lost)");
    static final BodyField<BigDecimal> VALUE = BodyField.amount("value");
    static final BodyField<String> CURRENCY_CODE = BodyField.currencyCode("currency_code")
            .withDefault(DealStages.DEFAULT_CURRENCY);
    static final BodyField<Long> PROBABILITY = BodyField.integer("probability", 0, 100)
            .withDefault((long) DealStages.DEFAULT_PROBABILITY).describedAs("Percent");
    static final BodyField<LocalDate> EXPECTED_CLOSE_DATE = BodyField.date("expected_close_date");
    static final BodyField<String> NOTES = BodyField.text("notes", 5000);
    /** Read on an update only (contract §7): a create's status follows its stage. */
    static final BodyField<String> STATUS = BodyField.oneOf("status", DealStages.STATUSES)
            .describedAs("Updates only: closes or reopens the deal (by default the stage decides)");

    static final BodyShape CREATE = BodyShape.of("DealCreate", NAME, OWNER_ID, CLIENT_ID, CONTACT_ID, LEAD_ID,
            DESCRIPTION, STAGE, VALUE, CURRENCY_CODE, PROBABILITY, EXPECTED_CLOSE_DATE, NOTES);
    static final BodyShape UPDATE = CREATE.partial("DealUpdate", STATUS);

    private DealFields() {
    }

    static DealDetails read(JsonBody body, DealView current, long callerId) {
        Patch<DealView> patch = new Patch<>(body, current);
        Long owner = patch.read(OWNER_ID, DealView::ownerId);
        Long probability = patch.read(PROBABILITY, deal -> (long) deal.probability());
        return new DealDetails(patch.read(NAME, DealView::name),
                patch.read(CLIENT_ID, DealView::clientId),
                patch.read(CONTACT_ID, DealView::contactId),
                patch.read(LEAD_ID, DealView::leadId),
                patch.read(DESCRIPTION, DealView::description),
                patch.read(STAGE, DealView::stage),
                patch.read(VALUE, DealView::value),
                patch.read(CURRENCY_CODE, DealView::currencyCode),
                probability == null ? DealStages.DEFAULT_PROBABILITY : probability.intValue(),
                patch.read(EXPECTED_CLOSE_DATE, DealView::expectedCloseDate),
                patch.read(NOTES, DealView::notes),
                owner != null ? owner : current != null ? current.ownerId() : callerId);
    }

    /** The status an update asks for (null: none; the stage decides). A create's is not read (contract §7). */
    static String readStatus(JsonBody body) {
        return body.read(STATUS);
    }
}
