package io.timetracker.api.lead;

import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.lead.LeadStatuses;
import io.timetracker.events.lead.LeadDetails;
import io.timetracker.query.lead.LeadView;

import java.math.BigDecimal;

/**
 * Reads a lead's fields from a request body: every field for a create ({@code current} null), only the present
 * ones over {@code current} for an update. A create's owner defaults to the caller.
 */
final class LeadFields {

    private static final int MAX_NAME_PART = 100;
    private static final int MAX_TAGS_LENGTH = 500;

    static final BodyField<String> FIRST_NAME = BodyField.text("first_name", MAX_NAME_PART).required();
    static final BodyField<String> LAST_NAME = BodyField.text("last_name", MAX_NAME_PART).required();
    static final BodyField<String> COMPANY_NAME = BodyField.text("company_name", 200);
    static final BodyField<String> EMAIL = BodyField.email("email");
    static final BodyField<String> PHONE = BodyField.text("phone", 50);
    static final BodyField<String> TITLE = BodyField.text("title", 100);
    static final BodyField<String> SOURCE = BodyField.text("source", 100);
    static final BodyField<String> STATUS = BodyField.oneOf("status", LeadStatuses.ALL).withDefault(LeadStatuses.NEW);
    static final BodyField<Long> SCORE = BodyField.integer("score", 0, 100);
    static final BodyField<BigDecimal> ESTIMATED_VALUE = BodyField.amount("estimated_value");
    static final BodyField<String> CURRENCY_CODE = BodyField.currencyCode("currency_code");
    static final BodyField<String> NOTES = BodyField.text("notes", 5000);
    static final BodyField<String> TAGS = BodyField.tags("tags", MAX_TAGS_LENGTH);
    static final BodyField<Long> OWNER_ID = BodyField.integer("owner_id")
            .describedAs("An active user (default: the caller)");

    static final BodyShape CREATE = BodyShape.of("LeadCreate", FIRST_NAME, LAST_NAME, COMPANY_NAME, EMAIL, PHONE,
            TITLE, SOURCE, STATUS, SCORE, ESTIMATED_VALUE, CURRENCY_CODE, NOTES, TAGS, OWNER_ID);
    static final BodyShape UPDATE = CREATE.partial("LeadUpdate");

    private LeadFields() {
    }

    static LeadDetails read(JsonBody body, LeadView current, long callerId) {
        Patch<LeadView> patch = new Patch<>(body, current);
        Long owner = patch.read(OWNER_ID, LeadView::ownerId);
        Long score = patch.read(SCORE, lead -> lead.score() == null ? null : lead.score().longValue());
        return new LeadDetails(
                patch.read(FIRST_NAME, LeadView::firstName),
                patch.read(LAST_NAME, LeadView::lastName),
                patch.read(COMPANY_NAME, LeadView::companyName),
                patch.read(EMAIL, LeadView::email),
                patch.read(PHONE, LeadView::phone),
                patch.read(TITLE, LeadView::title),
                patch.read(SOURCE, LeadView::source),
                patch.read(STATUS, LeadView::status),
                score == null ? null : score.intValue(),
                patch.read(ESTIMATED_VALUE, LeadView::estimatedValue),
                patch.read(CURRENCY_CODE, LeadView::currencyCode),
                patch.read(NOTES, LeadView::notes),
                patch.read(TAGS, LeadView::tags),
                owner != null ? owner : current != null ? current.ownerId() : callerId);
    }
}
