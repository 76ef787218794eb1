package io.timetracker.events.user;

/** The user's password was replaced; only its adaptive hash is recorded. */
public record UserPasswordChanged(long userId, String passwordHash) {
}
