package io.timetracker.api.contact;

import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Patch;
import io.timetracker.command.contact.ContactRoles;
import io.timetracker.events.contact.ContactDetails;
import io.timetracker.query.contact.ContactView;

/**
 * Reads a contact's fields from a request body: every field for a create ({@code current} null), only the present
 * ones over {@code current} for an update. The name comes as {@code first_name} and {@code last_name} (the
 * desktop app) or as one {@code name}, split at its last space (the mobile app).
 */
final class ContactFields {

    private static final int MAX_NAME_PART = 100;
    private static final int MAX_TAGS_LENGTH = 500;

    private ContactFields() {
    }

    static ContactDetails read(JsonBody body, ContactView current) {
        Patch<ContactView> patch = new Patch<>(body, current);
        String[] name = name(body, current);
        return new ContactDetails(name[0], name[1],
                patch.email("email", ContactView::email),
                patch.text("phone", 50, ContactView::phone),
                patch.text("mobile", 50, ContactView::mobile),
                patch.text("title", 100, ContactView::title),
                patch.text("department", 100, ContactView::department),
                patch.oneOf("role", ContactRoles.ALL, ContactRoles.CONTACT, ContactView::role),
                Boolean.TRUE.equals(patch.bool("is_primary", false, ContactView::isPrimary)),
                patch.text("address", 1000, ContactView::address),
                patch.text("notes", 5000, ContactView::notes),
                patch.tags("tags", MAX_TAGS_LENGTH, ContactView::tagList));
    }

    /** First and last name: the separate fields when the body has either, else its {@code name}, else as they are. */
    private static String[] name(JsonBody body, ContactView current) {
        boolean separate = body.has("first_name") || body.has("last_name");
        if (!separate && body.has("name")) {
            String whole = body.requiredText("name", 2 * MAX_NAME_PART + 1);
            if (whole == null) {
                return new String[]{null, null};
            }
            int space = whole.lastIndexOf(' ');
            String[] parts = space < 0 ? new String[]{whole, ""}
                    : new String[]{whole.substring(0, space).strip(), whole.substring(space + 1)};
            if (parts[0].length() > MAX_NAME_PART || parts[1].length() > MAX_NAME_PART) {
                body.reject("name", "Each part of the name must be at most " + MAX_NAME_PART + " characters");
            }
            return parts;
        }
        if (current == null && !separate) {
            body.reject("first_name", "Is required (or send the whole name as name)");
            body.reject("last_name", "Is required (or send the whole name as name)");
            return new String[]{null, null};
        }
        return new String[]{
                current == null || body.has("first_name") ? body.requiredText("first_name", MAX_NAME_PART)
                        : current.firstName(),
                current == null || body.has("last_name") ? body.requiredText("last_name", MAX_NAME_PART)
                        : current.lastName()};
    }
}
