package io.timetracker.query.client;

import io.timetracker.api.TimeTrackerApplication;
import io.timetracker.api.support.ApiTest;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.client.ClientArchived;
import io.timetracker.events.client.ClientCreated;
import io.timetracker.events.client.ClientDetails;
import io.timetracker.events.client.ClientReactivated;
import io.timetracker.events.client.ClientUpdated;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code clients} read table, fed events directly; each test's rows are rolled back. */
@ApiTest
@ContextConfiguration(classes = TimeTrackerApplication.class) // found by search from io.timetracker.api tests
@Transactional
class ClientProjectionTest {

    private static final Instant CREATED = Instant.parse("2025-01-27T09:00:00Z");
    private static final Instant LATER = Instant.parse("2025-01-28T10:30:00Z");

    @Autowired
    ClientProjection projection;

    @Autowired
    IdAllocator ids;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCreatedClientIsAnActiveRowAtVersionZero() {
        long id = ids.next(AggregateIds.CLIENT);

        projection.on(new ClientCreated(id, details("Acme " + id)), CREATED, 0);

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("name", "Acme " + id).containsEntry("email", "ap@acme.test")
                .containsEntry("phone", "+49 1").containsEntry("is_active", true).containsEntry("version", 0L)
                .containsEntry("created_at", Timestamp.from(CREATED)).containsEntry("updated_at", Timestamp.from(CREATED));
        assertThat((BigDecimal) row.get("default_hourly_rate")).isEqualByComparingTo("120.50");
        assertThat(row.get("custom_fields").toString()).contains("\"vat\"").contains("DE1");
    }

    @Test
    void anUpdateReplacesTheDetailsAndKeepsTheCreationTime() {
        long id = ids.next(AggregateIds.CLIENT);
        projection.on(new ClientCreated(id, details("Acme " + id)), CREATED, 0);

        projection.on(new ClientUpdated(id, new ClientDetails("Renamed " + id, "d", null, null, null, null, null,
                null, null)), LATER, 1);

        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("name", "Renamed " + id).containsEntry("description", "d")
                .containsEntry("email", null).containsEntry("custom_fields", null).containsEntry("version", 1L)
                .containsEntry("created_at", Timestamp.from(CREATED)).containsEntry("updated_at", Timestamp.from(LATER));
    }

    @Test
    void archivingAndReactivatingFlipTheActiveFlag() {
        long id = ids.next(AggregateIds.CLIENT);
        projection.on(new ClientCreated(id, details("Acme " + id)), CREATED, 0);

        projection.on(new ClientArchived(id), LATER, 1);
        assertThat(row(id)).containsEntry("is_active", false).containsEntry("version", 1L);
        projection.on(new ClientReactivated(id), LATER.plusSeconds(60), 2);
        assertThat(row(id)).containsEntry("is_active", true).containsEntry("version", 2L)
                .containsEntry("updated_at", Timestamp.from(LATER.plusSeconds(60)));
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() {
        long id = ids.next(AggregateIds.CLIENT);
        projection.on(new ClientCreated(id, details("Acme " + id)), CREATED, 0);
        projection.on(new ClientUpdated(id, details("Second " + id)), LATER, 1);

        projection.on(new ClientCreated(id, details("Acme " + id)), CREATED, 0);
        projection.on(new ClientUpdated(id, details("Stale " + id)), LATER, 1);
        projection.on(new ClientArchived(id), LATER, 1);

        assertThat(row(id)).containsEntry("name", "Second " + id).containsEntry("is_active", true)
                .containsEntry("version", 1L);
    }

    @Test
    void findAnswersTheViewWithItsVersionAndProjectCounts() {
        long id = ids.next(AggregateIds.CLIENT);
        projection.on(new ClientCreated(id, details("Counted " + id)), CREATED, 0);
        projectRow(id, "active");
        projectRow(id, "archived");

        Versioned<?> found = projection.handle(new ClientQueries.FindClient(id));

        ClientView view = (ClientView) found.value();
        assertThat(found.version()).isZero();
        assertThat(view.name()).isEqualTo("Counted " + id);
        assertThat(view.status()).isEqualTo("active");
        assertThat(view.totalProjects()).isEqualTo(2);
        assertThat(view.activeProjects()).isEqualTo(1);
        assertThat(projection.handle(new ClientQueries.FindClient(-1))).isNull();
    }

    @Test
    void theListFiltersByStatusAndOrdersByNameIgnoringCase() {
        String tag = " " + ids.next(AggregateIds.CLIENT);
        long beta = ids.next(AggregateIds.CLIENT);
        long alpha = ids.next(AggregateIds.CLIENT);
        long gone = ids.next(AggregateIds.CLIENT);
        projection.on(new ClientCreated(beta, details("zz Beta" + tag)), CREATED, 0);
        projection.on(new ClientCreated(alpha, details("zz alpha" + tag)), CREATED, 0);
        projection.on(new ClientCreated(gone, details("zz Gone" + tag)), CREATED, 0);
        projection.on(new ClientArchived(gone), LATER, 1);

        assertThat(listed("active", tag)).containsExactly(alpha, beta);
        assertThat(listed("inactive", tag)).containsExactly(gone);
        assertThat(listed("all", tag)).containsExactly(alpha, beta, gone);
    }

    private List<Long> listed(String status, String tag) {
        List<Long> found = new ArrayList<>();
        for (int page = 1; ; page++) {
            List<?> items = projection.handle(new ClientQueries.ListClients(status, new PageRequest(page, 100))).items();
            items.stream().map(ClientView.class::cast).filter(view -> view.name().endsWith(tag))
                    .forEach(view -> found.add(view.id()));
            if (items.size() < 100) {
                return found;
            }
        }
    }

    /** A row of the projects table, which the client view counts (the projects projection is tested on its own). */
    private void projectRow(long clientId, String status) {
        jdbc.update("""
                INSERT INTO projects (id, name, client_id, billable, status, budget_threshold_percent, created_at,
                                      updated_at, version)
                VALUES (?, 'p', ?, true, ?, 80, now(), now(), 0)""", ids.next(AggregateIds.PROJECT), clientId, status);
    }

    private Map<String, Object> row(long id) {
        return jdbc.queryForMap("SELECT * FROM clients WHERE id = ?", id);
    }

    private static ClientDetails details(String name) {
        return new ClientDetails(name, null, "Jane", "Acme Inc", "ap@acme.test", "+49 1", "Street 1",
                new BigDecimal("120.50"), Map.of("vat", "DE1"));
    }
}
