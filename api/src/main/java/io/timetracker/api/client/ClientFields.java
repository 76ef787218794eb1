package io.timetracker.api.client;

import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.query.client.ClientView;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reads a client's fields from a request body: every field for a create ({@code current} null), only the
 * present ones over {@code current} for an update.
 */
final class ClientFields {

    static final BodyField<String> NAME = BodyField.text("name", 200).required()
            .describedAs("Unique among clients, ignoring case");
    static final BodyField<String> DESCRIPTION = BodyField.text("description", 5000);
    static final BodyField<String> CONTACT_PERSON = BodyField.text("contact_person", 200);
    static final BodyField<String> COMPANY = BodyField.text("company", 200);
    static final BodyField<String> EMAIL = BodyField.email("email");
    static final BodyField<String> PHONE = BodyField.text("phone", 50);
    static final BodyField<String> ADDRESS = BodyField.text("address", 1000);
    static final BodyField<BigDecimal> DEFAULT_HOURLY_RATE = BodyField.amount("default_hourly_rate");
    static final BodyField<Map<String, Object>> CUSTOM_FIELDS = BodyField.object("custom_fields");
    static final BodyField<String> STATUS = BodyField.oneOf("status", List.of("active", "inactive"))
            .describedAs("inactive archives the client; wins over is_active");
    static final BodyField<Boolean> IS_ACTIVE = BodyField.bool("is_active");

    static final BodyShape CREATE = BodyShape.of("ClientCreate", NAME, DESCRIPTION, CONTACT_PERSON, COMPANY, EMAIL,
            PHONE, ADDRESS, DEFAULT_HOURLY_RATE, CUSTOM_FIELDS);
    static final BodyShape UPDATE = CREATE.partial("ClientUpdate", STATUS, IS_ACTIVE);

    private ClientFields() {
    }

    static ClientDetails read(JsonBody body, ClientView current) {
        Patch<ClientView> patch = new Patch<>(body, current);
        return new ClientDetails(patch.read(NAME, ClientView::name),
                patch.read(DESCRIPTION, ClientView::description),
                patch.read(CONTACT_PERSON, ClientView::contactPerson),
                patch.read(COMPANY, ClientView::company),
                patch.read(EMAIL, ClientView::email),
                patch.read(PHONE, ClientView::phone),
                patch.read(ADDRESS, ClientView::address),
                patch.read(DEFAULT_HOURLY_RATE, ClientView::defaultHourlyRate),
                patch.read(CUSTOM_FIELDS, ClientView::customFields));
    }

    static Boolean readActive(JsonBody body, ClientView current) {
        if (body.has(STATUS.name())) {
            String status = body.read(STATUS.required());
            return status == null ? null : "active".equals(status);
        }
        Boolean active = body.read(IS_ACTIVE);
        return active != null ? active : current.isActive();
    }
}
