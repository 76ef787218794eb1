package io.timetracker.api.docs;

import io.swagger.v3.oas.models.media.Schema;

import java.util.List;

/**
 * A successful answer of an operation: its status, body schema and the headers it carries ({@code ETag},
 * {@code Location}). The envelopes are the contract's (§1): one, list with pagination, created, updated,
 * deleted. A download ({@link #download}) is a file in one of its {@code mediaTypes} instead of JSON. Its example
 * is a recorded real answer ({@link ResponseExamples}).
 */
public record Answer(int status, String description, Schema<?> body, boolean etag, boolean location,
                     List<QueryParam> listParams, List<Class<? extends Record>> views, List<String> mediaTypes) {

    public Answer {
        listParams = List.copyOf(listParams);
        views = List.copyOf(views);
        mediaTypes = List.copyOf(mediaTypes);
    }

    private Answer(int status, String description, Schema<?> body, boolean etag, boolean location,
                   List<QueryParam> listParams, List<Class<? extends Record>> views) {
        this(status, description, body, etag, location, listParams, views, List.of());
    }

    /** 200 {@code {"<key>": {...}}} with the resource's ETag. */
    public static Answer one(String key, Class<? extends Record> view) {
        return new Answer(200, "The " + key.replace('_', ' '), envelope(key, view), true, false, List.of(),
                List.of(view));
    }

    /** 200 {@code {"<key>": [...], "pagination": {...}}}; the operation takes page and per_page. */
    public static Answer list(String key, Class<? extends Record> view) {
        return new Answer(200, "One page, in the documented order",
                Json.object().with(key, Json.array(placeholder(view))).with("pagination", Json.ref("Pagination")),
                false, false, QueryParam.pagination(), List.of(view));
    }

    /** 201 {@code {"message", "<key>": {...}}} with Location and ETag. */
    public static Answer created(String key, Class<? extends Record> view) {
        return new Answer(201, "Created", withMessage(key, view), true, true, List.of(), List.of(view));
    }

    /** 200 {@code {"message", "<key>": {...}}} with the new ETag. */
    public static Answer updated(String key, Class<? extends Record> view) {
        return new Answer(200, "Changed", withMessage(key, view), true, false, List.of(), List.of(view));
    }

    /** 200 {@code {"message"}}. */
    public static Answer message(String description) {
        return new Answer(200, description, Json.ref("Message"), false, false, List.of(), List.of());
    }

    /** Any other answer, described by its schema, which may refer to the components of {@code views}. */
    @SafeVarargs
    public static Answer of(int status, String description, Schema<?> body, Class<? extends Record>... views) {
        return new Answer(status, description, body, false, false, List.of(), List.of(views));
    }

    /**
     * 200 with a file (a {@code Content-Disposition: attachment} with its name) in one of {@code mediaTypes}, the
     * one the request asks for.
     */
    public static Answer download(String description, List<String> mediaTypes) {
        return new Answer(200, description, Json.string("binary"), false, false, List.of(), List.of(),
                mediaTypes);
    }

    /** The component schema of {@code view} (for {@link #of}). */
    public static Schema<?> view(Class<? extends Record> view) {
        return placeholder(view);
    }

    public Answer withETag() {
        return new Answer(status, description, body, true, location, listParams, views, mediaTypes);
    }

    public Answer withLocation() {
        return new Answer(status, description, body, etag, true, listParams, views, mediaTypes);
    }

    private static Schema<?> envelope(String key, Class<? extends Record> view) {
        return Json.object().with(key, placeholder(view));
    }

    private static Schema<?> withMessage(String key, Class<? extends Record> view) {
        return Json.object().with("message", Json.string()).with(key, placeholder(view));
    }

    /** Where the view's component goes; {@link OpenApiDocument} resolves it once all views are known. */
    private static Schema<?> placeholder(Class<? extends Record> view) {
        return Json.ref(RecordSchemas.componentName(view));
    }
}
