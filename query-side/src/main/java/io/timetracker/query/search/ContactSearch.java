package io.timetracker.query.search;

import io.timetracker.events.contact.ContactCreated;
import io.timetracker.events.contact.ContactDeleted;
import io.timetracker.events.contact.ContactDetails;
import io.timetracker.events.contact.ContactUpdated;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.search.SearchDocuments.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Contacts are found by name, email, phone numbers, title, department, notes and tags by whoever may read contacts,
 * as their client's are (clients belong to no one); a contact of an archived client too, as it stays readable. The
 * title is the full name, the description the job title and email, the badge the role. Deleted (inactive) contacts
 * are not found: the contact lists no longer show them.
 */
@Component
@ProcessingGroup(SearchDocuments.GROUP)
@ReadModel(name = SearchDocuments.GROUP, tables = {SearchDocuments.TABLE, SearchDocuments.TERMS,
        SearchDocuments.VOCABULARY})
public class ContactSearch {

    static final String TYPE = "contact";

    private final SearchDocuments documents;

    public ContactSearch(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ContactCreated event, @SequenceNumber long version) {
        documents.put(TYPE, event.contactId(), document(event.details()), version);
    }

    @EventHandler
    void on(ContactUpdated event, @SequenceNumber long version) {
        documents.put(TYPE, event.contactId(), document(event.details()), version);
    }

    @EventHandler
    void on(ContactDeleted event) {
        documents.remove(TYPE, event.contactId());
    }

    private static Document document(ContactDetails contact) {
        String fullName = contact.firstName() + " " + contact.lastName();
        String description = Stream.of(contact.title(), contact.email()).filter(Objects::nonNull)
                .filter(part -> !part.isBlank()).collect(Collectors.joining(" · "));
        return new Document(fullName, description.isEmpty() ? null : description, contact.role(), null, fullName,
                contact.email(), contact.phone(), contact.mobile(), contact.title(), contact.department(),
                contact.notes(), contact.tags());
    }
}
