package io.timetracker.api.identity;

import io.timetracker.api.identity.IdentityFixtures.Account;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.timetracker.api.identity.IdentityFixtures.anonymous;
import static io.timetracker.api.identity.IdentityFixtures.issue;
import static io.timetracker.api.identity.IdentityFixtures.register;
import static io.timetracker.api.identity.IdentityFixtures.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;

class UserApiTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;


    @Test
    void meShowsTheCallerWithTheTimeEntryRequirementsAndTheEnabledModules() {
        Account account = register(admin, "manager");
        ApiClient me = admin.as(issue(admin, account.id(), "read:users").token());

        Response response = me.get("/api/v1/users/me");

        assertThat(response.status()).isEqualTo(200);
        JsonNode user = response.body().get("user");
        assertThat(user.propertyNames()).contains("id", "username", "email", "full_name", "display_name", "role",
                "is_admin", "is_active", "timezone", "date_format", "time_format", "created_at");
        assertThat(user.get("id").asLong()).isEqualTo(account.id());
        assertThat(user.get("username").asString()).isEqualTo(account.username());
        assertThat(user.get("display_name").asString()).isEqualTo(account.username());
        assertThat(user.get("role").asString()).isEqualTo("manager");
        assertThat(user.get("is_admin").asBoolean()).isFalse();
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(user.get("created_at").asString()).matches(".*T.*(Z|[+-]\\d\\d:\\d\\d)");
        JsonNode requirements = response.body().get("time_entry_requirements");
        assertThat(requirements.get("require_task").isBoolean()).isTrue();
        assertThat(requirements.get("require_description").isBoolean()).isTrue();
        assertThat(requirements.get("description_min_length").isIntegralNumber()).isTrue();
        assertThat(response.body().get("enabled_modules").valueStream().map(JsonNode::asString))
                .contains("projects", "clients");
        assertThat(response.raw()).doesNotContain("password");
    }

    @Test
    void meNeedsReadUsers() {
        ApiClient projectsOnly = newCaller("user", "read:projects");

        Response response = projectsOnly.get("/api/v1/users/me");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body().get("required_scope").asString()).isEqualTo("read:users");
    }

    @Test
    void createReturnsTheUserWithoutAnyTraceOfThePassword() {
        String username = uniqueUsername();
        Response created = admin.post("/api/v1/users", """
                {"username": "%s", "email": "grace@example.test", "full_name": "Grace Hopper", "role": "admin",
                 "timezone": "Europe/Berlin", "date_format": "DD.MM.YYYY", "time_format": "24h",
                 "password": "correct horse battery staple"}""".formatted(username));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("message").asString()).isEqualTo("User created successfully");
        JsonNode user = created.body().get("user");
        long id = user.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(user.get("username").asString()).isEqualTo(username);
        assertThat(user.get("email").asString()).isEqualTo("grace@example.test");
        assertThat(user.get("display_name").asString()).isEqualTo("Grace Hopper");
        assertThat(user.get("is_admin").asBoolean()).isTrue();
        assertThat(user.get("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(created.raw()).doesNotContain("correct horse").doesNotContain("password");

        Response fetched = admin.get("/api/v1/users/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body().get("user").get("full_name").asString()).isEqualTo("Grace Hopper");
        assertThat(fetched.raw()).doesNotContain("password");
    }

    @Test
    void usernamesAreUniqueRegardlessOfCase() {
        Account account = register(admin, "user");

        Response duplicate = admin.post("/api/v1/users",
                "{\"username\": \"%s\"}".formatted(account.username().toUpperCase()));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("error_code").asString()).isEqualTo("conflict");
    }

    @Test
    void tenParallelRegistrationsOfOneUsernameGiveExactlyOneUser() throws Exception {
        String username = uniqueUsername();
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String spelling = i % 2 == 0 ? username : username.toUpperCase();
            attempts.add(() -> admin.post("/api/v1/users", "{\"username\": \"%s\"}".formatted(spelling)).status());
        }
        List<Integer> statuses = inParallel(attempts);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(9);
    }

    @Test
    void aPasswordNeedsTwelveCharacters() {
        Response tooShort = admin.post("/api/v1/users",
                "{\"username\": \"%s\", \"password\": \"eleven-char\"}".formatted(uniqueUsername()));

        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(tooShort.body().get("errors").propertyNames()).containsExactly("password");
        assertThat(tooShort.raw()).doesNotContain("eleven-char");

        Response twelve = admin.post("/api/v1/users",
                "{\"username\": \"%s\", \"password\": \"twelve-chars\"}".formatted(uniqueUsername()));
        assertThat(twelve.status()).isEqualTo(201);
    }

    @Test
    void aPasswordLongerThanTheHashCanTakeIsRefusedNotCutShort() {
        Response tooLong = admin.post("/api/v1/users",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(uniqueUsername(), "ä".repeat(37)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("errors").propertyNames()).containsExactly("password");

        String longest = "p".repeat(72);
        String username = uniqueUsername();
        Response created = admin.post("/api/v1/users",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, longest));
        assertThat(created.status()).isEqualTo(201);
        assertThat(login(username, longest).status()).isEqualTo(200);
        assertThat(login(username, longest + "p").status()).isEqualTo(401);
    }

    @Test
    void anUnknownRoleIsAValidationErrorNamingTheField() {
        Response created = admin.sendingInvalidInput().post("/api/v1/users",
                "{\"username\": \"%s\", \"role\": \"owner\"}".formatted(uniqueUsername()));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(created.body().get("errors").propertyNames()).containsExactly("role");

        long id = createUser("user");
        Response updated = admin.sendingInvalidInput().patch("/api/v1/users/" + id, "{\"role\": \"root\"}");
        assertThat(updated.status()).isEqualTo(400);
        assertThat(updated.body().get("errors").propertyNames()).containsExactly("role");
        Response cleared = admin.sendingInvalidInput().patch("/api/v1/users/" + id, "{\"role\": null}");
        assertThat(cleared.status()).isEqualTo(400);
        assertThat(cleared.body().get("errors").propertyNames()).containsExactly("role");
        assertThat(admin.get("/api/v1/users/" + id).body().get("user").get("role").asString()).isEqualTo("user");
    }

    @Test
    void aMissingOrMalformedUsernameIsAValidationError() {
        Response missing = admin.sendingInvalidInput().post("/api/v1/users", "{\"role\": \"user\"}");
        Response malformed = admin.sendingInvalidInput().post("/api/v1/users", "{\"username\": \"has spaces\"}");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("errors").propertyNames()).containsExactly("username");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("errors").propertyNames()).containsExactly("username");
    }

    @Test
    void theListIsPaginatedAndOrderedByUsernameRegardlessOfCase() {
        // Digits sort before letters in every collation, so these two come first; only their last letter differs.
        String stem = "0-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        admin.post("/api/v1/users", "{\"username\": \"%sB\"}".formatted(stem));
        admin.post("/api/v1/users", "{\"username\": \"%sa\"}".formatted(stem));

        Response firstPage = admin.get("/api/v1/users?per_page=1");
        Response secondPage = admin.get("/api/v1/users?per_page=1&page=2");

        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(usernames(firstPage)).containsExactly(stem + "a");
        assertThat(usernames(secondPage)).containsExactly(stem + "B");
        JsonNode pagination = firstPage.body().get("pagination");
        assertThat(pagination.get("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(pagination.get("has_next").asBoolean()).isTrue();
        assertThat(pagination.get("next_page").asInt()).isEqualTo(2);
        assertThat(firstPage.raw()).doesNotContain("password");
    }

    @Test
    void userAdministrationNeedsAnAdministratorWithAdminAll() {
        Account admin2 = register(admin, "admin");
        ApiClient adminWithoutAdminScope = admin.as(issue(admin, admin2.id(), "read:*,write:*").token());
        ApiClient userWithAdminScope = newCaller("user", "admin:all");

        Response missingScope = adminWithoutAdminScope.get("/api/v1/users");
        assertThat(missingScope.status()).isEqualTo(403);
        assertThat(missingScope.body().get("required_scope").asString()).isEqualTo("admin:all");

        for (Response refused : new Response[]{
                userWithAdminScope.get("/api/v1/users"),
                userWithAdminScope.get("/api/v1/users/" + admin2.id()),
                userWithAdminScope.post("/api/v1/users", "{\"username\": \"%s\"}".formatted(uniqueUsername())),
                userWithAdminScope.patch("/api/v1/users/" + admin2.id(), "{\"is_active\": false}")}) {
            assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("forbidden");
        }
        assertThat(userWithAdminScope.get("/api/v1/users/me").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/users/" + admin2.id()).body().get("user").get("is_active").asBoolean())
                .isTrue();
    }

    @Test
    void putAndPatchChangeOnlyTheGivenFields() {
        long id = createUser("user");
        Response patched = admin.patch("/api/v1/users/" + id, "{\"full_name\": \"Ada Lovelace\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("message").asString()).isEqualTo("User updated successfully");
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");

        Response put = admin.put("/api/v1/users/" + id, "{\"email\": \"ada@example.test\", \"role\": \"manager\"}");

        assertThat(put.status()).isEqualTo(200);
        JsonNode user = put.body().get("user");
        assertThat(user.get("full_name").asString()).isEqualTo("Ada Lovelace");
        assertThat(user.get("email").asString()).isEqualTo("ada@example.test");
        assertThat(user.get("role").asString()).isEqualTo("manager");
        assertThat(user.get("is_active").asBoolean()).isTrue();

        Response stale = admin.withHeader("If-Match", "\"0\"").patch("/api/v1/users/" + id, "{\"full_name\": \"X\"}");
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void aUserWithoutAZoneOfTheirOwnIsShownInTheServersAndKeepsNoneWhenOtherFieldsChange() {
        long id = createUser("user");
        ApiClient user = admin.as(tokenFor(id, "read:users"));

        assertThat(user.get("/api/v1/users/me").body().get("user").get("timezone").asString()).isEqualTo("UTC");
        admin.patch("/api/v1/users/" + id, "{\"full_name\": \"Grace Hopper\"}");
        assertThat(jdbc.queryForObject("SELECT timezone FROM users WHERE id = ?", String.class, id)).isNull();

        admin.patch("/api/v1/users/" + id, "{\"timezone\": \"America/New_York\"}");
        assertThat(user.get("/api/v1/users/me").body().get("user").get("timezone").asString())
                .isEqualTo("America/New_York");
    }

    @Test
    void anUnknownUserIs404() {
        assertThat(admin.get("/api/v1/users/987654321").status()).isEqualTo(404);
        assertThat(admin.patch("/api/v1/users/987654321", "{\"full_name\": \"Nobody\"}").status()).isEqualTo(404);
    }

    @Test
    void deactivatingAUserStopsTheirTokensAtOnceAndReactivatingRestoresThem() {
        Account account = register(admin, "user");
        ApiClient user = admin.as(issue(admin, account.id(), "read:users").token());
        assertThat(user.get("/api/v1/users/me").status()).isEqualTo(200);

        Response deactivated = admin.patch("/api/v1/users/" + account.id(), "{\"is_active\": false}");

        assertThat(deactivated.body().get("user").get("is_active").asBoolean()).isFalse();
        Response refused = user.get("/api/v1/users/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("message").asString()).isEqualTo("User account is inactive");
        assertThat(login(account.username(), account.password()).status()).isEqualTo(401);

        admin.patch("/api/v1/users/" + account.id(), "{\"is_active\": true}");
        assertThat(user.get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void aNewPasswordReplacesTheOldOne() {
        Account account = register(admin, "user");

        Response changed = admin.patch("/api/v1/users/" + account.id(),
                "{\"password\": \"an entirely new secret\"}");

        assertThat(changed.status()).isEqualTo(200);
        assertThat(login(account.username(), account.password()).status()).isEqualTo(401);
        assertThat(login(account.username(), "an entirely new secret").status()).isEqualTo(200);
    }

    private static List<String> usernames(Response list) {
        return list.body().get("users").valueStream().map(user -> user.get("username").asString()).toList();
    }

    private Response login(String username, String password) {
        return anonymous(admin).post("/api/v1/auth/login",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password));
    }
}
