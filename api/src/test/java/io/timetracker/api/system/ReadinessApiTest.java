package io.timetracker.api.system;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.RawHttp;
import io.timetracker.api.support.SecondApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Healthy means ready to serve (issue "Fail-closed access control", item 3): a fresh instance answers 503 on its
 * health endpoints while start-up is still at work, and once they say healthy the bootstrap admin token works at
 * once, as a script that waits for health and then calls the API expects.
 */
class ReadinessApiTest extends EndToEndTest {

    @Autowired
    DataSource dataSource;

    @Test
    void healthSaysHealthyOnlyWhenTheApiServesAndThenTheBootstrapTokenWorks() throws Exception {
        try (SecondApplication fresh = SecondApplication.startOnNewDatabase(dataSource, List.of(SlowStartUp.class))) {
            RawHttp.Reply starting = awaitAnswer(fresh.port(), "/api/v1/health");
            assertThat(starting.status()).isEqualTo(503);
            assertThat(starting.json().get("status").asString()).isEqualTo("unhealthy");
            assertThat(starting.json().get("ready").asBoolean()).isFalse();
            assertThat(RawHttp.send(fresh.port(), "GET", "/actuator/health/readiness", Map.of(), null).status())
                    .isEqualTo(503);
            SlowStartUp.SEEN_STARTING.countDown();

            RawHttp.Reply health;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            do {
                assertThat(System.nanoTime()).as("healthy within two minutes").isLessThan(deadline);
                health = RawHttp.send(fresh.port(), "GET", "/api/v1/health", Map.of(), null);
            } while (health.status() != 200);
            RawHttp.Reply me = RawHttp.send(fresh.port(), "GET", "/api/v1/users/me",
                    Map.of("Authorization", "Bearer " + ApiClient.ADMIN_TOKEN), null);

            assertThat(me.status()).as(me.body()).isEqualTo(200);
            assertThat(health.json().get("status").asString()).isEqualTo("healthy");
            assertThat(RawHttp.send(fresh.port(), "GET", "/actuator/health/readiness", Map.of(), null).status())
                    .isEqualTo(200);
            assertThat(RawHttp.send(fresh.port(), "GET", "/actuator/health/liveness", Map.of(), null).status())
                    .isEqualTo(200);
        }
    }

    /** The first answer of the instance on its port (it refuses connections until its web server runs). */
    private static RawHttp.Reply awaitAnswer(int port, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                return RawHttp.send(port, "GET", path, Map.of(), null);
            } catch (RuntimeException notListeningYet) {
                if (System.nanoTime() > deadline) {
                    throw notListeningYet;
                }
                Thread.sleep(20);
            }
        }
    }
}
