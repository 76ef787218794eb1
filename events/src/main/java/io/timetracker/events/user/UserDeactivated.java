package io.timetracker.events.user;

/** The user can no longer sign in, and none of their tokens works. */
public record UserDeactivated(long userId) {
}
