package io.timetracker.api.metrics;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus scrape at {@code /actuator/prometheus}: refused without a token and to any token but an
 * administrator's {@code admin:all} one; to an administrator, the named metric families, with request latency labelled
 * by route template (never the raw path with its ids). The health probes answer anyone.
 */
class MetricsApiTest extends EndToEndTest {

    private static final String SCRAPE = "/actuator/prometheus";

    @Test
    void theScrapeRefusesAnonymousCallersAndEveryTokenButAnAdministrators() {
        assertThat(scrape(null).status()).isEqualTo(401);
        assertThat(scrape(tokenFor(createUser("user"), "read:projects")).status()).isEqualTo(403);
        assertThat(scrape(tokenFor(createUser("user"), "read:*,write:*")).status()).isEqualTo(403);
        // an administrator's token without admin:all is refused too, as on every admin route
        assertThat(scrape(tokenFor(createUser("admin"), "read:projects")).status()).isEqualTo(403);
        assertThat(scrape("tt_NotAToken0123456789abcdefghijkl").status()).isEqualTo(401);
        // every actuator endpoint but health falls under the rule, the index of links too
        assertThat(get(null, "/actuator").status()).isEqualTo(401);
        assertThat(get(tokenFor(createUser("user"), "read:projects"), "/actuator").status()).isEqualTo(403);
    }

    @Test
    void anAdministratorScrapesRequestCommandEventReadModelPoolAndJvmMetrics() {
        String name = unique("Metrics client");
        long clientId = createClient(name);
        long projectId = createProject(unique("Metrics project"), clientId);
        assertThat(admin.get("/api/v1/projects/" + projectId).status()).isEqualTo(200);
        // a rejected command: a second client of the same name
        assertThat(admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(name)).status()).isIn(400, 409, 422);
        // without the token the document asks for, on purpose
        assertThat(RawHttp.sendMalformed(port, "GET", "/api/v1/projects/" + projectId, Map.of(), null).status())
                .isEqualTo(401);

        RawHttp.Reply scrape = scrape(ApiClient.ADMIN_TOKEN);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.headers().get("content-type")).startsWith("text/plain");
        String text = scrape.body();
        assertThat(text)
                .contains("# TYPE http_server_requests_seconds histogram")
                .contains("http_server_requests_seconds_bucket{method=\"GET\",outcome=\"SUCCESS\",status=\"200\","
                        + "uri=\"/api/v1/projects/{id}\",le=\"0.1\"}")
                .contains("method=\"GET\",outcome=\"CLIENT_ERROR\",status=\"401\",uri=\"/api/v1/projects/{id}\"")
                .doesNotContain("uri=\"/api/v1/projects/" + projectId + "\"")
                .containsPattern("timetracker_commands_dispatched_total\\{command=\"CreateProject\"} [1-9]")
                .containsPattern("timetracker_commands_rejected_total\\{command=\"CreateClient\",reason=\"[a-z_]+\"} [1-9]")
                .containsPattern("timetracker_events_appended_total\\{event=\"ProjectCreated\"} [1-9]")
                .containsPattern("timetracker_event_store_head [1-9]")
                .contains("timetracker_read_model_lag{read_model=\"projects\"} 0.0")
                .contains("timetracker_read_model_lag{read_model=\"time-entries\"} 0.0")
                .contains("timetracker_rebuild_running ", "timetracker_rebuild_events_done ",
                        "timetracker_rebuild_progress ")
                .contains("hikaricp_connections_active{", "hikaricp_connections_max{")
                .contains("jvm_memory_used_bytes{", "jvm_threads_live_threads ", "process_cpu_usage ");
    }

    @Test
    void theLivenessAndReadinessProbesAnswerAnyone() {
        RawHttp.Reply liveness = get(null, "/actuator/health/liveness");
        RawHttp.Reply readiness = get(null, "/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
        // a token, even a useless one, changes nothing for a probe
        assertThat(get("tt_NotAToken0123456789abcdefghijkl", "/actuator/health/readiness").status()).isEqualTo(200);
    }

    private RawHttp.Reply scrape(String token) {
        return get(token, SCRAPE);
    }

    private RawHttp.Reply get(String token, String path) {
        return RawHttp.send(port, "GET", path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token),
                null);
    }
}
