package io.timetracker.command.common;

import java.util.Locale;

/** How names compare for uniqueness: trimmed, case-insensitive. */
public final class Names {

    private Names() {
    }

    public static String key(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }
}
