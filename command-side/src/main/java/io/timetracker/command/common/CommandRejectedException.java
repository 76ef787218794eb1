package io.timetracker.command.common;

/**
 * A command that breaks a domain rule. {@code field} names the offending input for validation
 * rejections and is null otherwise.
 */
public class CommandRejectedException extends RuntimeException {

    private final Rejection rejection;
    private final String field;

    public CommandRejectedException(Rejection rejection, String message) {
        this(rejection, null, message);
    }

    public CommandRejectedException(Rejection rejection, String field, String message) {
        super(message, null, false, false);
        this.rejection = rejection;
        this.field = field;
    }

    public static CommandRejectedException invalid(String field, String message) {
        return new CommandRejectedException(Rejection.VALIDATION_ERROR, field, message);
    }

    public static CommandRejectedException conflict(String message) {
        return new CommandRejectedException(Rejection.CONFLICT, message);
    }

    public Rejection rejection() {
        return rejection;
    }

    public String field() {
        return field;
    }
}
