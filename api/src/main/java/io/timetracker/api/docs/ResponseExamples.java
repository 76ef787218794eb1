package io.timetracker.api.docs;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The examples of the document: real answers the HTTP tests recorded (docs/openapi.md, "Examples"), on the class
 * path as {@code openapi/examples/<operationId>.<status>.json} for a success and {@code error.<status>.json} for
 * the one error shape.
 */
final class ResponseExamples {

    private static final String FOLDER = "openapi/examples/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResponseExamples() {
    }

    /** The recorded answer of {@code operationId} with {@code status}, as JSON values; null when none is. */
    static Object success(String operationId, int status) {
        return read(operationId + "." + status);
    }

    /** The recorded error answer with {@code status}; null when none is. */
    static Object error(int status) {
        return read("error." + status);
    }

    /** The name of the error example with {@code status} among the components. */
    static String errorName(int status) {
        return "error_" + status;
    }

    private static Object read(String name) {
        try (InputStream in = ResponseExamples.class.getClassLoader().getResourceAsStream(FOLDER + name + ".json")) {
            return in == null ? null : JSON.readValue(in, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
