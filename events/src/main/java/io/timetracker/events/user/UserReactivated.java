package io.timetracker.events.user;

public record UserReactivated(long userId) {
}
