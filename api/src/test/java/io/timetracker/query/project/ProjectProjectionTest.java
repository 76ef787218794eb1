package io.timetracker.query.project;

import io.timetracker.api.TimeTrackerApplication;
import io.timetracker.api.support.ApiTest;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.project.ProjectCreated;
import io.timetracker.events.project.ProjectDetails;
import io.timetracker.events.project.ProjectStatusChanged;
import io.timetracker.events.project.ProjectUpdated;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code projects} read table, fed events directly; each test's rows are rolled back. */
@ApiTest
@ContextConfiguration(classes = TimeTrackerApplication.class) // found by search from io.timetracker.api tests
@Transactional
class ProjectProjectionTest {

    private static final Instant CREATED = Instant.parse("2025-01-27T09:00:00Z");
    private static final Instant LATER = Instant.parse("2025-01-28T10:30:00Z");
    private static final long ACTOR = 42;

    @Autowired
    ProjectProjection projection;

    @Autowired
    IdAllocator ids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCreatedProjectIsAnActiveRowAtVersionZero() {
        long clientId = ids.next(AggregateIds.CLIENT);
        long id = ids.next(AggregateIds.PROJECT);

        projection.on(new ProjectCreated(id, details("Apollo", clientId)), CREATED, 0);

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("name", "Apollo").containsEntry("code", "AP-1")
                .containsEntry("client_id", clientId).containsEntry("billable", true)
                .containsEntry("status", "active").containsEntry("budget_threshold_percent", 80)
                .containsEntry("manager_id", 7L)
                .containsEntry("archived_at", null).containsEntry("archived_by", null).containsEntry("version", 0L)
                .containsEntry("created_at", Timestamp.from(CREATED)).containsEntry("updated_at", Timestamp.from(CREATED));
        assertThat((BigDecimal) row.get("hourly_rate")).isEqualByComparingTo("95.50");
    }

    @Test
    void anUpdateReplacesTheDetailsAndKeepsTheStatus() {
        long id = created("Apollo");
        ProjectDetails moved = new ProjectDetails("Apollo 2", null, 99, null, false, null, null,
                new BigDecimal("10"), new BigDecimal("1000"), 50, null);

        projection.on(new ProjectUpdated(id, moved), LATER, 1);

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("name", "Apollo 2").containsEntry("code", null).containsEntry("client_id", 99L)
                .containsEntry("billable", false).containsEntry("budget_threshold_percent", 50)
                .containsEntry("manager_id", null).containsEntry("status", "active").containsEntry("version", 1L)
                .containsEntry("created_at", Timestamp.from(CREATED)).containsEntry("updated_at", Timestamp.from(LATER));
    }

    @Test
    void archivingRecordsWhenAndWhoAndLeavingTheArchiveClearsIt() {
        long id = created("Apollo");

        projection.on(new ProjectStatusChanged(id, "archived", ACTOR), LATER, 1);
        assertThat(row(id)).containsEntry("status", "archived").containsEntry("archived_at", Timestamp.from(LATER))
                .containsEntry("archived_by", ACTOR).containsEntry("version", 1L);

        projection.on(new ProjectStatusChanged(id, "inactive", ACTOR), LATER.plusSeconds(60), 2);
        assertThat(row(id)).containsEntry("status", "inactive").containsEntry("archived_at", null)
                .containsEntry("archived_by", null).containsEntry("version", 2L);
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() {
        long id = created("Apollo");
        projection.on(new ProjectStatusChanged(id, "inactive", ACTOR), LATER, 1);

        projection.on(new ProjectCreated(id, details("Other", 1)), CREATED, 0);
        projection.on(new ProjectUpdated(id, details("Stale", 1)), LATER, 1);
        projection.on(new ProjectStatusChanged(id, "archived", ACTOR), LATER, 1);

        assertThat(row(id)).containsEntry("name", "Apollo").containsEntry("status", "inactive")
                .containsEntry("version", 1L);
    }

    @Test
    void findJoinsTheClientNameAndAnswersTheVersion() {
        long clientId = ids.next(AggregateIds.CLIENT);
        jdbc.update("""
                INSERT INTO clients (id, name, is_active, created_at, updated_at, version)
                VALUES (?, 'Owner', true, now(), now(), 0)""", clientId);
        long id = ids.next(AggregateIds.PROJECT);
        projection.on(new ProjectCreated(id, details("Apollo", clientId)), CREATED, 0);
        projection.on(new ProjectStatusChanged(id, "archived", ACTOR), LATER, 1);

        Versioned<?> found = projection.handle(new ProjectQueries.FindProject(id));

        ProjectView view = (ProjectView) found.value();
        assertThat(found.version()).isEqualTo(1);
        assertThat(view.client()).isEqualTo("Owner");
        assertThat(view.isArchived()).isTrue();
        assertThat(view.archivedBy()).isEqualTo(ACTOR);
        assertThat(view.archivedAt()).isEqualTo(LATER);
        assertThat(projection.handle(new ProjectQueries.FindProject(-1))).isNull();
    }

    @Test
    void theListFiltersByStatusAndClientAndOrdersByNameThenId() {
        long clientId = ids.next(AggregateIds.CLIENT);
        long gamma = created("Gamma", clientId);
        long alpha = created("alpha", clientId);
        long alphaTwin = created("Alpha", clientId);
        long archived = created("Beta", clientId);
        projection.on(new ProjectStatusChanged(archived, "archived", ACTOR), LATER, 1);
        created("Elsewhere", ids.next(AggregateIds.CLIENT));

        assertThat(listed("active", clientId)).containsExactly(alpha, alphaTwin, gamma);
        assertThat(listed("archived", clientId)).containsExactly(archived);
        assertThat(listed("inactive", clientId)).isEmpty();
        assertThat(listed("all", clientId)).containsExactly(alpha, alphaTwin, archived, gamma);
    }

    private List<Long> listed(String status, long clientId) {
        return projection.handle(new ProjectQueries.ListProjects(status, clientId, new PageRequest(1, 100))).items()
                .stream().map(item -> ((ProjectView) item).id()).toList();
    }

    private long created(String name) {
        return created(name, ids.next(AggregateIds.CLIENT));
    }

    private long created(String name, long clientId) {
        long id = ids.next(AggregateIds.PROJECT);
        projection.on(new ProjectCreated(id, details(name, clientId)), CREATED, 0);
        return id;
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT * FROM projects WHERE id = ?", id);
    }

    private static ProjectDetails details(String name, long clientId) {
        return new ProjectDetails(name, "AP-1", clientId, "desc", true, new BigDecimal("95.50"), "PO-1", null, null,
                80, 7L);
    }
}
