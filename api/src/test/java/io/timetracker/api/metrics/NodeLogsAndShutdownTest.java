package io.timetracker.api.metrics;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.NodeProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node run as an operator runs it, in a process of its own beside the test context's node, on the same database:
 * with structured logging switched on (Spring Boot's {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) its console is JSON
 * and every line it logs for a request carries the request's id; on SIGTERM it shuts down gracefully, writes the token
 * usage it had buffered, and exits.
 */
class NodeLogsAndShutdownTest extends EndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    DataSource dataSource;

    @Test
    void aNodeLogsJsonLinesWithTheRequestIdAndOnSigtermFlushesTokenUsageAndExits() throws Exception {
        ApiClient.Response issued = admin.post("/api/v1/api-tokens", """
                {"name": "%s", "user_id": %d, "scopes": ["read:projects"]}"""
                .formatted(unique("usage on shutdown"), createUser("user")));
        assertThat(issued.status()).isEqualTo(201);
        long tokenId = issued.body().get("api_token").get("id").asLong();
        ApiClient caller = admin.as(issued.body().get("token").asString());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String requestId = "ops-" + UUID.randomUUID();

        List<String> output;
        int exitCode;
        try (NodeProcess node = NodeProcess.startOnSameDatabase(dataSource,
                Map.of("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"),
                "timetracker.tokens.usage-flush-interval=1h", // no scheduled flush while the test runs
                // the security chain logs "Securing GET ..." and "Secured GET ..." for each request it passes
                "logging.level.org.springframework.security.web.FilterChainProxy=debug")) {
            node.awaitReady();
            for (int i = 0; i < 3; i++) {
                ApiClient.Response projects = caller.on(node.port()).withHeader("X-Request-ID", requestId + "-" + i)
                        .get("/api/v1/projects");
                assertThat(projects.status()).isEqualTo(200);
            }
            assertThat(usage(jdbc, tokenId)).as("buffered, not written yet").isEmpty();

            exitCode = node.terminate();
            output = node.output();
        }

        assertThat(usage(jdbc, tokenId)).as("written on the way out").containsExactly(3L);
        assertThat(exitCode).as("SIGTERM's exit code, after the shutdown hooks").isEqualTo(143);
        List<JsonNode> lines = output.stream().filter(line -> line.startsWith("{")).map(JSON::readTree).toList();
        assertThat(lines).anySatisfy(line -> assertThat(line.get("message").asString())
                .startsWith("Commencing graceful shutdown"));
        List<JsonNode> ofTheRequest = lines.stream()
                .filter(line -> line.toString().contains(requestId + "-1")).toList();
        assertThat(ofTheRequest).hasSizeGreaterThanOrEqualTo(2).allSatisfy(line ->
                assertThat(line.get("requestId").asString()).isEqualTo(requestId + "-1"));
        assertThat(ofTheRequest).anySatisfy(line ->
                assertThat(line.get("message").asString()).isEqualTo("Secured GET /api/v1/projects"));
    }

    private static List<Long> usage(JdbcTemplate jdbc, long tokenId) {
        return jdbc.queryForList("SELECT usage_count FROM api_token_usage WHERE token_id = ?", Long.class, tokenId);
    }
}
