package io.timetracker.api.report;

import io.timetracker.api.auth.Caller;
import io.timetracker.api.web.ApiException;
import io.timetracker.api.web.ApiTime;
import io.timetracker.api.web.QueryParams;
import io.timetracker.query.report.ReportQueries.Grouping;
import io.timetracker.query.report.ReportQueries.ReportFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads the filters the reports and exports share: {@code start_date}/{@code end_date} (dates, or date-times read
 * as their date in the server's zone; both inclusive), {@code project_id}, {@code client_id}, {@code user_id} (a
 * non-admin reports on themselves only: no {@code user_id} means themselves, another's is 403) and {@code as_of}
 * (a date-time not in the future).
 */
@Component
class ReportParams {

    static final List<String> GROUPINGS = Arrays.stream(Grouping.values())
            .map(grouping -> grouping.name().toLowerCase(Locale.ROOT)).toList();

    /** The period when none is given: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    private final ApiTime time;
    private final Clock clock;

    ReportParams(ApiTime time, Clock clock) {
        this.time = time;
        this.clock = clock;
    }

    /** The filter; without dates, the last 30 days. */
    ReportFilter read(HttpServletRequest request, Caller caller) {
        LocalDate today = LocalDate.now(clock.withZone(time.zone()));
        LocalDate end = date(request, "end_date");
        LocalDate start = date(request, "start_date");
        if (end == null) {
            end = start != null && start.isAfter(today) ? start : today;
        }
        return filter(request, caller, start != null ? start : end.minusDays(DEFAULT_DAYS - 1), end);
    }

    /** The filter of a period that must be given. */
    ReportFilter readRequiredPeriod(HttpServletRequest request, Caller caller) {
        LocalDate start = date(request, "start_date");
        LocalDate end = date(request, "end_date");
        if (start == null) {
            throw ApiException.validation("start_date", "Is required");
        }
        if (end == null) {
            throw ApiException.validation("end_date", "Is required");
        }
        return filter(request, caller, start, end);
    }

    /** {@code group_by}: project (the default), client, user, task, day, week or month. */
    static Grouping grouping(HttpServletRequest request) {
        return Grouping.valueOf(QueryParams.oneOf(request, "group_by", GROUPINGS, "project").toUpperCase(Locale.ROOT));
    }

    private ReportFilter filter(HttpServletRequest request, Caller caller, LocalDate start, LocalDate end) {
        if (start.isAfter(end)) {
            throw ApiException.validation("start_date", "Must not be after end_date");
        }
        Long userId = QueryParams.id(request, "user_id");
        if (!caller.isAdmin()) {
            if (userId != null && userId != caller.userId()) {
                throw ApiException.forbidden("Only administrators may report on other users");
            }
            userId = caller.userId();
        }
        return new ReportFilter(start, end, userId, QueryParams.id(request, "project_id"),
                QueryParams.id(request, "client_id"), asOf(request));
    }

    private LocalDate date(HttpServletRequest request, String name) {
        String value = blankToNull(request.getParameter(name));
        if (value == null) {
            return null;
        }
        LocalDate date = time.parseDate(value);
        if (date != null) {
            return date;
        }
        Instant instant = time.parseDateTime(value);
        if (instant == null) {
            throw ApiException.validation(name, "Must be an ISO 8601 date or date-time");
        }
        return instant.atZone(time.zone()).toLocalDate();
    }

    private Instant asOf(HttpServletRequest request) {
        String value = blankToNull(request.getParameter("as_of"));
        if (value == null) {
            return null;
        }
        Instant asOf = time.parseDateTime(value);
        if (asOf == null) {
            throw ApiException.validation("as_of", "Must be an ISO 8601 date-time");
        }
        if (asOf.isAfter(clock.instant())) {
            throw ApiException.validation("as_of", "Must not be in the future");
        }
        return asOf;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
