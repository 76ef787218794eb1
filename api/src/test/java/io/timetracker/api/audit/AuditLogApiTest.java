package io.timetracker.api.audit;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §9: the audit log shows every change of every kind of resource with who, how and why, field by field,
 * filtered and paginated, for administrators only; and never a secret.
 */
class AuditLogApiTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyChangeIsARowWithWhoHowWhyAndItsFields() {
        String requestId = "audit-" + UUID.randomUUID();
        long clientId = createClient(unique("Audited"));
        Response created = admin.withHeader("X-Request-ID", requestId).withHeader("User-Agent", "audit-test/1.0")
                .post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d, \"hourly_rate\": 100}"
                        .formatted(unique("Audited"), clientId));
        long projectId = created.body().get("project").get("id").asLong();
        assertThat(admin.patch("/api/v1/projects/" + projectId,
                "{\"hourly_rate\": 120.5, \"description\": \"now billed\", \"reason\": \"new contract\"}")
                .status()).isEqualTo(200);

        JsonNode rows = auditLog("entity_type=project&entity_id=" + projectId).get("audit_logs");

        assertThat(rows.size()).isEqualTo(2);
        JsonNode update = rows.get(0);
        JsonNode creation = rows.get(1);
        assertThat(update.get("id").asLong()).isGreaterThan(creation.get("id").asLong());
        assertThat(update.propertyNames()).contains("id", "at", "entity_type", "entity_id", "action", "actor",
                "via_token", "request_id", "ip_address", "reason", "changes");
        assertThat(update.get("action").asString()).isEqualTo("updated");
        assertThat(update.get("reason").asString()).isEqualTo("new contract");
        assertThat(update.get("changes").propertyNames()).containsExactlyInAnyOrder("hourly_rate", "description");
        assertThat(update.get("changes").get("hourly_rate").get("from").asDouble()).isEqualTo(100.0);
        assertThat(update.get("changes").get("hourly_rate").get("to").asDouble()).isEqualTo(120.5);
        assertThat(update.get("changes").get("description").get("from").isNull()).isTrue();
        assertThat(creation.get("action").asString()).isEqualTo("created");
        assertThat(creation.get("entity_type").asString()).isEqualTo("project");
        assertThat(creation.get("entity_id").asLong()).isEqualTo(projectId);
        assertThat(creation.get("actor").get("username").asString()).isEqualTo("admin");
        assertThat(creation.get("via_token").asString()).isEqualTo(ApiClient.ADMIN_TOKEN.substring(0, 8));
        assertThat(creation.get("request_id").asString()).isEqualTo(requestId);
        assertThat(creation.get("ip_address").asString()).isEqualTo("127.0.0.1");
        assertThat(creation.get("user_agent").asString()).isEqualTo("audit-test/1.0");
        assertThat(creation.get("changes").get("client_id").get("to").asLong()).isEqualTo(clientId);
        assertThat(creation.get("changes").has("project_id")).as("the entity's own id is no change").isFalse();
        assertThat(creation.get("at").asString()).endsWith("Z");
    }

    @Test
    void everyKindOfResourceIsLogged() {
        long userId = createUser("user");
        String token = tokenFor(userId, "read:*,write:*");
        ApiClient user = admin.as(token);
        long clientId = createClient(unique("Kinds"));
        long projectId = createProject(unique("Kinds"), clientId);
        long taskId = user.post("/api/v1/tasks", "{\"name\": \"t\", \"project_id\": %d}".formatted(projectId))
                .body().get("task").get("id").asLong();
        long entryId = user.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2019-03-04T09:00:00Z", "end_time": "2019-03-04T10:00:00Z"}"""
                .formatted(projectId)).body().get("time_entry").get("id").asLong();
        assertThat(user.delete("/api/v1/tasks/" + taskId).status()).isEqualTo(200);
        assertThat(admin.patch("/api/v1/users/" + userId, "{\"is_active\": false}").status()).isEqualTo(200);

        assertThat(actions("user", userId)).containsExactly("deactivated", "created");
        assertThat(auditLog("entity_type=user&entity_id=" + userId).get("audit_logs").get(0).get("changes")
                .get("is_active").get("to").asBoolean()).isFalse();
        JsonNode tokens = auditLog("entity_type=api_token&user_id=" + adminId()).get("audit_logs");
        assertThat(tokens.get(0).get("action").asString()).isEqualTo("created");
        assertThat(tokens.get(0).get("changes").get("token_prefix").get("to").asString())
                .isEqualTo(token.substring(0, 8));
        assertThat(actions("client", clientId)).containsExactly("created");
        assertThat(actions("project", projectId)).containsExactly("created");
        assertThat(actions("task", taskId)).containsExactly("deleted", "created");
        assertThat(actions("time_entry", entryId)).containsExactly("created");
        JsonNode taskDeleted = auditLog("entity_type=task&entity_id=" + taskId).get("audit_logs").get(0);
        assertThat(taskDeleted.get("actor").get("id").asLong()).isEqualTo(userId);
        assertThat(taskDeleted.get("changes").get("name").get("from").asString()).isEqualTo("t");
        assertThat(taskDeleted.get("changes").get("name").get("to").isNull()).isTrue();
    }

    @Test
    void filtersNarrowTheLogAndPagesFollowTheContract() {
        ApiClient user = newCaller("manager", "read:*,write:*");
        long userId = user.get("/api/v1/users/me").body().get("user").get("id").asLong();
        long clientId = user.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("Mine")))
                .body().get("client").get("id").asLong();
        for (int i = 0; i < 3; i++) {
            assertThat(user.patch("/api/v1/clients/" + clientId, "{\"phone\": \"%d\"}".formatted(i)).status())
                    .isEqualTo(200);
        }

        JsonNode mine = auditLog("user_id=" + userId);
        assertThat(mine.get("audit_logs").valueStream().map(row -> row.get("actor").get("id").asLong()))
                .containsOnly(userId).hasSize(4);
        assertThat(mine.get("pagination").get("total").asLong()).isEqualTo(4);
        JsonNode updates = auditLog("user_id=%d&action=updated&per_page=2".formatted(userId));
        assertThat(updates.get("audit_logs").size()).isEqualTo(2);
        assertThat(updates.get("pagination").get("total").asLong()).isEqualTo(3);
        assertThat(updates.get("pagination").get("pages").asLong()).isEqualTo(2);
        assertThat(updates.get("pagination").get("next_page").asInt()).isEqualTo(2);
        assertThat(updates.get("audit_logs").get(0).get("changes").get("phone").get("to").asString()).isEqualTo("2");
        JsonNode second = auditLog("user_id=%d&action=updated&per_page=2&page=2".formatted(userId));
        assertThat(second.get("audit_logs").get(0).get("changes").get("phone").get("to").asString()).isEqualTo("0");
        assertThat(auditLog("user_id=%d&entity_type=project".formatted(userId)).get("audit_logs").size()).isZero();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(auditLog("user_id=%d&start_date=%s".formatted(userId, today)).get("audit_logs").size())
                .isEqualTo(4);
        assertThat(auditLog("user_id=%d&end_date=%s".formatted(userId, today.minusDays(1))).get("audit_logs")
                .size()).isZero();
        assertThat(auditLog("user_id=%d&start_date=%s".formatted(userId, today.plusDays(1))).get("audit_logs")
                .size()).isZero();
        JsonNode all = auditLog("per_page=100");
        assertThat(all.get("pagination").get("total").asLong()).isGreaterThanOrEqualTo(4);
        List<Long> ids = all.get("audit_logs").valueStream().map(row -> row.get("id").asLong()).toList();
        assertThat(ids).as("newest first").isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(auditLog("page=99999").get("audit_logs").size()).isZero();
    }

    @Test
    void badFiltersAreValidationErrorsNamingThem() {
        Map<String, String> bad = Map.of("entity_type", "entity_type=projects", "entity_id", "entity_id=abc",
                "user_id", "user_id=-1", "action", "action=DROP%20TABLE", "start_date", "start_date=yesterday",
                "end_date", "end_date=2024-02-30", "after", "after=x", "page", "page=-1", "per_page", "per_page=a");
        bad.forEach((field, query) -> {
            Response refused = admin.sendingInvalidInput().get("/api/v1/audit-logs?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("validation_error");
            assertThat(refused.body().get("errors").has(field)).as(refused.raw()).isTrue();
        });
        Response unknownCursor = admin.sendingInvalidInput().get("/api/v1/audit-logs?after=999999999999");
        assertThat(unknownCursor.status()).isEqualTo(400);
        assertThat(unknownCursor.body().get("errors").has("after")).isTrue();
    }

    @Test
    void onlyAdministratorsReadTheLog() {
        Response manager = newCaller("manager", "read:*,write:*").get("/api/v1/audit-logs");
        assertThat(manager.status()).isEqualTo(403);
        assertThat(manager.body().get("required_scope").asString()).isEqualTo("admin:all");
        assertThat(newCaller("user", "admin:all").get("/api/v1/audit-logs").status()).isEqualTo(403);
        assertThat(newCaller("admin", "admin:all").get("/api/v1/audit-logs").status()).isEqualTo(200);
    }

    @Test
    void noSecretEverAppearsInTheLog() {
        long userId = createUser("manager");
        assertThat(admin.patch("/api/v1/users/" + userId, "{\"password\": \"another-long-password\"}").status())
                .isEqualTo(200);
        Response issued = admin.post("/api/v1/api-tokens",
                "{\"name\": \"secret\", \"user_id\": %d, \"scopes\": [\"read:*\"]}".formatted(userId));
        long tokenId = issued.body().get("api_token").get("id").asLong();
        Response rotated = admin.post("/api/v1/api-tokens/" + tokenId + "/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        List<String> secrets = new ArrayList<>(List.of(issued.body().get("token").asString(),
                rotated.body().get("token").asString(), "another-long-password", "a-long-enough-password"));
        // what a secret could be checked against: every password hash and token digest the events carry
        secrets.addAll(jdbc.queryForList("""
                SELECT coalesce(p ->> 'passwordHash', p ->> 'tokenDigest')
                FROM (SELECT convert_from(payload, 'UTF8')::jsonb AS p FROM domain_event_entry) e
                WHERE coalesce(p ->> 'passwordHash', p ->> 'tokenDigest') IS NOT NULL""", String.class));
        assertThat(secrets).hasSizeGreaterThan(6);

        String log = String.join("\n", jdbc.queryForList("SELECT a::text FROM audit_log a", String.class))
                + String.join("\n", jdbc.queryForList("SELECT s::text FROM audit_entity_state s", String.class));
        StringBuilder served = new StringBuilder();
        for (int page = 1; ; page++) {
            Response response = admin.get("/api/v1/audit-logs?per_page=100&page=" + page);
            served.append(response.raw());
            if (!response.body().get("pagination").get("has_next").asBoolean()) {
                break;
            }
        }
        assertThat(served.toString()).contains("password_changed").contains(rotated.body().get("token").asString()
                .substring(0, 8));
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
            assertThat(served.toString()).doesNotContain(secret);
        }
        assertThat(served.toString()).doesNotContainIgnoringCase("password_hash").doesNotContain("token_digest");
    }

    private long adminId() {
        return admin.get("/api/v1/users/me").body().get("user").get("id").asLong();
    }

    private List<String> actions(String entityType, long id) {
        return auditLog("entity_type=%s&entity_id=%d".formatted(entityType, id)).get("audit_logs").valueStream()
                .map(row -> row.get("action").asString()).toList();
    }

    private JsonNode auditLog(String query) {
        Response response = admin.get("/api/v1/audit-logs?" + query);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }
}
