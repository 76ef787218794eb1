package io.timetracker.api.web;

import io.timetracker.command.common.CommandRejectedException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * The contract error code a failure would be answered with, for endpoints that report one outcome per item
 * (bulk actions) instead of failing as a whole. Unexpected failures are not classified: they propagate.
 */
public final class ErrorCodes {

    private ErrorCodes() {
    }

    public static String of(RuntimeException failure) {
        Throwable cause = failure instanceof CommandExecutionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof ApiException api) {
            return api.errorCode();
        }
        if (cause instanceof CommandRejectedException rejected) {
            return Rejections.toApi(rejected).errorCode();
        }
        if (cause instanceof AggregateNotFoundException) {
            return "not_found";
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingAggregateVersionException) {
            return "conflict";
        }
        throw failure;
    }
}
