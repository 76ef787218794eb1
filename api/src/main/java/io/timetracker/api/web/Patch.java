package io.timetracker.api.web;

import io.timetracker.query.common.Tags;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads one resource's fields for a create or a partial update (PUT and PATCH alike): a field the body
 * carries is read (JSON null clears it), a field it lacks keeps the {@code current} value; on a create
 * ({@code current} null) every field is read from the body.
 */
public class Patch<V> {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** The largest amount the read tables' numeric(12, 2) columns hold. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private final JsonBody body;
    private final V current;

    public Patch(JsonBody body, V current) {
        this.body = body;
        this.current = current;
    }

    /** Whether the field is to be read from the body (a create, or the body carries it). */
    public boolean reads(String field) {
        return current == null || body.has(field);
    }

    public String text(String field, int maxLength, Function<V, String> currentValue) {
        return reads(field) ? body.text(field, maxLength) : currentValue.apply(current);
    }

    public String email(String field, Function<V, String> currentValue) {
        if (!reads(field)) {
            return currentValue.apply(current);
        }
        String email = body.text(field, 255);
        return email == null || email.isEmpty() || EMAIL.matcher(email).matches() ? email
                : body.reject(field, "Must be an email address");
    }

    public Long integer(String field, Function<V, Long> currentValue) {
        return reads(field) ? body.integer(field) : currentValue.apply(current);
    }

    public BigDecimal nonNegativeDecimal(String field, Function<V, BigDecimal> currentValue) {
        if (!reads(field)) {
            return currentValue.apply(current);
        }
        BigDecimal value = body.decimal(field);
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            return body.reject(field, "Must not be negative");
        }
        return value.compareTo(MAX_AMOUNT) <= 0 ? value : body.reject(field, "Must be at most " + MAX_AMOUNT);
    }

    public Boolean bool(String field, boolean fallback, Function<V, Boolean> currentValue) {
        if (!reads(field)) {
            return currentValue.apply(current);
        }
        Boolean value = body.bool(field);
        return value == null ? fallback : value;
    }

    public Map<String, Object> object(String field, Function<V, Map<String, Object>> currentValue) {
        return reads(field) ? body.object(field) : currentValue.apply(current);
    }

    public List<String> stringList(String field, Function<V, List<String>> currentValue) {
        return reads(field) ? body.stringList(field) : currentValue.apply(current);
    }

    /** An enumerated value, compared in lower case; absent on a create, null or blank is {@code fallback}. */
    public String oneOf(String field, List<String> allowed, String fallback, Function<V, String> currentValue) {
        String value = text(field, 20, currentValue);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        String normalized = value.toLowerCase(Locale.ROOT);
        return allowed.contains(normalized) ? normalized
                : body.reject(field, "Must be one of " + String.join(", ", allowed));
    }

    /** Tags as one comma-separated string, each tag once (ignoring case), in the order given; none is null. */
    public String tags(String field, int maxLength, Function<V, List<String>> currentValue) {
        List<String> tags = stringList(field, currentValue);
        if (tags == null || tags.isEmpty()) {
            return null;
        }
        String joined = Tags.join(tags);
        return joined == null || joined.length() <= maxLength ? joined
                : body.reject(field, "Must be at most " + maxLength + " characters");
    }

    /** An ISO 4217 code, three letters (stored upper-case); absent on a create, null or blank is {@code fallback}. */
    public String currencyCode(String field, String fallback, Function<V, String> currentValue) {
        String code = text(field, 3, currentValue);
        if (code == null || code.isEmpty()) {
            return fallback;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        return CURRENCY.matcher(upper).matches() ? upper : body.reject(field, "Must be a three-letter currency code");
    }

    /** A whole number from 0 to 100 (a percentage, a score); absent on a create is {@code fallback}. */
    public Integer percentage(String field, Integer fallback, Function<V, Integer> currentValue) {
        if (!reads(field)) {
            return currentValue.apply(current);
        }
        Long value = body.integer(field);
        if (value == null) {
            return fallback;
        }
        return value >= 0 && value <= 100 ? Integer.valueOf(value.intValue())
                : body.reject(field, "Must be between 0 and 100");
    }
}
