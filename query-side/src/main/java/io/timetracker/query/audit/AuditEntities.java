package io.timetracker.query.audit;

import io.timetracker.query.common.JsonColumns;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every entity's fields as its events have left them so far in a replay from the store's first event, each kept as
 * the JSON text {@code audit_entity_state} holds (about half a kilobyte per entity): the audit log's changes worked
 * out in memory, the same way {@link AuditLogProjection}'s statement works them out against the table live. Values
 * compare as {@code jsonb} values do: a missing field is null, numbers by value, lists in order, objects by their
 * keys and values.
 */
final class AuditEntities {

    /** What an event records: its changes, and the entity's fields after it (both JSON). */
    record Recorded(String changes, String fields) {
    }

    private record State(long version, String fields) {
    }

    private final Map<String, State> states = new HashMap<>();

    /**
     * The changes of the event at {@code version} of the entity and the entity's fields after it, remembered for the
     * next; null when the entity has already seen that version (nothing to record).
     *
     * @param eventFields the event's fields as JSON (an object)
     */
    Recorded apply(String entityType, long entityId, long version, boolean clears, String eventFields) {
        String key = entityType + ':' + entityId;
        State previous = states.get(key);
        if (previous != null && previous.version() >= version) {
            return null;
        }
        Map<String, Object> before = previous == null ? Map.of() : JsonColumns.readExact(previous.fields());
        Map<String, Object> changes = new LinkedHashMap<>();
        Map<String, Object> after;
        if (clears) {
            before.forEach((field, was) -> {
                if (was != null) {
                    changes.put(field, change(was, null));
                }
            });
            after = Map.of();
        } else {
            after = new LinkedHashMap<>(before);
            JsonColumns.readExact(eventFields).forEach((field, value) -> {
                Object was = before.get(field);
                if (!same(was, value)) {
                    changes.put(field, change(was, value));
                }
                after.put(field, value);
            });
        }
        String fields = JsonColumns.write(after);
        states.put(key, new State(version, fields));
        return new Recorded(JsonColumns.write(changes), fields);
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", from);
        change.put("to", to);
        return change;
    }

    /** Whether two values read from JSON are equal as {@code jsonb} values. */
    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            return x.keySet().equals(y.keySet())
                    && x.entrySet().stream().allMatch(entry -> same(entry.getValue(), y.get(entry.getKey())));
        }
        return a.equals(b);
    }
}
