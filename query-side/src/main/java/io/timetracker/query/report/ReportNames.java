package io.timetracker.query.report;

import io.timetracker.events.client.ClientCreated;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.client.ClientUpdated;
import io.timetracker.events.project.ProjectCreated;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.events.project.ProjectUpdated;
import io.timetracker.events.task.TaskCreated;
import io.timetracker.events.task.TaskUpdated;
import io.timetracker.query.common.Columns;
import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.ReadModel;
import io.timetracker.query.common.RowStatement;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.numeric;
import static io.timetracker.query.common.RowStatement.text;
import static io.timetracker.query.common.RowStatement.timestamp;

/**
 * The names and rates of the reports read model as history recorded them ({@code report_name_versions}): each
 * change of a project's name or hourly rate, a client's name or default rate, a task's name closes the current
 * version at the event's timestamp and records the new one, so a report at an instant names and prices its
 * entries as they stood then ({@link ReportSource#names}). An event that changes neither records nothing, and a
 * repeated one finds a version at least as new.
 */
@Component
@ProcessingGroup(ReportProjection.GROUP)
@ReadModel(name = ReportProjection.GROUP, tables = ReportNames.TABLE)
public class ReportNames {

    static final String TABLE = "report_name_versions";
    static final String PROJECT = "project";
    static final String CLIENT = "client";
    static final String TASK = "task";

    private static final RowStatement RECORD = RowStatement.of(TABLE, """
            WITH changed AS (
                SELECT r.* FROM rows r
                WHERE NOT EXISTS (SELECT 1 FROM report_name_versions v
                                  WHERE v.kind = r.kind AND v.id = r.id AND v.version >= r.version)
                  AND NOT EXISTS (SELECT 1 FROM report_name_versions v
                                  WHERE v.kind = r.kind AND v.id = r.id AND v.recorded_to IS NULL
                                    AND v.name = r.name AND v.hourly_rate IS NOT DISTINCT FROM r.hourly_rate)
            ), closed AS (
                UPDATE report_name_versions v SET recorded_to = c.at FROM changed c
                WHERE v.kind = c.kind AND v.id = c.id AND v.recorded_to IS NULL
            )
            INSERT INTO report_name_versions (kind, id, version, name, hourly_rate, recorded_from)
            SELECT kind, id, version, name, hourly_rate, at FROM changed""",
            text("kind"), bigint("id"), bigint("version"), text("name"), numeric("hourly_rate"), timestamp("at"));

    private final ProjectionWrites writes;

    public ReportNames(ProjectionWrites writes) {
        this.writes = writes;
    }

    @EventHandler
    void on(ProjectCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        project(event.projectId(), event.details(), at, version);
    }

    @EventHandler
    void on(ProjectUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        project(event.projectId(), event.details(), at, version);
    }

    @EventHandler
    void on(ClientCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        client(event.clientId(), event.details(), at, version);
    }

    @EventHandler
    void on(ClientUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        client(event.clientId(), event.details(), at, version);
    }

    @EventHandler
    void on(TaskCreated event, @Timestamp Instant at, @SequenceNumber long version) {
        record(TASK, event.taskId(), event.details().name(), null, at, version);
    }

    @EventHandler
    void on(TaskUpdated event, @Timestamp Instant at, @SequenceNumber long version) {
        record(TASK, event.taskId(), event.details().name(), null, at, version);
    }

    private void project(long projectId, ProjectDetails project, Instant at, long version) {
        record(PROJECT, projectId, project.name(), project.hourlyRate(), at, version);
    }

    private void client(long clientId, ClientDetails client, Instant at, long version) {
        record(CLIENT, clientId, client.name(), client.defaultHourlyRate(), at, version);
    }

    private void record(String kind, long id, String name, BigDecimal rate, Instant at, long version) {
        writes.add(RECORD, kind + ":" + id, kind, id, version, name, rate, Columns.timestamp(at));
    }
}
