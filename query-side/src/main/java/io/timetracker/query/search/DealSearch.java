package io.timetracker.query.search;

import io.timetracker.events.deal.DealCreated;
import io.timetracker.events.deal.DealDeleted;
import io.timetracker.events.deal.DealDetails;
import io.timetracker.events.deal.DealUpdated;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.search.SearchDocuments.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Deals are found by name, description and notes, by their owner alone (and admins), as {@code GET /deals/{id}}
 * shows them; the badge is their stage. Deleted deals are not found.
 */
@Component
@ProcessingGroup(SearchDocuments.GROUP)
@ReadModel(name = SearchDocuments.GROUP, tables = {SearchDocuments.TABLE, SearchDocuments.TERMS,
        SearchDocuments.VOCABULARY})
public class DealSearch {

    static final String TYPE = "deal";

    private final SearchDocuments documents;

    public DealSearch(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(DealCreated event, @SequenceNumber long version) {
        documents.put(TYPE, event.dealId(), document(event.details()), version);
    }

    @EventHandler
    void on(DealUpdated event, @SequenceNumber long version) {
        documents.put(TYPE, event.dealId(), document(event.details()), version);
    }

    @EventHandler
    void on(DealDeleted event) {
        documents.remove(TYPE, event.dealId());
    }

    private static Document document(DealDetails deal) {
        return new Document(deal.name(), deal.description(), deal.stage(), deal.ownerId(), deal.name(),
                deal.description(), deal.notes());
    }
}
