package io.timetracker.query.search;

import io.timetracker.events.lead.LeadConvertedToClient;
import io.timetracker.events.lead.LeadConvertedToDeal;
import io.timetracker.events.lead.LeadCreated;
import io.timetracker.events.lead.LeadDeleted;
import io.timetracker.events.lead.LeadDetails;
import io.timetracker.events.lead.LeadUpdated;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.search.SearchDocuments.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * Leads are found by name, company, email, notes and tags, by their owner alone (and admins), as
 * {@code GET /leads/{id}} shows them: converted and lost leads too (the badge, their status, says so). The title
 * is the full name, the description the company. Deleted leads are not found.
 */
@Component
@ProcessingGroup(SearchDocuments.GROUP)
@ReadModel(name = SearchDocuments.GROUP, tables = {SearchDocuments.TABLE, SearchDocuments.TERMS,
        SearchDocuments.VOCABULARY})
public class LeadSearch {

    static final String TYPE = "lead";
    private static final String CONVERTED = "converted";

    private final SearchDocuments documents;

    public LeadSearch(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(LeadCreated event, @SequenceNumber long version) {
        documents.put(TYPE, event.leadId(), document(event.details()), version);
    }

    @EventHandler
    void on(LeadUpdated event, @SequenceNumber long version) {
        documents.put(TYPE, event.leadId(), document(event.details()), version);
    }

    @EventHandler
    void on(LeadConvertedToClient event, @SequenceNumber long version) {
        documents.badge(TYPE, event.leadId(), CONVERTED, version);
    }

    @EventHandler
    void on(LeadConvertedToDeal event, @SequenceNumber long version) {
        documents.badge(TYPE, event.leadId(), CONVERTED, version);
    }

    @EventHandler
    void on(LeadDeleted event) {
        documents.remove(TYPE, event.leadId());
    }

    private static Document document(LeadDetails lead) {
        String fullName = lead.firstName() + " " + lead.lastName();
        return new Document(fullName, lead.companyName(), lead.status(), lead.ownerId(), fullName,
                lead.companyName(), lead.email(), lead.notes(), lead.tags());
    }
}
