package io.timetracker.api.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The server's time zone and the contract's liberal reading of dates: ISO dates, and date-times with
 * {@code Z}, an offset, or none (then read in the server's zone), with or without fractions of a second.
 */
@Component
public class ApiTime {

    private final ZoneId zone;

    public ApiTime(@Value("${timetracker.timezone}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** @return the instant, or null when the text is no ISO date-time */
    public Instant parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(zone).toInstant();
            } catch (DateTimeParseException notADateTime) {
                return null;
            }
        }
    }

    /** @return the date, or null when the text is no ISO date */
    public LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public OffsetDateTime format(Instant instant) {
        return instant.atZone(zone).toOffsetDateTime();
    }
}
