package io.timetracker.api.web;

import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure answered with the contract's error shape:
 * {@code {"error", "message", "error_code", "errors"?, ...extras}}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;
    private final String error;
    private final Map<String, List<String>> fieldErrors;
    private final Map<String, Object> extras;

    public ApiException(HttpStatus status, String errorCode, String error, String message,
                        Map<String, List<String>> fieldErrors, Map<String, Object> extras) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.error = error;
        this.fieldErrors = fieldErrors;
        this.extras = extras;
    }

    public ApiException(HttpStatus status, String errorCode, String error, String message) {
        this(status, errorCode, error, message, null, Map.of());
    }

    public static ApiException validation(Map<String, List<String>> fieldErrors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_error", "Validation failed",
                "The request has invalid fields: " + String.join(", ", fieldErrors.keySet()), fieldErrors, Map.of());
    }

    public static ApiException validation(String field, String message) {
        return validation(Map.of(field, List.of(message)));
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_request", "Bad request", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", "Not found", message);
    }

    public static ApiException payloadTooLarge(int maxBytes) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", "Payload too large",
                "The request body is larger than " + maxBytes + " bytes");
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", "Conflict", message);
    }

    public HttpStatus status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }

    /** The invalid fields and what is wrong with each, or null when the failure is not about fields. */
    public Map<String, List<String>> fieldErrors() {
        return fieldErrors;
    }

    /** The response body; the request id lets an operator find the request in the logs. */
    public Map<String, Object> body(String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", getMessage());
        body.put("error_code", errorCode);
        if (fieldErrors != null) {
            body.put("errors", fieldErrors);
        }
        body.putAll(extras);
        body.put("request_id", requestId);
        return body;
    }
}
