package io.timetracker.command.project;

import io.timetracker.command.common.CommandRejectedException;

import java.util.Set;

public final class ProjectStatus {

    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";
    public static final String ARCHIVED = "archived";
    private static final Set<String> ALL = Set.of(ACTIVE, INACTIVE, ARCHIVED);

    private ProjectStatus() {
    }

    static void requireKnown(String status) {
        if (!ALL.contains(status)) {
            throw CommandRejectedException.invalid("status", "Must be one of active, inactive, archived");
        }
    }
}
