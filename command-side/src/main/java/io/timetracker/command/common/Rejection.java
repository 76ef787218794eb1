package io.timetracker.command.common;

/** Why a command was refused; the API turns each into its contract error code and status. */
public enum Rejection {
    VALIDATION_ERROR,
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    INVALID_STATE,
    TIMER_ALREADY_RUNNING,
    NO_ACTIVE_TIMER,
    ENTRY_LOCKED
}
