package io.timetracker.api.docs;

import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** The response headers the document names, as components, and which responses carry which. */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static Map<String, Header> all() {
        Map<String, Header> headers = new LinkedHashMap<>();
        headers.put("X-Request-ID", header("The request's id (the client's, when it sent a sane one)", Json.string()));
        headers.put("X-RateLimit-Limit", header("Requests allowed per minute (the bucket's size)", Json.integer()));
        headers.put("X-RateLimit-Remaining", header("Requests that may be sent now", Json.integer()));
        headers.put("X-RateLimit-Reset", header("When the bucket is full again, in epoch seconds", Json.integer()));
        headers.put("Retry-After", header("Seconds to wait before trying again", Json.integer()));
        headers.put("ETag", header("The resource's version, for If-Match", Json.string()));
        headers.put("Location", header("Where the created resource is", Json.string()));
        headers.put("X-Ignored-Fields", header("Body fields the endpoint does not know and ignored, "
                + "comma-separated", Json.string()));
        headers.put("Content-Disposition", header("attachment, with the file's name", Json.string()));
        headers.put("Idempotent-Replayed", header("true when this is the stored answer to an earlier request with "
                + "the same Idempotency-Key", Json.string()));
        return headers;
    }

    /** The header's description (inline: the validator does not follow references to header components). */
    static Header named(String name) {
        return all().get(name);
    }

    /** The headers every response carries: its request id and the rate limit it counts against. */
    static void common(ApiResponse response) {
        response.addHeaderObject("X-Request-ID", named("X-Request-ID"));
        response.addHeaderObject("X-RateLimit-Limit", named("X-RateLimit-Limit"));
        response.addHeaderObject("X-RateLimit-Remaining", named("X-RateLimit-Remaining"));
        response.addHeaderObject("X-RateLimit-Reset", named("X-RateLimit-Reset"));
    }

    private static Header header(String description, io.swagger.v3.oas.models.media.Schema<?> schema) {
        return new Header().description(description).schema(schema);
    }
}
