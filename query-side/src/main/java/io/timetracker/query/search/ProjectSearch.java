package io.timetracker.query.search;

import io.timetracker.events.project.ProjectCreated;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.events.project.ProjectStatusChanged;
import io.timetracker.events.project.ProjectUpdated;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.search.SearchDocuments.Document;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/** Projects are found by name, code and description; the badge is their status. */
@Component
@ProcessingGroup(SearchDocuments.GROUP)
@ReadModel(name = SearchDocuments.GROUP, tables = {SearchDocuments.TABLE, SearchDocuments.TERMS,
        SearchDocuments.VOCABULARY})
public class ProjectSearch {

    static final String TYPE = "project";

    private final SearchDocuments documents;

    public ProjectSearch(SearchDocuments documents) {
        this.documents = documents;
    }

    @EventHandler
    void on(ProjectCreated event, @SequenceNumber long version) {
        documents.put(TYPE, event.projectId(), document(event.details(), "active"), version);
    }

    @EventHandler
    void on(ProjectUpdated event, @SequenceNumber long version) {
        documents.put(TYPE, event.projectId(), document(event.details(), null), version);
    }

    @EventHandler
    void on(ProjectStatusChanged event, @SequenceNumber long version) {
        documents.badge(TYPE, event.projectId(), event.status(), version);
    }

    /** {@code status} null: an update, which keeps the status the badge shows. */
    private Document document(ProjectDetails project, String status) {
        return new Document(project.name(), project.description(), status, null, project.name(), project.code(),
                project.description());
    }
}
