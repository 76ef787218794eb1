package io.timetracker.api.web;

import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.PageResult;
import io.timetracker.query.common.Versioned;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's success envelopes (§1), with {@code ETag} and {@code Location} where they belong. */
public final class Envelopes {

    /** The contract's pagination object: all eight keys, always. */
    public record Pagination(int page, int perPage, long total, long pages, boolean hasNext, boolean hasPrev,
                             Integer nextPage, Integer prevPage) {

        static Pagination of(PageRequest request, long total) {
            long pages = (total + request.perPage() - 1) / request.perPage();
            boolean hasNext = request.page() < pages;
            boolean hasPrev = request.page() > 1;
            return new Pagination(request.page(), request.perPage(), total, pages, hasNext, hasPrev,
                    hasNext ? request.page() + 1 : null, hasPrev ? request.page() - 1 : null);
        }
    }

    private Envelopes() {
    }

    public static ResponseEntity<Map<String, Object>> one(String key, Versioned<?> resource) {
        return ResponseEntity.ok().eTag(etag(resource.version())).body(Map.of(key, resource.value()));
    }

    public static Map<String, Object> list(String key, PageResult<?> page, PageRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(key, page.items());
        body.put("pagination", Pagination.of(request, page.total()));
        return body;
    }

    public static ResponseEntity<Map<String, Object>> created(String thing, String key, Versioned<?> resource,
                                                              String location) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location))
                .eTag(etag(resource.version()))
                .body(message(thing + " created successfully", key, resource.value()));
    }

    public static ResponseEntity<Map<String, Object>> updated(String thing, String key, Versioned<?> resource) {
        return ResponseEntity.ok().eTag(etag(resource.version()))
                .body(message(thing + " updated successfully", key, resource.value()));
    }

    public static Map<String, Object> message(String message) {
        return Map.of("message", message);
    }

    public static Map<String, Object> message(String message, String key, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put(key, value);
        return body;
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
