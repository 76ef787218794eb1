package io.timetracker.api.timeentry;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.SecondApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: the test context's and a second instance started beside it. A write acknowledged by
 * either is visible on the other at once, with no waiting, and the rules across aggregates hold under parallel
 * requests spread over both: one running timer, no overlap, unique names, one primary contact, a single conversion
 * of a lead.
 */
class TwoNodesApiTest extends TimeEntryTestSupport {

    private static SecondApplication secondNode;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSecondNode(@Autowired DataSource dataSource) {
        secondNode = SecondApplication.startOnSameDatabase(dataSource,
                "timetracker.rate-limit.per-minute=100000", "timetracker.rate-limit.per-hour=1000000");
        secondNode.started();
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    /** Rounds of each race over both nodes: a race lost to timing once should not pass by luck. */
    private static final int ROUNDS = 3;

    private static ApiClient onSecondNode(ApiClient client) {
        return client.on(secondNode.port());
    }

    /** Request {@code i} of a race: the even ones to the test context's node, the odd ones to the second. */
    private static ApiClient onEitherNode(ApiClient client, int i) {
        return i % 2 == 0 ? client : onSecondNode(client);
    }

    private static List<ApiClient> bothNodes(ApiClient client) {
        return List.of(client, onSecondNode(client));
    }

    @Test
    void eachWriteIsReadOnTheOtherNodeAtOnce() {
        Person yara = newPerson();
        long projectId = newProject();
        Instant day = freshDay();
        for (int i = 0; i < 10; i++) {
            ApiClient writer = i % 2 == 0 ? yara.api() : onSecondNode(yara.api());
            ApiClient reader = i % 2 == 0 ? onSecondNode(yara.api()) : yara.api();
            Instant start = day.plusSeconds(i * 3600L);

            long id = created(writer.post("/api/v1/time-entries", entry(projectId, start, start.plusSeconds(1800))));
            assertThat(reader.get("/api/v1/time-entries/" + id).status()).isEqualTo(200);
            assertThat(reader.get("/api/v1/time-entries").body().get("pagination").get("total").asLong())
                    .isEqualTo(i + 1);
            assertThat(onSecondNode(admin).get("/api/v1/projects/" + projectId).body().get("project")
                    .get("total_hours").asDouble()).isEqualTo((i + 1) * 0.5);

            Response updated = reader.patch("/api/v1/time-entries/" + id, "{\"notes\": \"seen on the other node\"}");
            assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
            assertThat(writer.get("/api/v1/time-entries/" + id).body().get("time_entry").get("notes").asString())
                    .isEqualTo("seen on the other node");
        }

        long last = yara.api().get("/api/v1/time-entries").body().get("time_entries").get(0).get("id").asLong();
        assertThat(yara.api().delete("/api/v1/time-entries/" + last).status()).isEqualTo(200);
        assertThat(onSecondNode(yara.api()).get("/api/v1/time-entries/" + last).status()).isEqualTo(404);
    }

    @Test
    void parallelTimerStartsOnBothNodesGiveExactlyOneTimer() throws Exception {
        Person zeno = newPerson();
        long projectId = newProject();
        String body = "{\"project_id\": %d}".formatted(projectId);
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ApiClient node = onEitherNode(zeno.api(), i);
            attempts.add(() -> node.post("/api/v1/timer/start", body));
        }

        List<Response> responses = inParallel(attempts);

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409).hasSize(11);
        long winner = responses.stream().filter(response -> response.status() == 201).findFirst().orElseThrow()
                .body().get("timer").get("id").asLong();
        for (ApiClient node : bothNodes(zeno.api())) {
            assertThat(node.get("/api/v1/timer/status").body().get("timer").get("id").asLong()).isEqualTo(winner);
        }
    }

    @Test
    void parallelOverlappingEntriesOnBothNodesGiveExactlyOneEntry() throws Exception {
        Person abel = newPerson();
        long projectId = newProject();
        Instant start = freshDay();
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ApiClient node = onEitherNode(abel.api(), i);
            Instant from = start.plusSeconds(i * 60L);
            attempts.add(() -> node.post("/api/v1/time-entries", entry(projectId, from, from.plusSeconds(3600))));
        }

        List<Response> responses = inParallel(attempts);

        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() == 409
                && response.body().get("error_code").asString().equals("conflict")).hasSize(9);
    }

    @Test
    void parallelBookingsOnOneProjectFromBothNodesAllCount() throws Exception {
        long projectId = newProject();
        List<Person> people = List.of(newPerson(), newPerson(), newPerson(), newPerson());
        Instant start = freshDay();
        List<Callable<Response>> bookings = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Person person = people.get(i % people.size());
            ApiClient node = onEitherNode(person.api(), i);
            Instant from = start.plusSeconds(i / people.size() * 3600L);
            bookings.add(() -> node.post("/api/v1/time-entries", entry(projectId, from, from.plusSeconds(1800))));
        }

        List<Response> responses = inParallel(bookings);

        assertThat(responses).allSatisfy(response -> assertThat(response.status()).as(response.raw()).isEqualTo(201));
        for (ApiClient node : bothNodes(admin)) {
            assertThat(node.get("/api/v1/projects/" + projectId).body().get("project").get("total_hours").asDouble())
                    .isEqualTo(12.0);
            assertThat(node.get("/api/v1/time-entries?project_id=" + projectId).body().get("pagination")
                    .get("total").asLong()).isEqualTo(24);
        }
    }

    @Test
    void parallelCreatesOfOneClientNameOnBothNodesGiveExactlyOneClient() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String name = unique("Twin client");
            List<Callable<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ApiClient node = onEitherNode(admin, i);
                // the same name in other cases: the rule is case-insensitive
                String spelled = i % 4 < 2 ? name : name.toUpperCase();
                attempts.add(() -> node.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(spelled)));
            }

            List<Response> responses = inParallel(attempts);

            long clientId = createdId(responses, "client");
            assertThat(clientsNamed(name)).containsExactly(clientId);
            for (ApiClient node : bothNodes(admin)) {
                assertThat(node.get("/api/v1/clients/" + clientId).status()).isEqualTo(200);
            }
        }
    }

    @Test
    void parallelCreatesOfOneProjectNameOfAClientOnBothNodesGiveExactlyOneProject() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long clientId = createClient(unique("Owner"));
            String name = unique("Twin project");
            String body = "{\"name\": \"%s\", \"client_id\": %d}".formatted(name, clientId);
            List<Callable<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ApiClient node = onEitherNode(admin, i);
                attempts.add(() -> node.post("/api/v1/projects", body));
            }

            List<Response> responses = inParallel(attempts);

            long projectId = createdId(responses, "project");
            for (ApiClient node : bothNodes(admin)) {
                assertThat(node.get("/api/v1/projects?client_id=" + clientId).body().get("projects").valueStream()
                        .map(project -> project.get("id").asLong())).containsExactly(projectId);
            }
        }
    }

    @Test
    void parallelPrimaryContactsOfAClientOnBothNodesLeaveExactlyOnePrimary() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            long clientId = createClient(unique("Primary race"));
            String contacts = "/api/v1/clients/" + clientId + "/contacts";
            List<Long> existing = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Response created = admin.post(contacts, "{\"name\": \"Existing %d\"}".formatted(i));
                assertThat(created.status()).as(created.raw()).isEqualTo(201);
                existing.add(created.body().get("contact").get("id").asLong());
            }
            List<Callable<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                ApiClient node = onEitherNode(admin, i);
                // half promote an existing contact, half create a new primary one
                String promoted = "/api/v1/contacts/" + existing.get(i / 2);
                String newcomer = "{\"name\": \"Newcomer %d\", \"is_primary\": true}".formatted(i);
                attempts.add(i % 4 < 2 ? () -> node.patch(promoted, "{\"is_primary\": true}")
                        : () -> node.post(contacts, newcomer));
            }

            List<Response> responses = inParallel(attempts);

            assertThat(responses).allSatisfy(response ->
                    assertThat(response.status()).as(response.raw()).isIn(200, 201));
            for (ApiClient node : bothNodes(admin)) {
                assertThat(node.get(contacts + "?per_page=100").body().get("contacts").valueStream()
                        .filter(contact -> contact.get("is_primary").asBoolean())).hasSize(1);
            }
        }
    }

    @Test
    void parallelConversionsOfALeadOnBothNodesConvertItOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String company = unique("Converted Co");
            Response lead = admin.post("/api/v1/leads",
                    "{\"first_name\": \"Le\", \"last_name\": \"Ad\", \"company_name\": \"%s\"}"
                            .formatted(company));
            assertThat(lead.status()).as(lead.raw()).isEqualTo(201);
            String convert = "/api/v1/leads/" + lead.body().get("lead").get("id").asLong() + "/convert-to-client";
            List<Callable<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ApiClient node = onEitherNode(admin, i);
                attempts.add(() -> node.post(convert, null));
            }

            List<Response> responses = inParallel(attempts);

            long clientId = createdId(responses, "client");
            assertThat(clientsNamed(company)).containsExactly(clientId);
            for (ApiClient node : bothNodes(admin)) {
                assertThat(node.get("/api/v1/clients/" + clientId + "/contacts").body().get("contacts")).hasSize(1);
            }
        }
    }

    /** Exactly one of the racing {@code responses} created something, each other one is the contract's 409. */
    private static long createdId(List<Response> responses, String resource) {
        assertThat(responses).filteredOn(response -> response.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(response -> response.status() != 201).allSatisfy(response -> {
            assertThat(response.status()).as(response.raw()).isEqualTo(409);
            assertThat(response.body().get("error_code").asString()).isEqualTo("conflict");
        });
        return responses.stream().filter(response -> response.status() == 201).findFirst().orElseThrow()
                .body().get(resource).get("id").asLong();
    }

    /** Ids of the clients of that name in any case, as stored (a list shows at most a page). */
    private List<Long> clientsNamed(String name) {
        return jdbc.queryForList("SELECT id FROM clients WHERE lower(name) = lower(?)", Long.class, name);
    }
}
