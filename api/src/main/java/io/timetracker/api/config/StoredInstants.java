package io.timetracker.api.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The instants the event store writes: in its JSON and in its {@code time_stamp} column every instant has the form
 * {@link Instant#toString()} gives ({@code 2026-12-01T23:34:06.564Z}). Reading that form by its fixed positions
 * costs a fraction of a formatter's parsing, and a replay reads two instants or more per event.
 */
final class StoredInstants {

    private StoredInstants() {
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or null when {@code text} is not in that form. */
    static Instant parse(String text) {
        int length = text.length();
        if (length < 20 || length == 21 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':'
                || text.charAt(length - 1) != 'Z' || (length > 20 && text.charAt(19) != '.')) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            nanos = number(text, 20, length - 1);
            for (int digits = length - 21; digits < 9 && nanos >= 0; digits++) {
                nanos *= 10; // a fraction of fewer digits counts tenths, hundredths, ... of a second
            }
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 7);
        int day = number(text, 8, 10);
        int hour = number(text, 11, 13);
        int minute = number(text, 14, 16);
        int second = number(text, 17, 19);
        if (nanos < 0 || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not a digit. */
    private static int number(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
