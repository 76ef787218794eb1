package io.timetracker.command.token;

import io.timetracker.command.common.CommandRejectedException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The scope vocabulary of contract §1: {@code read:<resource>}, {@code write:<resource>}, wildcards, admin. */
public final class ApiScopes {

    public static final String ADMIN_ALL = "admin:all";
    public static final String EVERYTHING = "*";
    public static final List<String> RESOURCES = List.of("projects", "clients", "tasks", "time_entries",
            "time_approvals", "reports", "deals", "leads", "contacts", "users");

    private static final Set<String> KNOWN = Stream.concat(
                    Stream.of(ADMIN_ALL, EVERYTHING, "read:*", "write:*"),
                    RESOURCES.stream().flatMap(resource -> Stream.of("read:" + resource, "write:" + resource)))
            .collect(Collectors.toUnmodifiableSet());

    private ApiScopes() {
    }

    public static boolean isKnown(String scope) {
        return KNOWN.contains(scope);
    }

    static void requireKnown(List<String> scopes) {
        if (scopes == null || scopes.isEmpty()) {
            throw CommandRejectedException.invalid("scopes", "At least one scope is required");
        }
        List<String> unknown = scopes.stream().filter(scope -> !isKnown(scope)).toList();
        if (!unknown.isEmpty()) {
            throw CommandRejectedException.invalid("scopes", "Unknown scope(s): " + String.join(", ", unknown));
        }
    }
}
