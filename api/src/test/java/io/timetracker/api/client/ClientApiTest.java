package io.timetracker.api.client;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class ClientApiTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void createReturnsTheClientWithLocationAndEtag() {
        String name = unique("Acme");
        Response created = admin.sendingInvalidInput().post("/api/v1/clients", """
                {"name": "%s", "email": "billing@acme.test", "default_hourly_rate": "120.5",
                 "custom_fields": {"vat": "DE123"}, "colour": "red"}""".formatted(name));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("message").asString()).isEqualTo("Client created successfully");
        long id = created.body().get("client").get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/clients/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.header("X-Ignored-Fields")).isEqualTo("colour");
        assertThat(created.body().get("client").get("default_hourly_rate").asDouble()).isEqualTo(120.5);
        assertThat(created.body().get("client").get("custom_fields").get("vat").asString()).isEqualTo("DE123");
        assertThat(created.body().get("client").get("status").asString()).isEqualTo("active");

        Response fetched = admin.get("/api/v1/clients/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().get("client").get("name").asString()).isEqualTo(name);
    }

    @Test
    void namesAreUniqueRegardlessOfCase() {
        String name = unique("Globex");
        createClient(name);

        Response duplicate = admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name.toUpperCase()));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("error_code").asString()).isEqualTo("conflict");
    }

    @Test
    void twentyParallelCreatesOfOneNameGiveExactlyOneClient() throws Exception {
        String name = unique("Race");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            attempts.add(() -> admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name)).status());
        }
        List<Integer> statuses = inParallel(attempts);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(19);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM clients WHERE name = ?", Integer.class, name))
                .isEqualTo(1);
    }

    @Test
    void partialUpdateChangesOnlyTheGivenFieldsAndStaleIfMatchIsRefused() {
        long id = createClient(unique("Initech"));
        admin.patch("/api/v1/clients/" + id, "{\"phone\": \"+49 30 1234\"}");

        Response updated = admin.put("/api/v1/clients/" + id, "{\"email\": \"ap@initech.test\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("message").asString()).isEqualTo("Client updated successfully");
        assertThat(updated.body().get("client").get("phone").asString()).isEqualTo("+49 30 1234");
        assertThat(updated.body().get("client").get("email").asString()).isEqualTo("ap@initech.test");
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        Response stale = admin.withHeader("If-Match", "\"1\"").patch("/api/v1/clients/" + id, "{\"phone\": \"0\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("error_code").asString()).isEqualTo("conflict");
    }

    @Test
    void deleteArchivesAndTheListFiltersByStatus() {
        String name = unique("Umbrella");
        long id = createClient(name);

        Response deleted = admin.delete("/api/v1/clients/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("message").asString()).isEqualTo("Client archived successfully");
        assertThat(admin.get("/api/v1/clients/" + id).body().get("client").get("status").asString())
                .isEqualTo("inactive");
        assertThat(names(admin.get("/api/v1/clients?per_page=100"))).doesNotContain(name);
        assertThat(names(admin.get("/api/v1/clients?status=inactive&per_page=100"))).contains(name);
    }

    @Test
    void invalidInputNamesEveryBadField() {
        Response invalid = admin.sendingInvalidInput().post("/api/v1/clients",
                "{\"email\": \"not-an-email\", \"default_hourly_rate\": \"abc\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(invalid.body().get("errors").propertyNames())
                .containsExactlyInAnyOrder("name", "email", "default_hourly_rate");
    }

    @Test
    void unknownClientIs404() {
        Response missing = admin.get("/api/v1/clients/999999999");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("error_code").asString()).isEqualTo("not_found");
    }

    @Test
    void writeScopeWithoutReadScopeCannotList() {
        ApiClient writer = newCaller("user", "write:clients");

        Response listed = writer.get("/api/v1/clients");

        assertThat(listed.status()).isEqualTo(403);
        assertThat(listed.body().get("error").asString()).isEqualTo("Insufficient permissions");
        assertThat(listed.body().get("required_scope").asString()).isEqualTo("read:clients");
        assertThat(listed.body().get("available_scopes").get(0).asString()).isEqualTo("write:clients");
        assertThat(writer.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("W"))).status())
                .isEqualTo(201);
    }

    private static List<String> names(Response list) {
        return list.body().get("clients").valueStream().map(client -> client.get("name").asString()).toList();
    }
}
