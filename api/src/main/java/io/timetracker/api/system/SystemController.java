package io.timetracker.api.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code GET /info} and {@code GET /health}: public, no token (contract §2). */
@RestController
public class SystemController {

    private static final Map<String, String> ENDPOINTS = endpoints();

    private final JdbcTemplate jdbc;
    private final EnabledModules modules;
    private final Clock clock;
    private final String appVersion;
    private final String timezone;

    public SystemController(JdbcTemplate jdbc, EnabledModules modules, Clock clock,
                            @Value("${timetracker.app-version}") String appVersion,
                            @Value("${timetracker.timezone}") String timezone) {
        this.jdbc = jdbc;
        this.modules = modules;
        this.clock = clock;
        this.appVersion = appVersion;
        this.timezone = timezone;
    }

    @GetMapping("/api/v1/info")
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

    @GetMapping("/api/v1/health")
    public ResponseEntity<Map<String, Object>> health() {
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            body.put("status", "healthy");
            body.put("database", "up");
        } catch (RuntimeException unreachable) {
            body.put("status", "unhealthy");
            body.put("database", "unreachable");
        }
        body.put("timestamp", clock.instant());
        return ResponseEntity.status("healthy".equals(body.get("status")) ? HttpStatus.OK
                : HttpStatus.SERVICE_UNAVAILABLE).body(body);
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
        return endpoints;
    }
}
