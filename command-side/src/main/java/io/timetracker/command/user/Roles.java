package io.timetracker.command.user;

import io.timetracker.command.common.CommandRejectedException;

import java.util.Set;

public final class Roles {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";
    public static final String USER = "user";
    private static final Set<String> ALL = Set.of(ADMIN, MANAGER, USER);

    private Roles() {
    }

    static void requireKnown(String role) {
        if (!ALL.contains(role)) {
            throw CommandRejectedException.invalid("role", "Must be one of admin, manager, user");
        }
    }
}
