package io.timetracker.query.contact;

import io.timetracker.query.common.PageRequest;

public final class ContactQueries {

    private ContactQueries() {
    }

    /** Answers {@code Versioned<ContactView>}, or null; a deleted contact is found (inactive). */
    public record FindContact(long contactId) {
    }

    /** Answers {@code PageResult<ContactView>}: the client's active contacts by last name, first name, id. */
    public record ListContacts(long clientId, PageRequest page) {
    }
}
