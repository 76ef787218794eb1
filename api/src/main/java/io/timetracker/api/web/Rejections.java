package io.timetracker.api.web;

import io.timetracker.command.common.CommandRejectedException;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Map;

/** The HTTP face of each domain rejection (contract §1, error codes). */
final class Rejections {

    private Rejections() {
    }

    static ApiException toApi(CommandRejectedException e) {
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
