package io.timetracker.command.contact;

import io.timetracker.command.common.CommandRejectedException;

import java.util.List;

/** The roles a contact may have at its client. */
public final class ContactRoles {

    public static final String CONTACT = "contact";
    public static final List<String> ALL = List.of(CONTACT, "primary", "billing", "technical");

    private ContactRoles() {
    }

    static void requireKnown(String role) {
        if (!ALL.contains(role)) {
            throw CommandRejectedException.invalid("role", "Must be one of " + String.join(", ", ALL));
        }
    }
}
