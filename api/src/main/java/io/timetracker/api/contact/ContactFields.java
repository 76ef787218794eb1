package io.timetracker.api.contact;

import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
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

    static final BodyField<String> FIRST_NAME = BodyField.text("first_name", MAX_NAME_PART)
            .describedAs("Required on a create unless name is sent");
    static final BodyField<String> LAST_NAME = BodyField.text("last_name", MAX_NAME_PART)
            .describedAs("Required on a create unless name is sent");
    static final BodyField<String> NAME = BodyField.text("name", 2 * MAX_NAME_PART + 1)
            .describedAs("The whole name, split at its last space into first_name and last_name (each at most "
                    + MAX_NAME_PART + " characters); read only when neither of those is sent");
    static final BodyField<String> EMAIL = BodyField.email("email");
    static final BodyField<String> PHONE = BodyField.text("phone", 50);
    static final BodyField<String> MOBILE = BodyField.text("mobile", 50);
    static final BodyField<String> TITLE = BodyField.text("title", 100);
    static final BodyField<String> DEPARTMENT = BodyField.text("department", 100);
    static final BodyField<String> ROLE = BodyField.oneOf("role", ContactRoles.ALL).withDefault(ContactRoles.CONTACT);
    static final BodyField<Boolean> IS_PRIMARY = BodyField.bool("is_primary").withDefault(false)
            .describedAs("Making a contact primary clears the client's other primary contact");
    static final BodyField<String> ADDRESS = BodyField.text("address", 1000);
    static final BodyField<String> NOTES = BodyField.text("notes", 5000);
    static final BodyField<String> TAGS = BodyField.tags("tags", MAX_TAGS_LENGTH);

    static final BodyShape CREATE = BodyShape.of("ContactCreate", FIRST_NAME, LAST_NAME, NAME, EMAIL, PHONE, MOBILE,
            TITLE, DEPARTMENT, ROLE, IS_PRIMARY, ADDRESS, NOTES, TAGS);
    static final BodyShape UPDATE = CREATE.partial("ContactUpdate");

    private ContactFields() {
    }

    static ContactDetails read(JsonBody body, ContactView current) {
        Patch<ContactView> patch = new Patch<>(body, current);
        String[] name = name(body, current);
        return new ContactDetails(name[0], name[1],
                patch.read(EMAIL, ContactView::email),
                patch.read(PHONE, ContactView::phone),
                patch.read(MOBILE, ContactView::mobile),
                patch.read(TITLE, ContactView::title),
                patch.read(DEPARTMENT, ContactView::department),
                patch.read(ROLE, ContactView::role),
                Boolean.TRUE.equals(patch.read(IS_PRIMARY, ContactView::isPrimary)),
                patch.read(ADDRESS, ContactView::address),
                patch.read(NOTES, ContactView::notes),
                patch.read(TAGS, ContactView::tags));
    }

    /** First and last name: the separate fields when the body has either, else its {@code name}, else as they are. */
    private static String[] name(JsonBody body, ContactView current) {
        boolean separate = body.has(FIRST_NAME.name()) || body.has(LAST_NAME.name());
        if (!separate && body.has(NAME.name())) {
            String whole = body.read(NAME.required());
            if (whole == null) {
                return new String[]{null, null};
            }
            int space = whole.lastIndexOf(' ');
            String[] parts = space < 0 ? new String[]{whole, ""}
                    : new String[]{whole.substring(0, space).strip(), whole.substring(space + 1)};
            if (parts[0].length() > MAX_NAME_PART || parts[1].length() > MAX_NAME_PART) {
                body.reject(NAME.name(), "Each part of the name must be at most " + MAX_NAME_PART + " characters");
            }
            return parts;
        }
        if (current == null && !separate) {
            body.reject(FIRST_NAME.name(), "Is required (or send the whole name as name)");
            body.reject(LAST_NAME.name(), "Is required (or send the whole name as name)");
            return new String[]{null, null};
        }
        Patch<ContactView> patch = new Patch<>(body, current);
        return new String[]{patch.read(FIRST_NAME.required(), ContactView::firstName),
                patch.read(LAST_NAME.required(), ContactView::lastName)};
    }
}
