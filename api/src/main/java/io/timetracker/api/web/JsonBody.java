package io.timetracker.api.web;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's JSON object, read the contract's liberal way: integers may come as digit strings, lists as
 * comma strings, and unknown fields are ignored (and reported in {@code X-Ignored-Fields}). Each reader
 * records a validation error instead of throwing, so one response names every bad field;
 * {@link #throwIfInvalid()} ends the reading.
 */
public class JsonBody {

    private static final Pattern DIGITS = Pattern.compile("-?\\d{1,18}");
    /** NUL and the other control characters but tab, line feed and carriage return; and the DEL character. */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");
    /** Date-times and dates are read within these years: real time tracking, and well inside PostgreSQL's range. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 9999;

    /** Contract §1: every write accepts an optional reason, kept with the change. */
    public static final BodyField<String> REASON = BodyField.text("reason", 1000)
            .describedAs("Why the change is made; kept with it in the audit trail");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ObjectNode node;
    private final ApiTime time;
    private String reason;
    private boolean reasonRead;
    private final Set<String> read = new LinkedHashSet<>();
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    public JsonBody(ObjectNode node, ApiTime time) {
        this.node = node;
        this.time = time;
    }

    /** Whether the field is present at all (a JSON null counts: it clears the field). */
    public boolean has(String field) {
        read.add(field);
        return node.has(field);
    }

    /**
     * The field as {@code field} describes it: read under its name, or else the first alias the body carries; a
     * required one missing (or empty) is rejected, an absent one is its default.
     */
    public <T> T read(BodyField<T> field) {
        String as = field.names().stream().filter(this::has).findFirst().orElse(field.name());
        T value = field.reader().read(this, field, as);
        if (errors.containsKey(as)) {
            return field.defaultValue(); // the request is refused anyway; the reader still gets a usable value
        }
        if (field.mandatory() && (value == null || value instanceof String text && text.isEmpty())) {
            return reject(field.name(), "Is required");
        }
        return value == null ? field.defaultValue() : value;
    }

    public String text(String field, int maxLength) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isString() && !value.isIntegralNumber()) {
            return reject(field, "Must be a string");
        }
        String text = value.asString().strip();
        if (text.length() > maxLength) {
            return reject(field, "Must be at most " + maxLength + " characters");
        }
        return storable(field, text) ? text : null;
    }

    /** An email address, or null or empty (no address). */
    public String email(String field, int maxLength) {
        String email = text(field, maxLength);
        return email == null || email.isEmpty() || EMAIL.matcher(email).matches() ? email
                : reject(field, "Must be an email address");
    }

    public Long integer(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.asLong();
        }
        if (value.isString() && DIGITS.matcher(value.asString().strip()).matches()) {
            return Long.parseLong(value.asString().strip());
        }
        return reject(field, "Must be an integer");
    }

    public BigDecimal decimal(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString()) {
                return new BigDecimal(value.asString().strip());
            }
        } catch (NumberFormatException | JacksonException notFinite) {
            // a digit string that is no number, or a JSON number too large for a double (read as infinity)
        }
        return reject(field, "Must be a number");
    }

    public Boolean bool(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isString() && (value.asString().equals("true") || value.asString().equals("false"))) {
            return Boolean.parseBoolean(value.asString());
        }
        return reject(field, "Must be true or false");
    }

    /** A JSON array of strings, or one comma-separated string; blanks dropped. */
    public List<String> stringList(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        List<String> items = new ArrayList<>();
        if (value.isString()) {
            Arrays.stream(value.asString().split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isString()) {
                    return reject(field, "Must be a list of strings");
                }
                if (!item.asString().isBlank()) {
                    items.add(item.asString().strip());
                }
            }
        } else {
            return reject(field, "Must be a list of strings or a comma-separated string");
        }
        return items.stream().allMatch(item -> storable(field, item)) ? items : null;
    }

    /** A JSON array of integers (or digit strings), or null when absent. */
    public List<Long> integerList(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            return reject(field, "Must be a list of integers");
        }
        List<Long> items = new ArrayList<>();
        for (JsonNode item : value) {
            if (item.isIntegralNumber() && item.canConvertToLong()) {
                items.add(item.asLong());
            } else if (item.isString() && DIGITS.matcher(item.asString().strip()).matches()) {
                items.add(Long.parseLong(item.asString().strip()));
            } else {
                return reject(field, "Must be a list of integers");
            }
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            return reject(field, "Must be an object");
        }
        return storable(field, value) ? (Map<String, Object>) JsonNodes.toJava(value) : null;
    }

    public Instant dateTime(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        Instant instant = value.isString() ? time.parseDateTime(value.asString().strip()) : null;
        if (instant == null) {
            return reject(field, "Must be an ISO 8601 date-time");
        }
        return inRange(time.format(instant).getYear()) ? instant : reject(field, yearsMessage());
    }

    public LocalDate date(String field) {
        JsonNode value = value(field);
        if (value == null) {
            return null;
        }
        LocalDate date = value.isString() ? time.parseDate(value.asString().strip()) : null;
        if (date == null) {
            return reject(field, "Must be an ISO 8601 date (YYYY-MM-DD)");
        }
        return inRange(date.getYear()) ? date : reject(field, yearsMessage());
    }

    /**
     * The client's reason for the change (null: none given), which every command this request sends carries into
     * the audit trail.
     *
     * @throws ApiException a validation error on {@code reason} when it is not a storable text of at most
     *                      {@link #REASON}'s length
     */
    public String reason() {
        if (!reasonRead) {
            reason = text(REASON.name(), REASON.maxLength());
            reasonRead = true;
        }
        List<String> problems = errors.get("reason");
        if (problems != null) {
            throw ApiException.validation(Map.of("reason", problems));
        }
        return reason == null || reason.isEmpty() ? null : reason;
    }

    /** Records a rule the field breaks (a range, an enumeration) found after reading it. */
    public <T> T reject(String field, String message) {
        errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        return null;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
    }

    /** Fields the client sent that the endpoint never read. */
    public List<String> ignoredFields() {
        List<String> ignored = new ArrayList<>();
        node.propertyNames().forEach(name -> {
            if (!read.contains(name)) {
                ignored.add(name);
            }
        });
        return ignored;
    }

    /** Whether the text can be stored as it is; if not, the field is rejected saying why. */
    private boolean storable(String field, String text) {
        if (CONTROL.matcher(text).find()) {
            reject(field, "Must not contain NUL or other control characters");
            return false;
        }
        if (!isWellFormed(text)) {
            reject(field, "Must be valid Unicode text (it holds an unpaired surrogate)");
            return false;
        }
        return true;
    }

    /** A free-form JSON value: every key and string storable, every number finite. */
    private boolean storable(String field, JsonNode value) {
        if (value.isString()) {
            return storable(field, value.asString());
        }
        if (value.isNumber() && !value.isIntegralNumber() && !Double.isFinite(value.asDouble())) {
            reject(field, "Must hold only finite numbers");
            return false;
        }
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> member : value.properties()) {
                if (!storable(field, member.getKey()) || !storable(field, member.getValue())) {
                    return false;
                }
            }
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!storable(field, item)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    private static String yearsMessage() {
        return "Must be between the years " + FIRST_YEAR + " and " + LAST_YEAR;
    }

    /** No unpaired UTF-16 surrogate (JSON's \\uD800 escapes can make one; PostgreSQL cannot store it). */
    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private JsonNode value(String field) {
        read.add(field);
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }
}
