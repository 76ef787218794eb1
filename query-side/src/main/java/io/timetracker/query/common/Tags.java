package io.timetracker.query.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Tags of tasks and time entries: stored as one comma-separated string (TimeTracker's {@code tags}), shown
 * also as a list ({@code tag_list}), compared case-insensitively.
 */
public final class Tags {

    private Tags() {
    }

    /** The tags of a comma-separated string, trimmed, blanks dropped. */
    public static List<String> list(String tags) {
        if (tags == null) {
            return List.of();
        }
        return Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty()).toList();
    }

    /** The comma-separated form of {@code tags}, in order, each tag once (ignoring case); null when empty. */
    public static String join(List<String> tags) {
        List<String> kept = new ArrayList<>();
        for (String tag : tags) {
            String trimmed = tag.strip();
            if (!trimmed.isEmpty() && kept.stream().noneMatch(k -> key(k).equals(key(trimmed)))) {
                kept.add(trimmed);
            }
        }
        return kept.isEmpty() ? null : String.join(",", kept);
    }

    /** What a tag is compared and searched by. */
    public static String key(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    public static List<String> keys(String tags) {
        return list(tags).stream().map(Tags::key).toList();
    }
}
