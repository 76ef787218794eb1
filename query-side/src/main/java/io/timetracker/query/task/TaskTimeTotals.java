package io.timetracker.query.task;

import io.timetracker.events.timeentry.TimeEntryDetails;
import io.timetracker.query.common.BatchedWrites;
import io.timetracker.query.common.BookedTimeTotals;
import org.axonframework.config.ProcessingGroup;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** {@code tasks.total_seconds} (the task's {@code total_hours}), part of the tasks projection. */
@Component
@ProcessingGroup(TaskProjection.GROUP)
public class TaskTimeTotals extends BookedTimeTotals {

    public TaskTimeTotals(NamedParameterJdbcTemplate jdbc, BatchedWrites writes) {
        super(jdbc, writes, "task_booked_time", "tasks", "task_id");
    }

    @Override
    protected Long key(TimeEntryDetails entry) {
        return entry.taskId();
    }
}
