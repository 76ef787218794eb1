package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimeEntryBulkApiTest extends TimeEntryTestSupport {

    @Test
    void bulkActionsApplyPerEntryAndReportEachOutcome() {
        Person yara = newPerson();
        Person zeke = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        long first = created(yara.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(600))));
        long second = created(yara.api().post("/api/v1/time-entries",
                entry(projectId, start.plusSeconds(600), start.plusSeconds(1200))));
        long foreign = created(zeke.api().post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(600))));

        Response billable = yara.api().sendingInvalidInput().post("/api/v1/time-entries/bulk", """
                {"entry_ids": [%d, "%d", %d, 987654321], "action": "set_billable", "value": false}"""
                .formatted(first, second, foreign));

        assertThat(billable.status()).as(billable.raw()).isEqualTo(200);
        assertThat(billable.body().get("success").asBoolean()).isTrue();
        assertThat(billable.body().get("affected").asInt()).isEqualTo(2);
        JsonNode results = billable.body().get("results");
        assertThat(results.get(0).get("id").asLong()).isEqualTo(first);
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(0).has("error_code")).isFalse();
        assertThat(results.get(2).get("success").asBoolean()).isFalse();
        assertThat(results.get(2).get("error_code").asString()).isEqualTo("not_found");
        assertThat(results.get(3).get("error_code").asString()).isEqualTo("not_found");
        assertThat(entry(yara, first).get("billable").asBoolean()).isFalse();
        assertThat(entry(zeke, foreign).get("billable").asBoolean()).isTrue();

        bulk(yara, "{\"entry_ids\": [%d, %d], \"action\": \"set_paid\", \"value\": true}".formatted(first, second));
        assertThat(entry(yara, second).get("paid").asBoolean()).isTrue();

        bulk(yara, "{\"entry_ids\": [%d, %d], \"action\": \"add_tag\", \"value\": \"Urgent\"}".formatted(first, second));
        bulk(yara, "{\"entry_ids\": [%d], \"action\": \"add_tag\", \"value\": \"ops\"}".formatted(first));
        assertThat(entry(yara, first).get("tags").asString()).isEqualTo("Urgent,ops");
        bulk(yara, "{\"entry_ids\": [%d], \"action\": \"remove_tag\", \"value\": \"urgent\"}".formatted(first));
        assertThat(entry(yara, first).get("tags").asString()).isEqualTo("ops");
        assertThat(entry(yara, second).get("tags").asString()).isEqualTo("Urgent");

        Response deleted = yara.api().post("/api/v1/time-entries/bulk",
                "{\"entry_ids\": [%d, %d], \"action\": \"delete\"}".formatted(first, foreign));
        assertThat(deleted.body().get("affected").asInt()).isEqualTo(1);
        assertError(yara.api().get("/api/v1/time-entries/" + first), 404, "not_found");
        assertThat(zeke.api().get("/api/v1/time-entries/" + foreign).status()).isEqualTo(200);
    }

    @Test
    void aRunningEntryIsNotBulkDeleted() {
        Person abe = newPerson();
        long projectId = newProject();
        long running = created(abe.api().post("/api/v1/time-entries",
                "{\"project_id\": %d, \"start_time\": \"%s\"}".formatted(projectId, freshDay())));

        Response response = abe.api().post("/api/v1/time-entries/bulk",
                "{\"entry_ids\": [%d], \"action\": \"delete\"}".formatted(running));

        assertThat(response.body().get("affected").asInt()).isZero();
        assertThat(response.body().get("results").get(0).get("error_code").asString()).isEqualTo("invalid_state");
        assertThat(abe.api().get("/api/v1/time-entries/" + running).status()).isEqualTo(200);
    }

    @Test
    void malformedBulkRequestsAreValidationErrors() {
        Person bea = newPerson();

        assertFields(bea.api().sendingInvalidInput().post("/api/v1/time-entries/bulk", "{}"), "entry_ids", "action");
        assertFields(bea.api().sendingInvalidInput().post("/api/v1/time-entries/bulk",
                "{\"entry_ids\": [1], \"action\": \"explode\"}"),
                "action");
        assertFields(bea.api().sendingInvalidInput().post("/api/v1/time-entries/bulk",
                "{\"entry_ids\": [1], \"action\": \"set_paid\"}"),
                "value");
        assertFields(bea.api().sendingInvalidInput().post("/api/v1/time-entries/bulk",
                "{\"entry_ids\": \"1\", \"action\": \"delete\"}"),
                "entry_ids");
        assertFields(bea.api().sendingInvalidInput().post("/api/v1/time-entries/bulk",
                "{\"entry_ids\": [], \"action\": \"delete\"}"),
                "entry_ids");
    }

    private void bulk(Person person, String body) {
        Response response = person.api().post("/api/v1/time-entries/bulk", body);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.body().get("results").valueStream().allMatch(result -> result.get("success").asBoolean()))
                .as(response.raw()).isTrue();
    }

    private static JsonNode entry(Person person, long id) {
        return person.api().get("/api/v1/time-entries/" + id).body().get("time_entry");
    }

    private static void assertFields(Response response, String... fields) {
        assertError(response, 400, "validation_error");
        assertThat(response.body().get("errors").propertyNames()).contains(fields);
    }
}
