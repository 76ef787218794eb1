package io.timetracker.api.identity;

import io.timetracker.api.auth.TokenDigests;
import io.timetracker.api.identity.IdentityFixtures.Account;
import io.timetracker.api.identity.IdentityFixtures.IssuedToken;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static io.timetracker.api.identity.IdentityFixtures.issue;
import static io.timetracker.api.identity.IdentityFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenApiTest extends EndToEndTest {

    @Autowired
    private ScheduledTaskHolder scheduledTasks;

    @Test
    void createReturnsThePlainTokenOnceAndTheTokenWithoutSecrets() {
        Account owner = register(admin, "user");

        Response created = admin.sendingInvalidInput().post("/api/v1/api-tokens", """
                {"name": "CI", "user_id": %d, "scopes": ["read:projects", "write:time_entries"],
                 "description": "for the build", "expires_days": 30, "ip_whitelist": "127.0.0.1, 10.0.0.0/8"}"""
                .formatted(owner.id()));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("message").asString()).isEqualTo("API token created successfully");
        String token = created.body().get("token").asString();
        assertThat(token).matches("tt_[A-Za-z0-9_-]{32}");
        JsonNode apiToken = created.body().get("api_token");
        long id = apiToken.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/api-tokens/" + id);
        assertThat(apiToken.propertyNames()).containsExactlyInAnyOrder("id", "name", "description", "user_id",
                "token_prefix", "scopes", "created_at", "expires_at", "last_used_at", "usage_count", "is_active",
                "ip_whitelist");
        assertThat(apiToken.get("name").asString()).isEqualTo("CI");
        assertThat(apiToken.get("description").asString()).isEqualTo("for the build");
        assertThat(apiToken.get("user_id").asLong()).isEqualTo(owner.id());
        assertThat(apiToken.get("token_prefix").asString()).isEqualTo(token.substring(0, 8));
        assertThat(apiToken.get("scopes").valueStream().map(JsonNode::asString))
                .containsExactly("read:projects", "write:time_entries");
        assertThat(apiToken.get("ip_whitelist").valueStream().map(JsonNode::asString))
                .containsExactly("127.0.0.1", "10.0.0.0/8");
        assertThat(apiToken.get("is_active").asBoolean()).isTrue();
        assertThat(apiToken.get("usage_count").asLong()).isZero();
        assertThat(apiToken.get("last_used_at").isNull()).isTrue();
        Instant expiresAt = OffsetDateTime.parse(apiToken.get("expires_at").asString()).toInstant();
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(29), Duration.ofDays(30));
        assertThat(created.raw()).doesNotContain(TokenDigests.digest(token)).doesNotContain("digest");

        for (Response read : new Response[]{admin.get("/api/v1/api-tokens/" + id),
                admin.get("/api/v1/api-tokens?per_page=100")}) {
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.raw()).doesNotContain(token).doesNotContain(TokenDigests.digest(token))
                    .doesNotContain("digest");
        }
        assertThat(admin.get("/api/v1/api-tokens/" + id).body().get("api_token").get("token_prefix").asString())
                .isEqualTo(token.substring(0, 8));
    }

    @Test
    void theListIsPaginatedNewestFirst() {
        long userId = createUser("user");
        IssuedToken older = issue(admin, userId, "read:projects");
        IssuedToken newer = issue(admin, userId, "read:projects");

        Response listed = admin.get("/api/v1/api-tokens?per_page=100");

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().get("pagination").get("per_page").asInt()).isEqualTo(100);
        assertThat(listed.body().get("api_tokens").valueStream().map(token -> token.get("id").asLong()).toList())
                .containsSubsequence(newer.id(), older.id());
    }

    @Test
    void scopesMustBeKnownAndPresent() {
        long userId = createUser("user");

        Response unknown = admin.sendingInvalidInput().post("/api/v1/api-tokens", """
                {"name": "t", "user_id": %d, "scopes": "read:projects,read:everything"}""".formatted(userId));
        Response empty = admin.sendingInvalidInput().post("/api/v1/api-tokens", """
                {"name": "t", "user_id": %d, "scopes": []}""".formatted(userId));
        Response missing = admin.sendingInvalidInput().post("/api/v1/api-tokens",
                "{\"name\": \"t\", \"user_id\": %d}".formatted(userId));

        for (Response refused : new Response[]{unknown, empty, missing}) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("validation_error");
            assertThat(refused.body().get("errors").propertyNames()).containsExactly("scopes");
        }
        assertThat(unknown.body().get("errors").get("scopes").get(0).asString()).contains("read:everything");
    }

    @Test
    void invalidFieldsAreNamed() {
        Response invalid = admin.sendingInvalidInput().post("/api/v1/api-tokens", """
                {"name": "%s", "scopes": "read:projects", "ip_whitelist": ["10.0.0.0/33", "example.org"],
                 "expires_at": "2001-01-01T00:00:00Z"}""".formatted("n".repeat(101)));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").propertyNames())
                .containsExactlyInAnyOrder("name", "user_id", "ip_whitelist", "expires_at");
    }

    @Test
    void aTokenNeedsAnActiveUser() {
        long userId = createUser("user");
        admin.patch("/api/v1/users/" + userId, "{\"is_active\": false}");

        Response forInactive = admin.post("/api/v1/api-tokens", """
                {"name": "t", "user_id": %d, "scopes": ["read:projects"]}""".formatted(userId));
        Response forNobody = admin.post("/api/v1/api-tokens", """
                {"name": "t", "user_id": 987654321, "scopes": ["read:projects"]}""");

        for (Response refused : new Response[]{forInactive, forNobody}) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("errors").propertyNames()).containsExactly("user_id");
        }
    }

    @Test
    void revokingStopsTheTokenAndRevokingAgainChangesNothing() {
        IssuedToken issued = issue(admin, createUser("user"), "read:users");
        ApiClient holder = admin.as(issued.token());
        assertThat(holder.get("/api/v1/users/me").status()).isEqualTo(200);

        Response revoked = admin.post("/api/v1/api-tokens/" + issued.id() + "/revoke", null);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("message").asString()).isEqualTo("API token revoked successfully");
        assertThat(revoked.body().get("api_token").get("is_active").asBoolean()).isFalse();
        assertRefused(holder, "Token has been revoked");
        Response again = admin.post("/api/v1/api-tokens/" + issued.id() + "/revoke", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/api-tokens/" + issued.id()).header("ETag")).isEqualTo("\"1\"");
    }

    @Test
    void deleteRevokesToo() {
        IssuedToken issued = issue(admin, createUser("user"), "read:users");

        Response deleted = admin.delete("/api/v1/api-tokens/" + issued.id());

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("message").isString()).isTrue();
        assertRefused(admin.as(issued.token()), "Token has been revoked");
        assertThat(admin.get("/api/v1/api-tokens/" + issued.id()).body().get("api_token").get("is_active")
                .asBoolean()).isFalse();
    }

    @Test
    void rotatingRevokesTheOldTokenAndIssuesOneWithTheSameGrants() {
        Account owner = register(admin, "user");
        IssuedToken old = issue(admin, owner.id(), "read:users,read:projects",
                "\"ip_whitelist\": [\"127.0.0.0/8\", \"::1\"], \"description\": \"laptop\"");

        Response rotated = admin.post("/api/v1/api-tokens/" + old.id() + "/rotate", null);

        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        assertThat(rotated.body().get("message").asString()).isEqualTo("API token rotated successfully");
        String token = rotated.body().get("token").asString();
        assertThat(token).matches("tt_[A-Za-z0-9_-]{32}").isNotEqualTo(old.token());
        JsonNode successor = rotated.body().get("api_token");
        assertThat(successor.get("id").asLong()).isNotEqualTo(old.id());
        assertThat(successor.get("user_id").asLong()).isEqualTo(owner.id());
        assertThat(successor.get("token_prefix").asString()).isEqualTo(token.substring(0, 8));
        assertThat(successor.get("scopes").valueStream().map(JsonNode::asString))
                .containsExactly("read:users", "read:projects");
        assertThat(successor.get("ip_whitelist").valueStream().map(JsonNode::asString))
                .containsExactly("127.0.0.0/8", "::1");
        assertThat(rotated.raw()).doesNotContain(old.token()).doesNotContain("digest");

        assertRefused(admin.as(old.token()), "Token has been revoked");
        Response me = admin.as(token).get("/api/v1/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("user").get("id").asLong()).isEqualTo(owner.id());
        assertThat(admin.get("/api/v1/api-tokens/" + old.id()).body().get("api_token").get("is_active").asBoolean())
                .isFalse();
        Response fetched = admin.get("/api/v1/api-tokens/" + successor.get("id").asLong());
        assertThat(fetched.raw()).doesNotContain(token);
    }

    @Test
    void aRevokedTokenCannotBeRotated() {
        IssuedToken issued = issue(admin, createUser("user"), "read:users");
        admin.post("/api/v1/api-tokens/" + issued.id() + "/revoke", null);

        Response rotated = admin.post("/api/v1/api-tokens/" + issued.id() + "/rotate", null);

        assertThat(rotated.status()).isEqualTo(400);
        assertThat(rotated.body().get("error_code").asString()).isEqualTo("invalid_state");
        assertThat(rotated.body().has("token")).isFalse();
    }

    @Test
    void anUnknownTokenIs404() {
        assertThat(admin.get("/api/v1/api-tokens/987654321").status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/api-tokens/987654321/revoke", null).status()).isEqualTo(404);
        assertThat(admin.post("/api/v1/api-tokens/987654321/rotate", null).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v1/api-tokens/987654321").status()).isEqualTo(404);
    }

    @Test
    void tokenAdministrationNeedsAnAdministratorWithAdminAll() {
        ApiClient userWithAdminScope = newCaller("user", "admin:all");
        IssuedToken someone = issue(admin, createUser("user"), "read:users");

        for (Response refused : new Response[]{
                userWithAdminScope.get("/api/v1/api-tokens"),
                userWithAdminScope.get("/api/v1/api-tokens/" + someone.id()),
                userWithAdminScope.post("/api/v1/api-tokens", """
                        {"name": "t", "user_id": 1, "scopes": ["read:users"]}"""),
                userWithAdminScope.post("/api/v1/api-tokens/" + someone.id() + "/revoke", null),
                userWithAdminScope.post("/api/v1/api-tokens/" + someone.id() + "/rotate", null),
                userWithAdminScope.delete("/api/v1/api-tokens/" + someone.id())}) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        }
        assertThat(admin.as(someone.token()).get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void usageIsWrittenOnceAMinuteByDefault() {
        assertThat(scheduledTasks.getScheduledTasks())
                .map(scheduled -> scheduled.getTask())
                .filteredOn(task -> task.getRunnable().toString().contains("TokenUsageRecorder.flush"))
                .singleElement()
                .isInstanceOfSatisfying(FixedDelayTask.class,
                        task -> assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(1)));
    }

    private static void assertRefused(ApiClient client, String message) {
        Response refused = client.get("/api/v1/users/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("unauthorized");
        assertThat(refused.body().get("message").asString()).isEqualTo(message);
    }
}
