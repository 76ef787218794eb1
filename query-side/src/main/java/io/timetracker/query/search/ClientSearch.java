package io.timetracker.query.search;

import io.timetracker.events.client.ClientArchived;
import io.timetracker.events.client.ClientCreated;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.client.ClientReactivated;
import io.timetracker.events.client.ClientUpdated;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.search.SearchDocuments.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Clients are found by name, company, contact person, email and description; the badge is their status. */
@Component
@ProcessingGroup(SearchDocuments.GROUP)
@ReadModel(name = SearchDocuments.GROUP, tables = {SearchDocuments.TABLE, SearchDocuments.TERMS,
        SearchDocuments.VOCABULARY})
public class ClientSearch {

    static final String TYPE = "client";

    private final SearchDocuments documents;

    public ClientSearch(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ClientCreated event, @SequenceNumber long version) {
        documents.put(TYPE, event.clientId(), document(event.details(), "active"), version);
    }

    @EventHandler
    void on(ClientUpdated event, @SequenceNumber long version) {
        documents.put(TYPE, event.clientId(), document(event.details(), null), version);
    }

    @EventHandler
    void on(ClientArchived event, @SequenceNumber long version) {
        documents.badge(TYPE, event.clientId(), "inactive", version);
    }

    @EventHandler
    void on(ClientReactivated event, @SequenceNumber long version) {
        documents.badge(TYPE, event.clientId(), "active", version);
    }

    private static Document document(ClientDetails client, String status) {
        return new Document(client.name(), client.description(), status, null, client.name(),
                client.company(), client.contactPerson(), client.email(), client.description());
    }
}
