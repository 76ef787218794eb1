package io.timetracker.query.user;

import io.timetracker.query.common.PageRequest;

/** The queries the users projection answers. */
public final class UserQueries {

    private UserQueries() {
    }

    /** Answers {@code Versioned<UserView>}, or null when there is no such user. */
    public record FindUser(long userId) {
    }

    /** Answers {@code PageResult<UserView>}, ordered by username then id. */
    public record ListUsers(PageRequest page) {
    }

    /** Answers {@link UserCredentials}, or null; the username is matched case-insensitively. */
    public record FindCredentials(String username) {
    }

    /** What signing in needs: never leaves the server. */
    public record UserCredentials(long userId, String username, String role, boolean active, String passwordHash) {
    }
}
