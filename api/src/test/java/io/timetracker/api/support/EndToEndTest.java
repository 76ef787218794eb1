package io.timetracker.api.support;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the HTTP end-to-end tests: an admin client, and fixtures that create what a test needs through
 * the API itself (so they exercise the same path a REST consumer does).
 */
@ApiTest
public abstract class EndToEndTest {

    @LocalServerPort
    protected int port;

    /** Acts as the bootstrap administrator. */
    protected ApiClient admin;

    @BeforeEach
    void connect() {
        admin = new ApiClient(port, ApiClient.ADMIN_TOKEN);
    }

    /** A name no other test uses, so tests sharing the database never collide. */
    protected static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a user with {@code role} and returns its id. */
    protected long createUser(String role) {
        ApiClient.Response created = admin.post("/api/v1/users", """
                {"username": "%s", "role": "%s", "password": "a-long-enough-password"}"""
                .formatted(unique("user").replace(' ', '-'), role));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("user").get("id").asLong();
    }

    /** Issues a token for {@code userId} with the given comma-separated scopes and returns the plain token. */
    protected String tokenFor(long userId, String scopes) {
        ApiClient.Response created = admin.post("/api/v1/api-tokens", """
                {"name": "test token", "user_id": %d, "scopes": %s}""".formatted(userId, jsonArray(scopes)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("token").asString();
    }

    /** A comma-separated list as the JSON array of strings the document asks for. */
    public static String jsonArray(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(item -> "\"" + item.strip() + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** A client acting as a new user with {@code role} and the given scopes. */
    protected ApiClient newCaller(String role, String scopes) {
        return admin.as(tokenFor(createUser(role), scopes));
    }

    protected long createClient(String name) {
        ApiClient.Response created = admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("client").get("id").asLong();
    }

    protected long createProject(String name, long clientId) {
        ApiClient.Response created = admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(name, clientId));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("project").get("id").asLong();
    }

    /** Sends all {@code attempts} at once, each on its own thread, and returns their answers in order. */
    protected static <T> List<T> inParallel(List<Callable<T>> attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        try {
            List<T> responses = new ArrayList<>();
            for (Future<T> attempt : pool.invokeAll(attempts)) {
                responses.add(attempt.get());
            }
            return responses;
        } finally {
            pool.shutdown();
        }
    }
}
