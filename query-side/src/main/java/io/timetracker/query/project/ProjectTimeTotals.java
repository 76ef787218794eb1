package io.timetracker.query.project;

import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.query.common.BookedTimeTotals;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** A project's {@code total_hours} and {@code total_billable_hours}, part of the projects read model. */
@Component
@ProcessingGroup(ProjectProjection.GROUP)
@ReadModel(name = ProjectProjection.GROUP, tables = {"project_booked_time", "project_time_totals"}, version = 2)
public class ProjectTimeTotals extends BookedTimeTotals {

    public ProjectTimeTotals(ProjectionWrites writes) {
        super(writes, "project_booked_time", "project_time_totals", "project_id");
    }

    @Override
    protected Long key(TimeEntryDetails entry) {
        return entry.projectId();
    }
}
