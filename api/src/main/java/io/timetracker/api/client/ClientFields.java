package io.timetracker.api.client;

import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.query.client.ClientView;

/**
 * Reads a client's fields from a request body: every field for a create ({@code current} null), only the
 * present ones over {@code current} for an update.
 */
final class ClientFields {

    private ClientFields() {
    }

    static ClientDetails read(JsonBody body, ClientView current) {
        Patch<ClientView> patch = new Patch<>(body, current);
        String name = current == null || body.has("name")
                ? body.requiredText("name", 200) : current.name();
        return new ClientDetails(name,
                patch.text("description", 5000, ClientView::description),
                patch.text("contact_person", 200, ClientView::contactPerson),
                patch.text("company", 200, ClientView::company),
                patch.email("email", ClientView::email),
                patch.text("phone", 50, ClientView::phone),
                patch.text("address", 1000, ClientView::address),
                patch.nonNegativeDecimal("default_hourly_rate", ClientView::defaultHourlyRate),
                patch.object("custom_fields", ClientView::customFields));
    }

    static Boolean readActive(JsonBody body, ClientView current) {
        if (body.has("status")) {
            String status = body.text("status", 20);
            if ("active".equals(status) || "inactive".equals(status)) {
                return "active".equals(status);
            }
            return body.reject("status", "Must be active or inactive");
        }
        Boolean active = body.bool("is_active");
        return active != null ? active : current.isActive();
    }
}
