package io.timetracker.api.docs;

import io.swagger.v3.oas.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The contract's one error shape (§1) and which {@code error_code}s each status carries. A code the service
 * answers that is not listed here fails the HTTP tests (the validator checks the enumeration).
 */
final class ErrorResponses {

    static final String SCHEMA = "Error";

    /** Every status an error can have, with its codes. */
    static final Map<Integer, List<String>> CODES = Map.ofEntries(
            Map.entry(400, List.of("validation_error", "bad_request", "no_active_timer", "invalid_state")),
            Map.entry(401, List.of("unauthorized")),
            Map.entry(403, List.of("forbidden")),
            Map.entry(404, List.of("not_found")),
            Map.entry(405, List.of("method_not_allowed")),
            Map.entry(406, List.of("not_acceptable")),
            Map.entry(409, List.of("conflict", "timer_already_running", "entry_locked")),
            Map.entry(413, List.of("payload_too_large")),
            Map.entry(415, List.of("unsupported_media_type")),
            Map.entry(429, List.of("rate_limited")),
            Map.entry(500, List.of("internal_error")));

    private ErrorResponses() {
    }

    static Schema<?> schema() {
        return Json.object()
                .with("error", Json.string().description("Human readable"))
                .with("message", Json.string().description("Human readable detail"))
                .with("error_code", Json.oneOf(CODES.values().stream().flatMap(List::stream).sorted()
                        .toArray(String[]::new)))
                .optional("errors", Json.mapOf(Json.array(Json.string()))
                        .description("validation_error only: each invalid field with what is wrong with it"))
                .optional("required_scope", Json.string().description("403 for a missing scope: the scope needed"))
                .optional("available_scopes", Json.array(Json.string())
                        .description("403 for a missing scope: the token's scopes"))
                .with("request_id", Json.string().description("The X-Request-ID, to find the request in the logs"))
                .describedAs("The one error shape of every endpoint");
    }

    static String description(int status) {
        return "error_code " + String.join(", ", CODES.get(status));
    }
}
