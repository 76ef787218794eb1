package io.timetracker.query.task;

import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.query.common.BookedTimeTotals;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.springframework.stereotype.Component;

/** A task's {@code total_hours}, part of the tasks read model. */
@Component
@ProcessingGroup(TaskProjection.GROUP)
@ReadModel(name = TaskProjection.GROUP, tables = {"task_booked_time", "task_time_totals"}, version = 2)
public class TaskTimeTotals extends BookedTimeTotals {

    public TaskTimeTotals(ProjectionWrites writes) {
        super(writes, "task_booked_time", "task_time_totals", "task_id");
    }

    @Override
    protected Long key(TimeEntryDetails entry) {
        return entry.taskId();
    }
}
