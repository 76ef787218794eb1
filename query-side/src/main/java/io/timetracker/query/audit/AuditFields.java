package io.timetracker.query.audit;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields an event states about its entity, read from the event record itself: each component by its snake-case
 * name, the components of a nested record (an event's {@code details}) as fields of their own, the entity's own id
 * (the first component) left out, and no secret ({@link AuditVocabulary#isSecret}). Values become what JSON holds:
 * instants are ISO text at the read tables' precision (microseconds), dates ISO text, everything else as it is.
 */
final class AuditFields {

    private AuditFields() {
    }

    static Map<String, Object> of(Object event, long entityId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null) {
            return fields;
        }
        for (int i = 0; i < components.length; i++) {
            Object value = valueOf(components[i], event);
            boolean ownId = i == 0 && value instanceof Number number && number.longValue() == entityId;
            if (!ownId) {
                put(fields, components[i].getName(), value);
            }
        }
        fields.putAll(AuditVocabulary.implied(event.getClass()));
        return fields;
    }

    /** The id an event names first: the entity's own, for an entity embedded in another's aggregate. */
    static long firstId(Object event) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        if (components == null || components.length == 0
                || !(valueOf(components[0], event) instanceof Number id)) {
            throw new IllegalStateException(event.getClass() + " names no entity id first");
        }
        return id.longValue();
    }

    private static void put(Map<String, Object> fields, String name, Object value) {
        if (AuditVocabulary.isSecret(name)) {
            return;
        }
        if (value instanceof Record nested) {
            for (RecordComponent component : nested.getClass().getRecordComponents()) {
                put(fields, component.getName(), valueOf(component, nested));
            }
            return;
        }
        fields.put(AuditVocabulary.snakeCase(name), json(value));
    }

    private static Object json(Object value) {
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.MICROS).toString();
        }
        if (value instanceof TemporalAccessor || value instanceof Enum<?>) {
            return value.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            list.forEach(element -> values.add(json(element)));
            return values;
        }
        return value;
    }

    private static Object valueOf(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.getName() + " of " + record.getClass(), e);
        }
    }
}
