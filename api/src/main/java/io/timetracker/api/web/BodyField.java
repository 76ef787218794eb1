package io.timetracker.api.web;

import io.timetracker.query.common.Tags;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One field of a request body, described once: its name, JSON type, limits (a number's range, or a list's number of
 * items), allowed values, whether a create
 * needs it ({@code mandatory}), its default and its aliases. The {@code *Fields} readers read through it
 * ({@link JsonBody#read}, {@link Patch#read}) and the OpenAPI document describes the body from the same object, so
 * the two cannot disagree.
 *
 * @param <T> what reading the field gives
 */
public record BodyField<T>(String name, Type type, Integer maxLength, Number minimum, Number maximum,
                           List<String> values, boolean mandatory, T defaultValue, List<String> aliases,
                           String description, Reader<T> reader) {

    /** The field's JSON type as the document shows it (the reader accepts more, see {@link JsonBody}). */
    public enum Type {
        STRING, INTEGER, NUMBER, BOOLEAN, DATE, DATE_TIME, EMAIL, STRING_LIST, COMMA_LIST, INTEGER_LIST, OBJECT,
        /** A value whose type depends on another field (its description says how); read by the endpoint. */
        ANY
    }

    /** Reads the field's value from the body under the given name (the field's or an alias). */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonBody body, BodyField<T> field, String name);
    }

    /** The largest amount the read tables' numeric(12, 2) columns hold. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public static BodyField<String> text(String name, int maxLength) {
        return new BodyField<>(name, Type.STRING, maxLength, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.text(as, field.maxLength()));
    }

    /** A text that must be one of {@code values} (compared ignoring case; read in lower case). */
    public static BodyField<String> oneOf(String name, List<String> values) {
        int longest = values.stream().mapToInt(String::length).max().orElse(0);
        return new BodyField<>(name, Type.STRING, null, null, null, List.copyOf(values), false, null, List.of(),
                null, (body, field, as) -> {
                    String value = body.text(as, Math.max(longest, 100));
                    if (value == null || value.isEmpty()) {
                        return null;
                    }
                    String normalized = value.toLowerCase(Locale.ROOT);
                    return field.values().contains(normalized) ? normalized
                            : body.reject(as, "Must be one of " + String.join(", ", field.values()));
                });
    }

    public static BodyField<String> email(String name) {
        return new BodyField<>(name, Type.EMAIL, 255, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.email(as, field.maxLength()));
    }

    /** An ISO 4217 code, three letters, read in upper case; null or blank is none (or the default). */
    public static BodyField<String> currencyCode(String name) {
        return new BodyField<>(name, Type.STRING, 3, null, null, List.of(), false, null, List.of(),
                "ISO 4217 currency code, three letters (read in upper case)", (body, field, as) -> {
                    String code = body.text(as, field.maxLength());
                    if (code == null || code.isEmpty()) {
                        return null;
                    }
                    String upper = code.toUpperCase(Locale.ROOT);
                    return CURRENCY.matcher(upper).matches() ? upper
                            : body.reject(as, "Must be a three-letter currency code");
                });
    }

    public static BodyField<Long> integer(String name) {
        return new BodyField<>(name, Type.INTEGER, null, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.integer(as));
    }

    /** An integer within {@code minimum..maximum}. */
    public static BodyField<Long> integer(String name, long minimum, long maximum) {
        return new BodyField<>(name, Type.INTEGER, null, minimum, maximum, List.of(), false, null, List.of(), null,
                (body, field, as) -> {
                    Long value = body.integer(as);
                    return value == null || value >= minimum && value <= maximum ? value
                            : body.reject(as, "Must be between " + minimum + " and " + maximum);
                });
    }

    /** A non-negative decimal that fits the read tables' amount columns (money, hours). */
    public static BodyField<BigDecimal> amount(String name) {
        return new BodyField<>(name, Type.NUMBER, null, 0, MAX_AMOUNT, List.of(), false, null, List.of(), null,
                (body, field, as) -> {
                    BigDecimal value = body.decimal(as);
                    if (value == null) {
                        return null;
                    }
                    if (value.signum() < 0) {
                        return body.reject(as, "Must not be negative");
                    }
                    return value.compareTo(MAX_AMOUNT) <= 0 ? value : body.reject(as, "Must be at most " + MAX_AMOUNT);
                });
    }

    public static BodyField<Boolean> bool(String name) {
        return new BodyField<>(name, Type.BOOLEAN, null, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.bool(as));
    }

    public static BodyField<java.time.LocalDate> date(String name) {
        return new BodyField<>(name, Type.DATE, null, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.date(as));
    }

    public static BodyField<java.time.Instant> dateTime(String name) {
        return new BodyField<>(name, Type.DATE_TIME, null, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.dateTime(as));
    }

    /** A JSON array of strings or one comma-separated string. */
    public static BodyField<List<String>> stringList(String name) {
        return new BodyField<>(name, Type.STRING_LIST, null, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.stringList(as));
    }

    /** Like {@link #stringList}, but documented the way TimeTracker's clients send it: one comma-separated string. */
    public static BodyField<List<String>> commaList(String name) {
        return new BodyField<>(name, Type.COMMA_LIST, null, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.stringList(as));
    }

    /**
     * Tags as one comma-separated string (a JSON array of strings is also read), each tag once ignoring case, in
     * the order given, at most {@code maxLength} characters joined; none is null.
     */
    public static BodyField<String> tags(String name, int maxLength) {
        return new BodyField<>(name, Type.COMMA_LIST, maxLength, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> {
                    List<String> tags = body.stringList(as);
                    String joined = tags == null || tags.isEmpty() ? null : Tags.join(tags);
                    return joined == null || joined.length() <= maxLength ? joined
                            : body.reject(as, "Must be at most " + maxLength + " characters");
                });
    }

    public static BodyField<List<Long>> integerList(String name) {
        return new BodyField<>(name, Type.INTEGER_LIST, null, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.integerList(as));
    }

    /** A list of at most {@code maxItems} integers. */
    public static BodyField<List<Long>> integerList(String name, int maxItems) {
        return new BodyField<>(name, Type.INTEGER_LIST, null, null, maxItems, List.of(), false, null, List.of(), null,
                (body, field, as) -> {
                    List<Long> items = body.integerList(as);
                    return items == null || items.size() <= maxItems ? items
                            : body.reject(as, "Must list at most " + maxItems);
                });
    }

    /** A required list of 1 to {@code maxItems} ids (a bulk request's items). */
    public static BodyField<List<Long>> ids(String name, int maxItems) {
        return new BodyField<>(name, Type.INTEGER_LIST, null, 1, maxItems, List.of(), true, null, List.of(),
                "1 to " + maxItems + " ids", (body, field, as) -> {
                    List<Long> ids = body.integerList(as);
                    return ids == null || !ids.isEmpty() && ids.size() <= maxItems ? ids
                            : body.reject(as, "Must list 1 to " + maxItems + " ids");
                });
    }

    public static BodyField<java.util.Map<String, Object>> object(String name) {
        return new BodyField<>(name, Type.OBJECT, null, null, null, List.of(), false, null, List.of(), null,
                (body, field, as) -> body.object(as));
    }

    /** A field documented as any JSON value (its description says which): the endpoint reads it as a typed field. */
    public static BodyField<Object> any(String name, String description) {
        return new BodyField<>(name, Type.ANY, null, null, null, List.of(), false, null, List.of(), description,
                (body, field, as) -> {
                    throw new UnsupportedOperationException(name + " is read as one of its typed fields");
                });
    }

    /** Needed on a create; when sent on an update it must not be null or empty either. */
    public BodyField<T> required() {
        return new BodyField<>(name, type, maxLength, minimum, maximum, values, true, defaultValue, aliases,
                description, reader);
    }

    /** The value when the field is absent or null. */
    public BodyField<T> withDefault(T value) {
        return new BodyField<>(name, type, maxLength, minimum, maximum, values, mandatory, value, aliases,
                description, reader);
    }

    /** Another name clients send the field under (read when the field's own name is absent). */
    public BodyField<T> alias(String alias) {
        return new BodyField<>(name, type, maxLength, minimum, maximum, values, mandatory, defaultValue,
                Stream.concat(aliases.stream(), Stream.of(alias)).toList(), description, reader);
    }

    public BodyField<T> describedAs(String text) {
        return new BodyField<>(name, type, maxLength, minimum, maximum, values, mandatory, defaultValue, aliases,
                text, reader);
    }

    /** Every name the field may be sent under, its own first. */
    public List<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
