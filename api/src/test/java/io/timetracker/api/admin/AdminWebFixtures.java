package io.timetracker.api.admin;

import io.timetracker.api.support.ApiClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts for the admin web's tests, made through the API: each test signs in as its own user. */
final class AdminWebFixtures {

    static final String PASSWORD = "a-long-enough-password";

    private AdminWebFixtures() {
    }

    /** A user signing in with {@link #PASSWORD}. */
    record Account(long id, String username) {
    }

    /** A new user with {@code role} and {@link #PASSWORD}. */
    static Account newAccount(ApiClient admin, String role) {
        String username = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response created = admin.post("/api/v1/users", """
                {"username": "%s", "role": "%s", "password": "%s"}""".formatted(username, role, PASSWORD));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return new Account(created.body().get("user").get("id").asLong(), username);
    }
}
