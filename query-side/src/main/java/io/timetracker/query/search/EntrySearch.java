package io.timetracker.query.search;

import io.timetracker.events.timeentry.TimeEntryCreated;
import io.timetracker.events.timeentry.TimeEntryDeleted;
import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.events.timeentry.TimeEntryUpdated;
import io.timetracker.events.timeentry.TimerStopped;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.search.SearchDocuments.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.ZoneId;

/**
 * Time entries are found by notes and tags, by their owner alone (and admins). The title is the notes' first line
 * (else "Time entry"), the description the start date in the server's zone, the badge the tags.
 */
@Component
@ProcessingGroup(SearchDocuments.GROUP)
@ReadModel(name = SearchDocuments.GROUP, tables = {SearchDocuments.TABLE, SearchDocuments.TERMS,
        SearchDocuments.VOCABULARY})
public class EntrySearch {

    static final String TYPE = "entry";
    private static final int TITLE_LENGTH = 100;

    private final SearchDocuments documents;
    private final ZoneId zone;

    public EntrySearch(SearchDocuments documents, @Value("${timetracker.timezone}") String zone) {
        this.documents = documents;
        this.zone = ZoneId.of(zone);
    }

    @EventHandler
    void on(TimeEntryCreated event, @SequenceNumber long version) {
        put(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimeEntryUpdated event, @SequenceNumber long version) {
        put(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimerStopped event, @SequenceNumber long version) {
        put(event.entryId(), event.entry(), version);
    }

    @EventHandler
    void on(TimeEntryDeleted event) {
        documents.remove(TYPE, event.entryId());
    }

    private void put(long entryId, TimeEntryDetails entry, long version) {
        String notes = entry.notes() == null ? "" : entry.notes().strip();
        String firstLine = notes.lines().findFirst().orElse("");
        String title = firstLine.isEmpty() ? "Time entry"
                : firstLine.length() > TITLE_LENGTH ? firstLine.substring(0, TITLE_LENGTH) : firstLine;
        documents.put(TYPE, entryId, new Document(title, "Started " + entry.startTime().atZone(zone).toLocalDate(),
                entry.tags(), entry.userId(), notes, entry.tags()), version);
    }
}
