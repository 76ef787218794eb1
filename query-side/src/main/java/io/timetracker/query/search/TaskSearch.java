package io.timetracker.query.search;

import io.timetracker.events.task.TaskCreated;
import io.timetracker.events.task.TaskDeleted;
import io.timetracker.events.task.TaskDetails;
import io.timetracker.events.task.TaskUpdated;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.search.SearchDocuments.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Tasks are found by name, description and tags; the badge is their status. Deleted tasks are not found. */
@Component
@ProcessingGroup(SearchDocuments.GROUP)
@ReadModel(name = SearchDocuments.GROUP, tables = {SearchDocuments.TABLE, SearchDocuments.TERMS,
        SearchDocuments.VOCABULARY})
public class TaskSearch {

    static final String TYPE = "task";

    private final SearchDocuments documents;

    public TaskSearch(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(TaskCreated event, @SequenceNumber long version) {
        documents.put(TYPE, event.taskId(), document(event.details()), version);
    }

    @EventHandler
    void on(TaskUpdated event, @SequenceNumber long version) {
        documents.put(TYPE, event.taskId(), document(event.details()), version);
    }

    @EventHandler
    void on(TaskDeleted event) {
        documents.remove(TYPE, event.taskId());
    }

    private static Document document(TaskDetails task) {
        return new Document(task.name(), task.description(), task.status(), null, task.name(), task.tags(),
                task.description());
    }
}
