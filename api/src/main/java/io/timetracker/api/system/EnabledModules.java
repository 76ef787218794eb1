package io.timetracker.api.system;

import org.springframework.stereotype.Component;

import java.util.List;

/** The areas this server serves; the mobile app hides every area missing from the list. */
@Component
public class EnabledModules {

    private static final List<String> SERVED = List.of("projects", "clients", "contacts", "tasks", "time_entries",
            "time_approvals", "reports", "search", "deals", "leads");

    public List<String> names() {
        return SERVED;
    }
}
