package io.timetracker.api.identity;

import io.timetracker.api.auth.TokenDigests;
import io.timetracker.api.identity.IdentityFixtures.Account;
import io.timetracker.api.identity.IdentityFixtures.IssuedToken;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;

import static io.timetracker.api.identity.IdentityFixtures.anonymous;
import static io.timetracker.api.identity.IdentityFixtures.issue;
import static io.timetracker.api.identity.IdentityFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

/** Contract §1 Authentication and Scopes: how a token is presented, why it is refused, what it allows. */
class AuthenticationApiTest extends EndToEndTest {

    /** Both test clients and the server run here; the server may see either loopback address. */
    private static final String LOOPBACK = "\"127.0.0.1\", \"::1\"";

    @Test
    void theTokenIsAcceptedInEachHeaderForm() {
        String token = issue(admin, createUser("user"), "read:users").token();
        ApiClient anonymous = anonymous(admin);

        for (ApiClient client : new ApiClient[]{
                anonymous.withHeader("Authorization", "Bearer " + token),
                anonymous.withHeader("Authorization", "bearer " + token),
                anonymous.withHeader("Authorization", "Token " + token),
                anonymous.withHeader("Authorization", "TOKEN " + token),
                anonymous.withHeader("X-API-Key", token)}) {
            assertThat(client.sendingInvalidInput().get("/api/v1/users/me").status()).isEqualTo(200);
        }
    }

    @Test
    void theTokenIsNeverAcceptedFromTheQueryString() {
        String token = issue(admin, createUser("user"), "read:users").token();

        for (String query : new String[]{"token", "api_key", "access_token", "apikey"}) {
            Response refused = anonymous(admin).sendingInvalidInput().get("/api/v1/users/me?" + query + "=" + token);
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body().get("error_code").asString()).isEqualTo("unauthorized");
        }
    }

    @Test
    void withoutATokenOnlyThePublicEndpointsAnswer() {
        ApiClient anonymous = anonymous(admin);

        Response refused = anonymous.sendingInvalidInput().get("/api/v1/users/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body().get("error").isString()).isTrue();
        assertThat(refused.body().get("error_code").asString()).isEqualTo("unauthorized");
        assertThat(refused.header("X-Request-ID")).isNotBlank();
        assertThat(anonymous.get("/api/v1/info").status()).isEqualTo(200);
        assertThat(anonymous.get("/api/v1/health").status()).isEqualTo(200);
    }

    @Test
    void aMalformedTokenIsRefusedFirst() {
        for (String malformed : new String[]{"abc", "tt_short", "xx_" + "a".repeat(32), "tt_" + "a".repeat(33),
                "tt_" + "a".repeat(31) + "!"}) {
            assertRefused(admin.as(malformed), "Invalid token format");
        }
    }

    @Test
    void aWellFormedButUnknownTokenIsNotFound() {
        assertRefused(admin.as(TokenDigests.newToken()), "Token not found");
    }

    @Test
    void aRevokedTokenIsRefusedBeforeItsAddressIsChecked() {
        IssuedToken issued = issue(admin, createUser("user"), "read:users", "\"ip_whitelist\": [\"10.9.8.7\"]");
        admin.post("/api/v1/api-tokens/" + issued.id() + "/revoke", null);

        assertRefused(admin.as(issued.token()), "Token has been revoked");
    }

    @Test
    void aTokenIsRefusedFromAnAddressOutsideItsList() {
        String token = issue(admin, createUser("user"), "read:users",
                "\"ip_whitelist\": [\"10.0.0.0/8\", \"192.168.1.1\", \"fd00::/8\"]").token();

        assertRefused(admin.as(token), "Access denied from this IP address");
    }

    @Test
    void aTokenIsAcceptedFromAListedAddressOrRange() {
        String single = issue(admin, createUser("user"), "read:users",
                "\"ip_whitelist\": [" + LOOPBACK + "]").token();
        String range = issue(admin, createUser("user"), "read:users",
                "\"ip_whitelist\": [\"10.0.0.0/8\", \"127.0.0.0/8\", \"::1/128\"]").token();

        assertThat(admin.as(single).get("/api/v1/users/me").status()).isEqualTo(200);
        assertThat(admin.as(range).get("/api/v1/users/me").status()).isEqualTo(200);
    }

    @Test
    void theAddressIsCheckedBeforeTheUser() {
        Account account = register(admin, "user");
        String token = issue(admin, account.id(), "read:users", "\"ip_whitelist\": [\"10.9.8.7\"]").token();
        admin.patch("/api/v1/users/" + account.id(), "{\"is_active\": false}");

        assertRefused(admin.as(token), "Access denied from this IP address");
    }

    @Test
    void anInactiveUsersTokenIsRefusedLast() {
        Account account = register(admin, "user");
        String token = issue(admin, account.id(), "read:users", "\"ip_whitelist\": [" + LOOPBACK + "]").token();
        admin.patch("/api/v1/users/" + account.id(), "{\"is_active\": false}");

        assertRefused(admin.as(token), "User account is inactive");
    }

    @Test
    void aRefusalCarriesTheRateLimitHeaders() {
        Response refused = admin.as(TokenDigests.newToken()).get("/api/v1/users/me");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-RateLimit-Limit")).isNotNull();
        assertThat(refused.header("X-RateLimit-Remaining")).isNotNull();
        assertThat(refused.header("X-RateLimit-Reset")).isNotNull();
    }

    @Test
    void writeDoesNotImplyRead() {
        ApiClient writer = newCaller("user", "write:users");

        Response refused = writer.get("/api/v1/users/me");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("error").asString()).isEqualTo("Insufficient permissions");
        assertThat(refused.body().get("error_code").asString()).isEqualTo("forbidden");
        assertThat(refused.body().get("required_scope").asString()).isEqualTo("read:users");
        assertThat(refused.body().get("available_scopes").valueStream().map(scope -> scope.asString()))
                .containsExactly("write:users");
    }

    @Test
    void wildcardsCoverTheirActionOnly() {
        ApiClient reader = newCaller("user", "read:*");
        ApiClient writer = newCaller("user", "write:*");
        String client = "{\"name\": \"%s\"}";

        assertThat(reader.get("/api/v1/users/me").status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/clients").status()).isEqualTo(200);
        Response readerWrites = reader.post("/api/v1/clients", client.formatted(unique("Wildcard")));
        assertThat(readerWrites.status()).isEqualTo(403);
        assertThat(readerWrites.body().get("required_scope").asString()).isEqualTo("write:clients");
        assertThat(writer.post("/api/v1/clients", client.formatted(unique("Wildcard"))).status()).isEqualTo(201);
        assertThat(writer.get("/api/v1/users/me").body().get("required_scope").asString()).isEqualTo("read:users");
    }

    @Test
    void adminAllAndStarAllowEverythingScopedButTheRoleStillLimitsAdministration() {
        ApiClient star = newCaller("user", "*");
        ApiClient adminScope = newCaller("manager", "admin:all");

        for (ApiClient client : new ApiClient[]{star, adminScope}) {
            assertThat(client.get("/api/v1/users/me").status()).isEqualTo(200);
            assertThat(client.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("Star"))).status())
                    .isEqualTo(201);
            Response administration = client.get("/api/v1/api-tokens");
            assertThat(administration.status()).isEqualTo(403);
            assertThat(administration.body().get("error_code").asString()).isEqualTo("forbidden");
        }
    }

    private static void assertRefused(ApiClient client, String message) {
        Response refused = client.get("/api/v1/users/me");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("unauthorized");
        assertThat(refused.body().get("message").asString()).isEqualTo(message);
    }
}
