package io.timetracker.command.lead;

import io.timetracker.command.common.CommandRejectedException;

import java.util.List;

/** A lead's statuses; converted and lost are where a lead ends. */
public final class LeadStatuses {

    public static final String NEW = "new";
    public static final String CONVERTED = "converted";
    public static final String LOST = "lost";
    public static final List<String> ALL = List.of(NEW, "contacted", "qualified", CONVERTED, LOST);

    private LeadStatuses() {
    }

    static void requireKnown(String status) {
        if (!ALL.contains(status)) {
            throw CommandRejectedException.invalid("status", "Must be one of " + String.join(", ", ALL));
        }
    }
}
