package io.timetracker.api.web;

import io.timetracker.command.common.CommandRejectedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/**
 * The HTTP face of every expected failure of a write (contract §1, error codes): domain rejections, missing
 * aggregates and stale versions. The exception handler answers with it; bulk endpoints report its code per item.
 */
public final class Rejections {

    private Rejections() {
    }

    /** The contract error for {@code failure}, or null when it is no expected failure (a bug, an outage). */
    public static ApiException asApi(Throwable failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            return api;
        }
        if (cause instanceof CommandRejectedException rejected) {
            return toApi(rejected);
        }
        if (cause instanceof AggregateNotFoundException) {
            return ApiException.notFound("No such resource");
        }
        if (cause instanceof ConflictingModificationException || cause instanceof ConcurrencyException) {
            return ApiException.conflict("The resource was changed by someone else; reload it and retry");
        }
        return null;
    }

    /** The error code of an expected failure, for per-item results; anything unexpected is rethrown. */
    public static String errorCodeOf(RuntimeException failure) {
        ApiException api = asApi(failure);
        if (api == null) {
            throw failure;
        }
        return api.errorCode();
    }

    private static ApiException toApi(CommandRejectedException e) {
        return switch (e.rejection()) {
            case VALIDATION_ERROR -> ApiException.validation(Map.of(e.field() == null ? "request" : e.field(),
                    List.of(e.getMessage())));
            case NOT_FOUND -> ApiException.notFound(e.getMessage());
            case CONFLICT -> ApiException.conflict(e.getMessage());
            case FORBIDDEN -> ApiException.forbidden(e.getMessage());
            case INVALID_STATE -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_state", "Invalid state",
                    e.getMessage());
            case TIMER_ALREADY_RUNNING -> new ApiException(HttpStatus.CONFLICT, "timer_already_running",
                    "Timer already running", e.getMessage());
            case NO_ACTIVE_TIMER -> new ApiException(HttpStatus.BAD_REQUEST, "no_active_timer", "No active timer",
                    e.getMessage());
            case ENTRY_LOCKED -> new ApiException(HttpStatus.CONFLICT, "entry_locked", "Entry locked",
                    e.getMessage());
        };
    }
}
