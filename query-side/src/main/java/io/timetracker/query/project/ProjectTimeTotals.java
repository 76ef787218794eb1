package io.timetracker.query.project;

import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.query.common.BatchedWrites;
import io.timetracker.query.common.BookedTimeTotals;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code projects.total_seconds} and {@code billable_seconds}, part of the projects projection. */
@Component
@ProcessingGroup(ProjectProjection.GROUP)
public class ProjectTimeTotals extends BookedTimeTotals {

    public ProjectTimeTotals(NamedParameterJdbcTemplate jdbc, BatchedWrites writes) {
        super(jdbc, writes, "project_booked_time", "projects", "project_id");
    }

    @Override
    protected Long key(TimeEntryDetails entry) {
        return entry.projectId();
    }
}
