package io.timetracker.api.project;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract §4, projects. */
class ProjectApiTest extends EndToEndTest {

    private static final List<String> PROJECT_FIELDS = List.of("id", "name", "code", "client_id", "client",
            "description", "billable", "hourly_rate", "billing_ref", "status", "estimated_hours", "budget_amount",
            "budget_threshold_percent", "manager_id", "total_hours", "total_billable_hours", "is_archived",
            "archived_at", "created_at", "updated_at");

    @Test
    void createAppliesTheDefaultsAndAnswersWithLocationAndEtag() {
        String clientName = unique("Owner");
        long clientId = createClient(clientName);
        String name = unique("Apollo");

        Response created = admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(name, clientId));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("message").asString()).isEqualTo("Project created successfully");
        JsonNode project = created.body().get("project");
        assertThat(project.propertyNames()).containsAll(PROJECT_FIELDS);
        assertThat(created.header("Location")).isEqualTo("/api/v1/projects/" + project.get("id").asLong());
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(project.get("name").asString()).isEqualTo(name);
        assertThat(project.get("client").asString()).isEqualTo(clientName);
        assertThat(project.get("billable").asBoolean()).isTrue();
        assertThat(project.get("budget_threshold_percent").asInt()).isEqualTo(80);
        assertThat(project.get("status").asString()).isEqualTo("active");
        assertThat(project.get("is_archived").asBoolean()).isFalse();
        assertThat(project.get("code").isNull()).isTrue();
    }

    @Test
    void everyFieldIsStoredAsGiven() {
        long clientId = createClient(unique("Full"));
        long managerId = createUser("manager");

        JsonNode project = admin.post("/api/v1/projects", """
                {"name": "%s", "client_id": %d, "description": "d", "billable": false, "hourly_rate": 95.5,
                 "billing_ref": "PO-1", "code": "ap-%s", "estimated_hours": 120, "budget_amount": 10000,
                 "budget_threshold_percent": 0, "manager_id": %d}"""
                .formatted(unique("Full"), clientId, unique("").strip().substring(0, 6), managerId))
                .body().get("project");

        assertThat(project.get("billable").asBoolean()).isFalse();
        assertThat(project.get("hourly_rate").asDouble()).isEqualTo(95.5);
        assertThat(project.get("billing_ref").asString()).isEqualTo("PO-1");
        assertThat(project.get("code").asString()).startsWith("AP-").isUpperCase();
        assertThat(project.get("estimated_hours").asDouble()).isEqualTo(120.0);
        assertThat(project.get("budget_amount").asDouble()).isEqualTo(10000.0);
        assertThat(project.get("budget_threshold_percent").asInt()).isZero();
        assertThat(project.get("manager_id").asLong()).isEqualTo(managerId);
    }

    @Test
    void theListFiltersByStatusAndClient() {
        long clientId = createClient(unique("Filtered"));
        long otherClient = createClient(unique("Other"));
        long active = createProject(unique("Active"), clientId);
        long inactive = createProject(unique("Inactive"), clientId);
        long archived = createProject(unique("Archived"), clientId);
        createProject(unique("Elsewhere"), otherClient);
        assertThat(admin.patch("/api/v1/projects/" + inactive, "{\"status\": \"inactive\"}").status()).isEqualTo(200);
        assertThat(admin.delete("/api/v1/projects/" + archived).status()).isEqualTo(200);
        String list = "/api/v1/projects?client_id=" + clientId;

        assertThat(ids(admin.get(list))).containsExactly(active);
        assertThat(ids(admin.get(list + "&status=active"))).containsExactly(active);
        assertThat(ids(admin.get(list + "&status=inactive"))).containsExactly(inactive);
        assertThat(ids(admin.get(list + "&status=archived"))).containsExactly(archived);
        assertThat(ids(admin.get(list + "&status=all"))).containsExactlyInAnyOrder(active, inactive, archived);
        Response bogus = admin.sendingInvalidInput().get(list + "&status=finished");
        assertThat(bogus.status()).isEqualTo(400);
        assertThat(bogus.body().get("errors").has("status")).isTrue();
        assertThat(admin.sendingInvalidInput().get("/api/v1/projects?client_id=abc").status()).isEqualTo(400);
    }

    @Test
    void theListIsOrderedByNameRegardlessOfCaseThenById() {
        long clientId = createClient(unique("Ordered"));
        long gamma = createProject("Gamma", clientId);
        long alpha = createProject("alpha", clientId);
        long beta = createProject("Beta", clientId);

        assertThat(ids(admin.get("/api/v1/projects?client_id=" + clientId))).containsExactly(alpha, beta, gamma);

        String shared = unique("Twin");
        long first = createProject(shared, createClient(unique("Twin owner")));
        long second = createProject(shared, createClient(unique("Twin owner")));
        assertThat(allProjects().stream().filter(p -> p.get("name").asString().equals(shared))
                .map(p -> p.get("id").asLong()).toList()).containsExactly(first, second);
    }

    @Test
    void aNameIsRequiredAndAtMost200Characters() {
        long clientId = createClient(unique("Named"));

        Response missing = admin.sendingInvalidInput().post("/api/v1/projects",
                "{\"client_id\": %d}".formatted(clientId));
        Response blank = admin.sendingInvalidInput().post("/api/v1/projects",
                "{\"name\": \"  \", \"client_id\": %d}".formatted(clientId));
        Response tooLong = admin.sendingInvalidInput().post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted("n".repeat(201), clientId));
        Response longest = admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted("n".repeat(200), clientId));

        for (Response invalid : List.of(missing, blank, tooLong)) {
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body().get("errors").propertyNames()).containsExactly("name");
        }
        assertThat(longest.status()).isEqualTo(201);
    }

    @Test
    void aNameIsUniquePerClientRegardlessOfCase() {
        long clientId = createClient(unique("Unique"));
        String name = unique("Hermes");
        createProject(name, clientId);

        Response duplicate = admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(name.toUpperCase(), clientId));
        Response otherClient = admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(name, createClient(unique("Second"))));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("error_code").asString()).isEqualTo("conflict");
        assertThat(otherClient.status()).isEqualTo(201);
    }

    @Test
    void aRenameOntoATakenNameIsAConflictAndFreesNothing() {
        long clientId = createClient(unique("Rename"));
        String taken = unique("Taken");
        createProject(taken, clientId);
        long other = createProject(unique("Other"), clientId);

        Response rename = admin.patch("/api/v1/projects/" + other, "{\"name\": \"%s\"}".formatted(taken.toLowerCase()));

        assertThat(rename.status()).isEqualTo(409);
        assertThat(admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d}".formatted(taken, clientId))
                .status()).isEqualTo(409);
    }

    @Test
    void aCodeIsStoredUpperCaseUniqueAndAtMost20Characters() {
        String code = "c" + unique("").strip().substring(0, 8);
        long clientId = createClient(unique("Coded"));

        Response created = admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d, \"code\": \"%s\"}"
                .formatted(unique("Coded"), clientId, code));
        Response duplicate = admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d, \"code\": \"%s\"}"
                .formatted(unique("Coded"), createClient(unique("Elsewhere")), code.toUpperCase()));
        Response tooLong = admin.sendingInvalidInput().post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d, \"code\": \"%s\"}"
                .formatted(unique("Coded"), clientId, "x".repeat(21)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("project").get("code").asString()).isEqualTo(code.toUpperCase());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").propertyNames()).containsExactly("code");
    }

    @Test
    void theClientMustExistAndBeActive() {
        long archivedClient = createClient(unique("Gone"));
        admin.delete("/api/v1/clients/" + archivedClient);

        for (String clientId : List.of("999999999", String.valueOf(archivedClient))) {
            Response refused = admin.post("/api/v1/projects",
                    "{\"name\": \"%s\", \"client_id\": %s}".formatted(unique("Orphan"), clientId));

            assertThat(refused.status()).as(clientId).isEqualTo(400);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("validation_error");
            assertThat(refused.body().get("errors").propertyNames()).containsExactly("client_id");
        }
        Response missing = admin.sendingInvalidInput().post("/api/v1/projects",
                "{\"name\": \"%s\"}".formatted(unique("No client")));
        assertThat(missing.body().get("errors").propertyNames()).containsExactly("client_id");
    }

    @Test
    void theManagerMustBeAnActiveUser() {
        long clientId = createClient(unique("Managed"));
        long inactiveUser = createUser("manager");
        assertThat(admin.patch("/api/v1/users/" + inactiveUser, "{\"is_active\": false}").status()).isEqualTo(200);

        for (long managerId : List.of(999999999L, inactiveUser)) {
            Response refused = admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d, \"manager_id\": %d}"
                    .formatted(unique("Managed"), clientId, managerId));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("errors").propertyNames()).containsExactly("manager_id");
        }
    }

    @Test
    void theBudgetThresholdIsAPercentage() {
        long clientId = createClient(unique("Budget"));

        for (int threshold : List.of(-1, 101)) {
            Response refused = admin.sendingInvalidInput().post("/api/v1/projects",
                    "{\"name\": \"%s\", \"client_id\": %d, \"budget_threshold_percent\": %d}"
                            .formatted(unique("Budget"), clientId, threshold));

            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("errors").propertyNames()).containsExactly("budget_threshold_percent");
        }
        Response full = admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d, \"budget_threshold_percent\": 100}"
                        .formatted(unique("Budget"), clientId));
        assertThat(full.body().get("project").get("budget_threshold_percent").asInt()).isEqualTo(100);
    }

    @Test
    void putAndPatchChangeOnlyTheGivenFieldsIncludingStatus() {
        long clientId = createClient(unique("Partial"));
        String name = unique("Partial");
        long id = createProject(name, clientId);

        Response patched = admin.patch("/api/v1/projects/" + id, "{\"description\": \"first\", \"billable\": false}");
        Response put = admin.sendingInvalidInput().put("/api/v1/projects/" + id,
                "{\"status\": \"inactive\", \"hourly_rate\": \"80\"}");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.body().get("message").asString()).isEqualTo("Project updated successfully");
        JsonNode project = put.body().get("project");
        assertThat(project.get("name").asString()).isEqualTo(name);
        assertThat(project.get("description").asString()).isEqualTo("first");
        assertThat(project.get("billable").asBoolean()).isFalse();
        assertThat(project.get("status").asString()).isEqualTo("inactive");
        assertThat(project.get("hourly_rate").asDouble()).isEqualTo(80.0);
        assertThat(put.header("ETag")).isEqualTo("\"3\"");
        Response badStatus = admin.sendingInvalidInput().patch("/api/v1/projects/" + id, "{\"status\": \"done\"}");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().get("errors").propertyNames()).containsExactly("status");
    }

    @Test
    void deleteArchivesAndRecordsWhoAndWhen() {
        long userId = createUser("user");
        ApiClient manager = admin.as(tokenFor(userId, "read:projects,write:projects"));
        long id = createProject(unique("Archive me"), createClient(unique("Archiver")));

        Response deleted = manager.delete("/api/v1/projects/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("message").asString()).isEqualTo("Project archived successfully");
        JsonNode project = manager.get("/api/v1/projects/" + id).body().get("project");
        assertThat(project.get("status").asString()).isEqualTo("archived");
        assertThat(project.get("is_archived").asBoolean()).isTrue();
        assertThat(OffsetDateTime.parse(project.get("archived_at").asString())).isNotNull();
        assertThat(admin.get("/api/v1/projects/" + id).body().get("project").get("archived_at").asString())
                .isEqualTo(project.get("archived_at").asString());
        assertThat(project.get("archived_by").asLong()).isEqualTo(userId);
    }

    @Test
    void aStaleIfMatchIsAConflictOnUpdateAndDelete() {
        long id = createProject(unique("Guarded"), createClient(unique("Guarded")));
        admin.patch("/api/v1/projects/" + id, "{\"description\": \"v1\"}");
        ApiClient stale = admin.withHeader("If-Match", "\"0\"");

        assertThat(stale.patch("/api/v1/projects/" + id, "{\"description\": \"lost\"}").status()).isEqualTo(409);
        assertThat(stale.delete("/api/v1/projects/" + id).status()).isEqualTo(409);
        assertThat(admin.get("/api/v1/projects/" + id).body().get("project").get("description").asString())
                .isEqualTo("v1");
        assertThat(admin.withHeader("If-Match", "\"1\"").delete("/api/v1/projects/" + id).status()).isEqualTo(200);
    }

    @Test
    void scopesAreEnforcedAndWriteDoesNotImplyRead() {
        long clientId = createClient(unique("Scoped"));
        ApiClient writer = newCaller("user", "write:projects");
        ApiClient reader = newCaller("user", "read:projects");

        Response listed = writer.get("/api/v1/projects");
        Response created = writer.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(unique("Scoped"), clientId));
        Response readerCreates = reader.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(unique("Scoped"), clientId));

        assertThat(listed.status()).isEqualTo(403);
        assertThat(listed.body().get("required_scope").asString()).isEqualTo("read:projects");
        assertThat(created.status()).isEqualTo(201);
        assertThat(writer.get(created.header("Location")).status()).isEqualTo(403);
        assertThat(readerCreates.status()).isEqualTo(403);
        assertThat(readerCreates.body().get("required_scope").asString()).isEqualTo("write:projects");
        assertThat(reader.get(created.header("Location")).status()).isEqualTo(200);
    }

    @Test
    void anUnknownProjectIs404() {
        for (Response missing : List.of(admin.get("/api/v1/projects/999999999"),
                admin.patch("/api/v1/projects/999999999", "{\"description\": \"x\"}"),
                admin.delete("/api/v1/projects/999999999"))) {
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body().get("error_code").asString()).isEqualTo("not_found");
        }
    }

    @Test
    void parallelCreatesOfOneNameUnderOneClientGiveExactlyOneProject() throws Exception {
        long clientId = createClient(unique("Race"));
        String name = unique("Race");
        List<Integer> statuses = inParallel(10, i -> admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(name, clientId))).stream()
                .map(Response::status).toList();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(9);
        assertThat(ids(admin.get("/api/v1/projects?client_id=" + clientId))).hasSize(1);
    }

    @Test
    void parallelPatchesOfDifferentFieldsAllLand() throws Exception {
        long id = createProject(unique("Busy"), createClient(unique("Busy")));
        Map<String, String> fields = Map.of("description", "\"described\"", "billing_ref", "\"REF-9\"",
                "hourly_rate", "99", "estimated_hours", "42", "budget_amount", "5000", "budget_threshold_percent", "55");
        List<Map.Entry<String, String>> changes = new ArrayList<>(fields.entrySet());

        List<Response> responses = inParallel(changes.size(), i -> admin.patch("/api/v1/projects/" + id,
                "{\"%s\": %s}".formatted(changes.get(i).getKey(), changes.get(i).getValue())));

        assertThat(responses).extracting(Response::status).containsOnly(200);
        Response merged = admin.get("/api/v1/projects/" + id);
        JsonNode project = merged.body().get("project");
        assertThat(project.get("description").asString()).isEqualTo("described");
        assertThat(project.get("billing_ref").asString()).isEqualTo("REF-9");
        assertThat(project.get("hourly_rate").asDouble()).isEqualTo(99.0);
        assertThat(project.get("estimated_hours").asDouble()).isEqualTo(42.0);
        assertThat(project.get("budget_amount").asDouble()).isEqualTo(5000.0);
        assertThat(project.get("budget_threshold_percent").asInt()).isEqualTo(55);
        assertThat(merged.header("ETag")).isEqualTo("\"" + changes.size() + "\"");
    }

    @Test
    void parallelPatchesOfAClientAndAUserAllLandToo() throws Exception {
        long clientId = createClient(unique("Busy client"));
        List<String> clientChanges = List.of("{\"phone\": \"1\"}", "{\"email\": \"a@b.test\"}",
                "{\"company\": \"C\"}", "{\"address\": \"Street 1\"}");
        long userId = createUser("user");
        List<String> userChanges = List.of("{\"full_name\": \"Full Name\"}", "{\"email\": \"u@b.test\"}",
                "{\"timezone\": \"Europe/Berlin\"}");

        List<Response> clients = inParallel(clientChanges.size(),
                i -> admin.patch("/api/v1/clients/" + clientId, clientChanges.get(i)));
        List<Response> users = inParallel(userChanges.size(),
                i -> admin.patch("/api/v1/users/" + userId, userChanges.get(i)));

        assertThat(clients).extracting(Response::status).containsOnly(200);
        assertThat(users).extracting(Response::status).containsOnly(200);
        JsonNode client = admin.get("/api/v1/clients/" + clientId).body().get("client");
        assertThat(List.of(client.get("phone").asString(), client.get("email").asString(),
                client.get("company").asString(), client.get("address").asString()))
                .containsExactly("1", "a@b.test", "C", "Street 1");
        JsonNode user = admin.get("/api/v1/users/" + userId).body().get("user");
        assertThat(List.of(user.get("full_name").asString(), user.get("email").asString(),
                user.get("timezone").asString())).containsExactly("Full Name", "u@b.test", "Europe/Berlin");
    }

    private interface Call {
        Response run(int index);
    }

    private static List<Response> inParallel(int count, Call call) throws Exception {
        List<Callable<Response>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            calls.add(() -> call.run(index));
        }
        return inParallel(calls);
    }

    private List<JsonNode> allProjects() {
        List<JsonNode> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode body = admin.get("/api/v1/projects?status=all&per_page=100&page=" + page).body();
            body.get("projects").forEach(all::add);
            if (!body.get("pagination").get("has_next").asBoolean()) {
                return all;
            }
        }
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body().get("projects").valueStream().map(project -> project.get("id").asLong()).toList();
    }
}
