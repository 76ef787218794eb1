package io.timetracker.events.user;

/** The user's profile now reads {@code profile} (the whole new state, so history can show field changes). */
public record UserProfileChanged(long userId, UserProfile profile) {
}
