package io.timetracker.api.system;

import io.timetracker.api.auth.PublicEndpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /info} and {@code GET /health}: public, no token (contract §2). Healthy means ready to serve: the
 * database answers and start-up has finished (the first administrator exists and the read side has caught up
 * with the event store as it stood at start-up), so a script that waits for health can use the API at once.
 */
@RestController
public class SystemController {

    /** The contract's health probe (a load balancer's too: see {@code RateLimits}). */
    public static final String HEALTH = "/api/v1/health";

    private static final Map<String, String> ENDPOINTS = endpoints();

    private final JdbcTemplate jdbc;
    private final ApplicationAvailability availability;
    private final EnabledModules modules;
    private final Clock clock;
    private final String appVersion;
    private final String timezone;

    public SystemController(JdbcTemplate jdbc, ApplicationAvailability availability, EnabledModules modules,
                            Clock clock,
                            @Value("${timetracker.app-version}") String appVersion,
                            @Value("${timetracker.timezone}") String timezone) {
        this.jdbc = jdbc;
        this.availability = availability;
        this.modules = modules;
        this.clock = clock;
        this.appVersion = appVersion;
        this.timezone = timezone;
    }

    @GetMapping("/api/v1/info")
    @PublicEndpoint
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("api_version", "v1");
        info.put("app_version", appVersion);
        info.put("setup_required", !adminExists());
        info.put("timezone", timezone);
        info.put("enabled_modules", modules.names());
        info.put("documentation_url", "/api/docs");
        info.put("authentication", Map.of(
                "type", "token",
                "header_formats", List.of("Authorization: Bearer <token>", "Authorization: Token <token>",
                        "X-API-Key: <token>"),
                "token_format", "tt_ followed by 32 characters",
                "login", "/api/v1/auth/login"));
        info.put("endpoints", ENDPOINTS);
        return info;
    }

    @GetMapping(HEALTH)
    @PublicEndpoint
    public ResponseEntity<Map<String, Object>> health() {
        boolean databaseUp = databaseAnswers();
        boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", databaseUp && ready ? "healthy" : "unhealthy");
        body.put("database", databaseUp ? "up" : "unreachable");
        body.put("ready", ready);
        body.put("timestamp", clock.instant());
        return ResponseEntity.status(databaseUp && ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private boolean databaseAnswers() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return true;
        } catch (RuntimeException unreachable) {
            return false;
        }
    }

    private boolean adminExists() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM users WHERE role = 'admin')", Boolean.class));
    }

    private static Map<String, String> endpoints() {
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("info", "/api/v1/info");
        endpoints.put("health", "/api/v1/health");
        endpoints.put("login", "/api/v1/auth/login");
        endpoints.put("me", "/api/v1/users/me");
        endpoints.put("users", "/api/v1/users");
        endpoints.put("api_tokens", "/api/v1/api-tokens");
        endpoints.put("clients", "/api/v1/clients");
        endpoints.put("projects", "/api/v1/projects");
        endpoints.put("tasks", "/api/v1/tasks");
        endpoints.put("time_entries", "/api/v1/time-entries");
        endpoints.put("timer", "/api/v1/timer");
        endpoints.put("time_entry_approvals", "/api/v1/time-entry-approvals");
        return endpoints;
    }
}
