package io.timetracker.api.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code If-Match}: the aggregate version a client last saw, or null when it sent none (or {@code *}). */
public final class Preconditions {

    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private Preconditions() {
    }

    public static Long ifMatch(HttpServletRequest request) {
        String header = request.getHeader("If-Match");
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return null;
        }
        Matcher matcher = VERSION.matcher(header.strip());
        if (!matcher.matches()) {
            throw ApiException.badRequest("If-Match must be an ETag this API sent");
        }
        return Long.parseLong(matcher.group(1));
    }
}
