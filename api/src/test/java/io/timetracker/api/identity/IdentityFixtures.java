package io.timetracker.api.identity;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Users and tokens whose secrets a test needs to know, created through the API as an administrator. */
final class IdentityFixtures {

    /** A user the test can sign in as. */
    record Account(long id, String username, String password) {
    }

    /** A token as created: its id and the plain token, shown this once. */
    record IssuedToken(long id, String token) {
    }

    private IdentityFixtures() {
    }

    static String uniqueUsername() {
        return "u-" + UUID.randomUUID().toString().substring(0, 12);
    }

    static Account register(ApiClient admin, String role) {
        String username = uniqueUsername();
        String password = "pw-" + UUID.randomUUID();
        Response created = admin.post("/api/v1/users", """
                {"username": "%s", "role": "%s", "password": "%s"}""".formatted(username, role, password));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Account(created.body().get("user").get("id").asLong(), username, password);
    }

    /** Issues a token with the given fields (a JSON object's members, without braces) for {@code userId}. */
    static IssuedToken issue(ApiClient admin, long userId, String scopes, String moreFields) {
        Response created = admin.post("/api/v1/api-tokens", """
                {"name": "fixture token", "user_id": %d, "scopes": %s%s}"""
                .formatted(userId, EndToEndTest.jsonArray(scopes),
                        moreFields.isEmpty() ? "" : ", " + moreFields));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new IssuedToken(created.body().get("api_token").get("id").asLong(),
                created.body().get("token").asString());
    }

    static IssuedToken issue(ApiClient admin, long userId, String scopes) {
        return issue(admin, userId, scopes, "");
    }

    /** A client that sends no token at all. */
    static ApiClient anonymous(ApiClient client) {
        return client.as(null);
    }
}
