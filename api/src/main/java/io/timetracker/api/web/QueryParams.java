package io.timetracker.api.web;

import io.timetracker.api.auth.Caller;
import io.timetracker.query.common.PageRequest;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads query parameters; a malformed one is a 400 naming it, an unknown one is simply never read. */
public final class QueryParams {

    private static final Pattern NON_NEGATIVE = Pattern.compile("\\d+");
    private static final Pattern ID = Pattern.compile("\\d{1,18}");

    private QueryParams() {
    }

    /** {@code page} (default 1) and {@code per_page} (default 50, clamped to 1..100). */
    public static PageRequest page(HttpServletRequest request) {
        int page = nonNegative(request, "page", 1);
        int perPage = nonNegative(request, "per_page", 50);
        return new PageRequest(Math.max(page, 1), Math.min(Math.max(perPage, 1), 100));
    }

    public static Long id(HttpServletRequest request, String name) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            return null;
        }
        if (!ID.matcher(value).matches()) {
            throw ApiException.validation(name, "Must be a positive integer");
        }
        return Long.parseLong(value);
    }

    /**
     * The {@code owner} filter of a list of owned resources (deals, leads): any owner for admins (null: all);
     * non-admins list only their own, and asking for another user's is 403.
     */
    public static Long visibleOwner(HttpServletRequest request, Caller caller) {
        Long owner = id(request, "owner");
        if (caller.isAdmin()) {
            return owner;
        }
        if (owner != null && owner != caller.userId()) {
            throw ApiException.forbidden("Only administrators may list what other users own");
        }
        return caller.userId();
    }

    /** A free text of at most {@code maxLength} characters, trimmed; null when absent or blank. */
    public static String text(HttpServletRequest request, String name, int maxLength) {
        String value = blankToNull(request.getParameter(name));
        if (value != null && value.length() > maxLength) {
            throw ApiException.validation(name, "Must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** One of {@code allowed}, or {@code fallback} when absent. */
    public static String oneOf(HttpServletRequest request, String name, List<String> allowed, String fallback) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            return fallback;
        }
        if (!allowed.contains(value)) {
            throw ApiException.validation(name, "Must be one of " + String.join(", ", allowed));
        }
        return value;
    }

    /** {@code true} or {@code false} (also 1/0, yes/no), or {@code fallback} when absent. */
    public static Boolean bool(HttpServletRequest request, String name, Boolean fallback) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw ApiException.validation(name, "Must be true or false");
        };
    }

    /** The start of a date range: a date (its first instant in the server's zone) or a date-time; null when absent. */
    public static Instant rangeStart(HttpServletRequest request, String name, ApiTime time) {
        return boundary(request, name, time, false);
    }

    /**
     * The exclusive end of a date range: after a date-only value's whole day (in the server's zone), else just after
     * the date-time; null when absent.
     */
    public static Instant rangeEnd(HttpServletRequest request, String name, ApiTime time) {
        return boundary(request, name, time, true);
    }

    private static Instant boundary(HttpServletRequest request, String name, ApiTime time, boolean end) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            return null;
        }
        LocalDate date = time.parseDate(value);
        if (date != null) {
            return (end ? date.plusDays(1) : date).atStartOfDay(time.zone()).toInstant();
        }
        Instant instant = time.parseDateTime(value);
        if (instant == null) {
            throw ApiException.validation(name, "Must be an ISO 8601 date or date-time");
        }
        return end ? instant.plusNanos(1000) : instant;
    }

    private static int nonNegative(HttpServletRequest request, String name, int fallback) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            return fallback;
        }
        if (!NON_NEGATIVE.matcher(value).matches()) {
            throw ApiException.validation(name, "Must be a non-negative integer");
        }
        // Beyond any real page: clamp rather than overflow, so a far page is just past the end.
        return value.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
