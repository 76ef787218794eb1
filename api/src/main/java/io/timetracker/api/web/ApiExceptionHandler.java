package io.timetracker.api.web;

import io.timetracker.command.common.CommandRejectedException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;
import java.util.Map;

/** Turns every failure, the framework's own included, into the contract's one error shape. */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** Expected failures of a write: the caller's mistake or a lost race, never a server error. */
    @ExceptionHandler({ApiException.class, CommandRejectedException.class, CommandExecutionException.class,
            AggregateNotFoundException.class, ConflictingModificationException.class, ConcurrencyException.class})
    ResponseEntity<Map<String, Object>> expected(RuntimeException e, HttpServletRequest request) {
        ApiException api = Rejections.asApi(e);
        return api != null ? respond(api, request) : unexpected(e, request);
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<Map<String, Object>> noRoute(Exception e, HttpServletRequest request) {
        return respond(ApiException.notFound("No endpoint " + request.getMethod() + " " + request.getRequestURI()),
                request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> response = respond(new ApiException(HttpStatus.METHOD_NOT_ALLOWED,
                "method_not_allowed", "Method not allowed",
                request.getMethod() + " is not allowed on " + request.getRequestURI()), request);
        return e.getSupportedHttpMethods() == null ? response
                : ResponseEntity.status(response.getStatusCode()).allow(e.getSupportedHttpMethods().toArray(
                        org.springframework.http.HttpMethod[]::new)).body(response.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> mediaType(Exception e, HttpServletRequest request) {
        return respond(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "Unsupported media type", "Send the body as application/json"), request);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Map<String, Object>> notAcceptable(Exception e, HttpServletRequest request) {
        return respond(new ApiException(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "Not acceptable",
                "This endpoint answers with application/json"), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Map<String, Object>> typeMismatch(MethodArgumentTypeMismatchException e,
                                                     HttpServletRequest request) {
        return respond(ApiException.validation(Map.of(e.getName(), List.of("Has the wrong type"))), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Map<String, Object>> missingParameter(MissingServletRequestParameterException e,
                                                         HttpServletRequest request) {
        return respond(ApiException.validation(e.getParameterName(), "Is required"), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> unreadable(Exception e, HttpServletRequest request) {
        return respond(ApiException.badRequest("Malformed request body"), request);
    }

    /** The client went away while we answered (a closed connection): nobody is left to tell. */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(HttpServletRequest request) {
        log.debug("Client closed the connection during {} {}", request.getMethod(), request.getRequestURI());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
        if (isClientGone(e)) {
            clientGone(request);
            return null;
        }
        log.error("Unexpected failure of {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(new ApiException(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "Internal server error",
                "Something went wrong on our side; quote the request_id when you report it"), request);
    }

    private static boolean isClientGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AsyncRequestNotUsableException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Map<String, Object>> respond(ApiException e, HttpServletRequest request) {
        return ResponseEntity.status(e.status()).body(e.body(RequestContext.requestId(request)));
    }
}
