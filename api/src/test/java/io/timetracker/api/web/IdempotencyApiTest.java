package io.timetracker.api.web;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.TestFaults;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyApiTest extends EndToEndTest {

    @Autowired
    IdempotencyStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRepeatWithTheSameKeyReturnsTheFirstResponseWithoutActingTwice() {
        String name = unique("Idem");
        ApiClient keyed = admin.sendingInvalidInput().withHeader("Idempotency-Key", newKey());

        Response first = keyed.post("/api/v1/clients", "{\"name\": \"%s\", \"colour\": \"red\"}".formatted(name));
        Response repeat = keyed.post("/api/v1/clients", "{\"name\": \"%s\", \"colour\": \"red\"}".formatted(name));

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.raw()).isEqualTo(first.raw());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(repeat.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(repeat.header("X-Ignored-Fields")).isEqualTo("colour");
        assertThat(repeat.header("Content-Type")).startsWith("application/json");
        assertThat(repeat.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(repeat.header("X-Request-ID")).isNotEqualTo(first.header("X-Request-ID"));
        assertThat(clientsNamed(name)).isEqualTo(1);
    }

    @Test
    void aRepeatedTokenCreationIssuesNoSecondTokenAndNeverShowsTheFirstAgain() {
        long userId = createUser("user");
        ApiClient keyed = admin.withHeader("Idempotency-Key", newKey());
        String request = "{\"name\": \"keyed\", \"user_id\": %d, \"scopes\": [\"read:*\"]}".formatted(userId);

        Response first = keyed.post("/api/v1/api-tokens", request);
        Response repeat = keyed.post("/api/v1/api-tokens", request);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(409);
        assertThat(repeat.raw()).doesNotContain(first.body().get("token").asString());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_tokens WHERE user_id = ?", Long.class, userId))
                .isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsAConflict() {
        ApiClient keyed = admin.withHeader("Idempotency-Key", newKey());
        assertThat(keyed.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("A"))).status())
                .isEqualTo(201);

        Response other = keyed.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("B")));

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.body().get("error_code").asString()).isEqualTo("conflict");
        assertThat(other.body().get("message").asString()).contains("Idempotency-Key");
    }

    @Test
    void theSameKeyOnAnotherEndpointIsAConflict() {
        ApiClient keyed = admin.withHeader("Idempotency-Key", newKey());
        String body = "{\"name\": \"%s\"}".formatted(unique("Same body"));
        assertThat(keyed.post("/api/v1/clients", body).status()).isEqualTo(201);

        assertThat(keyed.sendingInvalidInput().post("/api/v1/projects", body).status()).isEqualTo(409);
    }

    @Test
    void aKeyMustHaveOneTo128Characters() {
        String name = unique("Keyed");
        Response tooLong = admin.sendingInvalidInput().withHeader("Idempotency-Key", "k".repeat(129))
                .post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name));
        Response empty = admin.sendingInvalidInput().withHeader("Idempotency-Key", "")
                .post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name));
        Response longest = admin.withHeader("Idempotency-Key", UUID.randomUUID() + "k".repeat(92))
                .post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name));

        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(tooLong.body().get("errors").has("Idempotency-Key")).isTrue();
        assertThat(empty.status()).isEqualTo(400);
        assertThat(longest.status()).isEqualTo(201);
        assertThat(clientsNamed(name)).isEqualTo(1);
    }

    @Test
    void keysAreKeptPerToken() {
        String key = newKey();
        String body = "{\"name\": \"%s\"}".formatted(unique("Per token"));
        assertThat(admin.withHeader("Idempotency-Key", key).post("/api/v1/clients", body).status()).isEqualTo(201);

        Response otherToken = newCaller("admin", "write:clients,read:clients").withHeader("Idempotency-Key", key)
                .post("/api/v1/clients", body);

        // The other token's request acted on its own: it met the name the first request took.
        assertThat(otherToken.status()).isEqualTo(409);
        assertThat(otherToken.body().get("message").asString()).contains("already exists");
    }

    @Test
    void concurrentRequestsWithOneKeyActOnceAndAllGetTheSameAnswer() throws Exception {
        String name = unique("Parallel idem");
        ApiClient keyed = admin.withHeader("Idempotency-Key", newKey());
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> keyed.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name)));
        }
        List<Response> responses = inParallel(attempts);

        assertThat(responses).extracting(Response::status).containsOnly(201);
        assertThat(responses).extracting(response -> response.body().get("client").get("id").asLong())
                .containsOnly(responses.get(0).body().get("client").get("id").asLong());
        assertThat(responses).filteredOn(response -> "true".equals(response.header("Idempotent-Replayed")))
                .hasSize(7);
        assertThat(clientsNamed(name)).isEqualTo(1);
    }

    @Test
    void recordsExpireAfter24HoursAndTheKeyThenActsAgain() {
        String key = newKey();
        String body = "{\"name\": \"%s\"}".formatted(unique("Expiring"));
        ApiClient keyed = admin.withHeader("Idempotency-Key", key);
        assertThat(keyed.post("/api/v1/clients", body).status()).isEqualTo(201);
        jdbc.update("UPDATE idempotency_record SET created_at = created_at - interval '25 hours'"
                + " WHERE idempotency_key = ?", key);

        assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?",
                Integer.class, key)).isZero();
        Response again = keyed.post("/api/v1/clients", body);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aRefusedRequestLeavesTheKeyFreeForTheCorrectedOne() {
        String name = unique("Corrected");
        ApiClient keyed = admin.withHeader("Idempotency-Key", newKey());
        Response form = keyed.sendingInvalidInput().withHeader("Content-Type", "application/x-www-form-urlencoded")
                .post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name));

        Response json = keyed.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name));

        assertThat(form.status()).isEqualTo(415);
        assertThat(json.status()).isEqualTo(201);
        assertThat(json.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void aCommittedChangeKeepsItsKeyWhenAnsweringFails() {
        String name = unique("Committed");
        String body = "{\"name\": \"%s\"}".formatted(name);
        ApiClient keyed = admin.withHeader("Idempotency-Key", newKey());

        Response failed = keyed.withHeader(TestFaults.FAIL_READS_AFTER_COMMIT, "yes").post("/api/v1/clients", body);
        Response retried = keyed.post("/api/v1/clients", body);

        assertThat(failed.status()).isEqualTo(500);
        assertThat(retried.status()).isEqualTo(409);
        assertThat(retried.body().get("message").asString()).contains("already processed");
        assertThat(clientsNamed(name)).isEqualTo(1);
    }

    @Test
    void anAbandonedClaimIsTakenOverOnlyWhenNothingOfItCommitted() {
        long tokenId = -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        String committed = newKey();
        String uncommitted = newKey();
        for (String key : List.of(committed, uncommitted)) {
            jdbc.update("""
                    INSERT INTO idempotency_record (token_id, idempotency_key, request_hash, created_at, committed)
                    VALUES (?, ?, 'fingerprint', now() - interval '10 minutes', ?)""", tokenId, key,
                    key.equals(committed));
        }

        assertThat(store.claim(tokenId, committed, "fingerprint")).isFalse();
        assertThat(store.claim(tokenId, uncommitted, "fingerprint")).isTrue();
    }

    @Test
    void requestsWithoutAKeyAreNotRemembered() {
        String body = "{\"name\": \"%s\"}".formatted(unique("Unkeyed"));
        assertThat(admin.post("/api/v1/clients", body).status()).isEqualTo(201);
        assertThat(admin.post("/api/v1/clients", body).status()).isEqualTo(409);
    }

    private int clientsNamed(String name) {
        return jdbc.queryForObject("SELECT count(*) FROM clients WHERE name = ?", Integer.class, name);
    }

    private static String newKey() {
        return "key-" + UUID.randomUUID();
    }
}
