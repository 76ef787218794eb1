package io.timetracker.query.audit;

import java.lang.reflect.Method;
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

    /** A record component as the log reads it: looked up once per record class (reflection is slow to ask). */
    private record Component(String name, String field, boolean secret, Method accessor) {
    }

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            if (components == null) {
                return new Component[0];
            }
            Component[] read = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                read[i] = new Component(name, AuditVocabulary.snakeCase(name), AuditVocabulary.isSecret(name),
                        components[i].getAccessor());
            }
            return read;
        }
    };

    private AuditFields() {
    }

    static Map<String, Object> of(Object event, long entityId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        Component[] components = COMPONENTS.get(event.getClass());
        for (int i = 0; i < components.length; i++) {
            Object value = valueOf(components[i], event);
            boolean ownId = i == 0 && value instanceof Number number && number.longValue() == entityId;
            if (!ownId) {
                put(fields, components[i], value);
            }
        }
        fields.putAll(AuditVocabulary.implied(event.getClass()));
        return fields;
    }

    /** The id an event names first: the entity's own, for an entity embedded in another's aggregate. */
    static long firstId(Object event) {
        Component[] components = COMPONENTS.get(event.getClass());
        if (components.length == 0 || !(valueOf(components[0], event) instanceof Number id)) {
            throw new IllegalStateException(event.getClass() + " names no entity id first");
        }
        return id.longValue();
    }

    private static void put(Map<String, Object> fields, Component component, Object value) {
        if (component.secret()) {
            return;
        }
        if (value instanceof Record nested) {
            for (Component inner : COMPONENTS.get(nested.getClass())) {
                put(fields, inner, valueOf(inner, nested));
            }
            return;
        }
        fields.put(component.field(), json(value));
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

    private static Object valueOf(Component component, Object record) {
        try {
            return component.accessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read " + component.name() + " of " + record.getClass(), e);
        }
    }
}
