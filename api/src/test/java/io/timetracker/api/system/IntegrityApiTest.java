package io.timetracker.api.system;

import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.events.AggregateIds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tamper evidence as an operator sees it: the whole store checks out, an event changed by SQL or removed from the
 * middle of its chain is reported exactly as the first break, and only administrators may ask. Each test tampers
 * with a client of its own and puts the stored row back as it was before it ends, so the store is intact again for
 * every other test sharing the database.
 */
class IntegrityApiTest extends EndToEndTest {

    private static final String INTEGRITY = "/api/v1/admin/integrity";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theEventsOfOneCommandChainToEachOther() {
        long project = createProject(unique("Integrity"), createClient(unique("Integrity")));
        // a day of its own, far from every other test's entries of the administrator
        Instant start = Instant.parse("2003-01-01T09:00:00Z")
                .plus(ThreadLocalRandom.current().nextInt(3650), ChronoUnit.DAYS);
        Response entry = admin.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "%s", "end_time": "%s"}"""
                .formatted(project, start, start.plusSeconds(3600)));
        assertThat(entry.status()).as(entry.raw()).isEqualTo(201);
        long entryId = entry.body().get("time_entry").get("id").asLong();
        Response requested = admin.post("/api/v1/time-entries/" + entryId + "/request-approval",
                "{\"approver_ids\": [%d]}".formatted(createUser("manager")));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);

        // a change of a submitted entry cancels the request: two events of one aggregate in one insert
        Response changed = admin.put("/api/v1/time-entries/" + entryId, "{\"notes\": \"changed\"}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);

        assertThat(jdbc.queryForObject("""
                SELECT count(DISTINCT xact_id) = 1 AND count(*) = 2 FROM domain_event_entry
                WHERE aggregate_identifier = ? AND sequence_number IN (2, 3)""", Boolean.class,
                AggregateIds.of(AggregateIds.TIME_ENTRY, entryId))).isTrue();
        assertIntact();
    }

    @Test
    void anEventChangedInTheDatabaseIsTheFirstBreak() {
        String aggregate = clientWithThreeEvents();
        long changed = globalIndex(aggregate, 1);
        assertIntact();

        byte[] payload = jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = ?",
                byte[].class, changed);
        try {
            jdbc.update("""
                    UPDATE domain_event_entry
                    SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'Renamed', 'Forged'), 'UTF8')
                    WHERE global_index = ?""", changed);

            JsonNode integrity = integrity();
            assertThat(integrity.get("intact").asBoolean()).isFalse();
            assertThat(integrity.get("events_broken").asLong()).isEqualTo(1);
            JsonNode first = integrity.get("first_break");
            assertThat(first.get("aggregate_identifier").asString()).isEqualTo(aggregate);
            assertThat(first.get("aggregate_type").asString()).isEqualTo("ClientAggregate");
            assertThat(first.get("sequence_number").asLong()).isEqualTo(1);
            assertThat(first.get("global_index").asLong()).isEqualTo(changed);
            assertThat(first.get("event_type").asString()).isEqualTo("ClientUpdated");
            assertThat(first.get("mismatch").asString()).isEqualTo("hash");
            assertThat(first.get("previous_sequence_number").asLong()).isZero();
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", payload, changed);
        }
        assertIntact();
    }

    @Test
    void anEventRemovedFromTheMiddleOfAChainBreaksTheEventAfterIt() {
        String aggregate = clientWithThreeEvents();
        long removed = globalIndex(aggregate, 1);
        long after = globalIndex(aggregate, 2);
        assertIntact();

        // the whole row, every column as stored, to put back afterwards (the trigger gives it the same hash again)
        String row = jdbc.queryForObject(
                "DELETE FROM domain_event_entry e WHERE global_index = ? RETURNING row_to_json(e)::text",
                String.class, removed);
        try {
            JsonNode integrity = integrity();
            assertThat(integrity.get("intact").asBoolean()).isFalse();
            JsonNode first = integrity.get("first_break");
            assertThat(first.get("aggregate_identifier").asString()).isEqualTo(aggregate);
            assertThat(first.get("sequence_number").asLong()).isEqualTo(2);
            assertThat(first.get("global_index").asLong()).isEqualTo(after);
            assertThat(first.get("mismatch").asString()).isEqualTo("sequence");
            assertThat(first.get("previous_sequence_number").asLong()).isZero();
        } finally {
            jdbc.update("""
                    INSERT INTO domain_event_entry
                    SELECT * FROM json_populate_record(NULL::domain_event_entry, ?::json)""", row);
        }
        assertIntact();
    }

    @Test
    void onlyAdministratorsMayCheck() {
        Response refused = newCaller("user", "read:*,write:*").get(INTEGRITY);

        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("forbidden");
    }

    /** A client created, then renamed twice: its events 0, 1 and 2. */
    private String clientWithThreeEvents() {
        long id = createClient(unique("Integrity"));
        for (String name : new String[] {"Renamed once", "Renamed twice"}) {
            Response renamed = admin.put("/api/v1/clients/" + id, "{\"name\": \"%s\"}".formatted(unique(name)));
            assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        }
        return AggregateIds.of(AggregateIds.CLIENT, id);
    }

    private long globalIndex(String aggregate, long sequenceNumber) {
        return jdbc.queryForObject("""
                SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?""",
                Long.class, aggregate, sequenceNumber);
    }

    private void assertIntact() {
        JsonNode integrity = integrity();
        assertThat(integrity.get("intact").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.get("events_broken").asLong()).isZero();
        assertThat(integrity.get("first_break").isNull()).isTrue();
        assertThat(integrity.get("events_verified").asLong()).isPositive();
        assertThat(integrity.get("head").asLong()).isPositive();
    }

    private JsonNode integrity() {
        Response response = admin.get(INTEGRITY);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().get("integrity");
    }
}
