package io.timetracker.query.common;

import java.util.Arrays;
import java.util.List;

/** Tags are stored as one comma-separated string; clients also get them as a list. */
public final class Tags {

    private Tags() {
    }

    public static List<String> list(String tags) {
        return tags == null ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }
}
