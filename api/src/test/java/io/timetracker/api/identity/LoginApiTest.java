package io.timetracker.api.identity;

import io.timetracker.api.identity.IdentityFixtures.Account;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import static io.timetracker.api.identity.IdentityFixtures.anonymous;
import static io.timetracker.api.identity.IdentityFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

class LoginApiTest extends EndToEndTest {

    @Test
    void anAdministratorGetsAnAdminAllTokenNamedAfterThem() {
        Response login = login("admin", ApiClient.ADMIN_PASSWORD);

        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        String token = login.body().get("token").asString();
        assertThat(token).matches("tt_[A-Za-z0-9_-]{32}");
        assertThat(admin.as(token).get("/api/v1/users").status()).isEqualTo(200);
        JsonNode minted = tokenWithPrefix(token.substring(0, 8));
        assertThat(minted.get("name").asString()).isEqualTo("App login - admin");
        assertThat(minted.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("admin:all");
        Instant expiresAt = OffsetDateTime.parse(minted.get("expires_at").asString()).toInstant();
        assertThat(Duration.between(Instant.now(), expiresAt)).isBetween(Duration.ofDays(89), Duration.ofDays(90));
    }

    @Test
    void anyOtherUserGetsReadAndWriteEverythingButNoAdministration() {
        Account manager = register(admin, "manager");

        Response login = login(manager.username(), manager.password());

        assertThat(login.status()).as(login.raw()).isEqualTo(200);
        ApiClient app = admin.as(login.body().get("token").asString());
        Response me = app.get("/api/v1/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().get("user").get("id").asLong()).isEqualTo(manager.id());
        assertThat(app.get("/api/v1/users").status()).isEqualTo(403);
        JsonNode minted = tokenWithPrefix(login.body().get("token").asString().substring(0, 8));
        assertThat(minted.get("name").asString()).isEqualTo("App login - " + manager.username());
        assertThat(minted.get("user_id").asLong()).isEqualTo(manager.id());
        assertThat(minted.get("scopes").valueStream().map(JsonNode::asString)).containsExactly("read:*", "write:*");
    }

    @Test
    void theUsernameIsMatchedRegardlessOfCase() {
        Account user = register(admin, "user");

        assertThat(login(user.username().toUpperCase(), user.password()).status()).isEqualTo(200);
    }

    @Test
    void wrongCredentialsAre401AndDoNotTellWhichPartWasWrong() {
        Account user = register(admin, "user");

        Response wrongPassword = login(user.username(), user.password() + "x");
        Response unknownUser = login(IdentityFixtures.uniqueUsername(), user.password());

        for (Response refused : new Response[]{wrongPassword, unknownUser}) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("unauthorized");
            assertThat(refused.body().has("token")).isFalse();
        }
        assertThat(wrongPassword.body().get("message").asString())
                .isEqualTo(unknownUser.body().get("message").asString());
    }

    @Test
    void aUserWithoutPasswordCannotSignIn() {
        long userId = createUserWithoutPassword();
        String username = admin.get("/api/v1/users/" + userId).body().get("user").get("username").asString();

        assertThat(invalidLogin(username, "").status()).isEqualTo(400);
        assertThat(login(username, "anything-at-all-long").status()).isEqualTo(401);
    }

    @Test
    void missingFieldsAreAValidationError() {
        Response empty = anonymous(admin).sendingInvalidInput().post("/api/v1/auth/login", null);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("errors").propertyNames()).containsExactlyInAnyOrder("username", "password");
    }

    private long createUserWithoutPassword() {
        Response created = admin.post("/api/v1/users",
                "{\"username\": \"%s\"}".formatted(IdentityFixtures.uniqueUsername()));
        assertThat(created.status()).isEqualTo(201);
        return created.body().get("user").get("id").asLong();
    }

    private JsonNode tokenWithPrefix(String prefix) {
        return admin.get("/api/v1/api-tokens?per_page=100").body().get("api_tokens").valueStream()
                .filter(token -> token.get("token_prefix").asString().equals(prefix))
                .findFirst().orElseThrow();
    }

    /** A sign-in whose body breaks the document on purpose (an empty password). */
    private Response invalidLogin(String username, String password) {
        return anonymous(admin).sendingInvalidInput().post("/api/v1/auth/login",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password));
    }

    private Response login(String username, String password) {
        return anonymous(admin).post("/api/v1/auth/login",
                "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password));
    }
}
