package io.timetracker.api.web;

import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.TestFaults;
import io.timetracker.api.support.WrittenState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One transaction per write: a command's events, the constraint and directory rows it claims and every read table
 * it changes commit together or not at all. A projection that fails makes the whole write fail, and nothing of it
 * is left anywhere.
 */
class AtomicWriteApiTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aFailingProjectionFailsTheWriteAndLeavesNothingBehind() {
        String name = TestFaults.FAILS_IN_A_PROJECTION + " " + UUID.randomUUID();
        WrittenState before = WrittenState.of(jdbc);
        long directory = jdbc.queryForObject("SELECT count(*) FROM client_directory", Long.class);

        Response failed = admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body().get("error_code").asString()).isEqualTo("internal_error");
        assertThat(WrittenState.of(jdbc)).as("no event, no claimed name").isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM clients WHERE name = ?", Long.class, name)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM client_directory", Long.class)).isEqualTo(directory);
    }
}
