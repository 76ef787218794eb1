package io.timetracker.api.docs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.models.media.Schema;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schema of a view record as the web layer's JSON writes it: every component a snake_case property, always
 * present (JSON null where a reference is null); primitives are never null. Nested records become components of
 * their own. The records are the one description of each view's JSON; this reads it.
 */
final class RecordSchemas {

    /** The web layer's naming (JsonConfig). */
    private static final PropertyNamingStrategy NAMING = PropertyNamingStrategies.SNAKE_CASE;

    private final Map<String, Schema> components = new LinkedHashMap<>();

    /** A reference to the component for {@code type}, adding it (and the records it holds) when new. */
    Schema<?> ref(Class<? extends Record> type) {
        String name = componentName(type);
        if (!components.containsKey(name)) {
            components.put(name, null); // reserved first: a record may hold itself
            Json.ObjectSchema schema = Json.object();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                schema.with(NAMING.nameForField(null, null, component.getName()), of(component.getGenericType()));
            }
            components.put(name, schema);
        }
        return Json.ref(name);
    }

    Map<String, Schema> components() {
        return components;
    }

    /**
     * {@code TimeEntryView} is {@code TimeEntry}; a record nested in a record is named with its owner
     * ({@code EntryHistoryChange}).
     */
    static String componentName(Class<?> type) {
        String name = type.getSimpleName().replaceFirst("View$", "");
        Class<?> owner = type.getEnclosingClass();
        return owner == null || !owner.isRecord() ? name : componentName(owner) + name;
    }

    @SuppressWarnings("unchecked")
    private Schema<?> of(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return Json.nullable(Json.array(of(arguments[0])));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Json.nullable(arguments[1] == Object.class ? Json.anyObject() : Json.mapOf(of(arguments[1])));
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw == long.class || raw == int.class || raw == short.class) {
            return raw == long.class ? Json.integer() : Json.integer().format("int32");
        }
        if (raw == double.class || raw == float.class) {
            return Json.number();
        }
        if (raw == boolean.class) {
            return Json.bool();
        }
        if (raw.isRecord()) {
            return Json.nullable(ref((Class<? extends Record>) raw));
        }
        return Json.nullable(referenceType(raw));
    }

    private static Schema<?> referenceType(Class<?> raw) {
        if (raw == Long.class || raw == Integer.class) {
            return raw == Long.class ? Json.integer() : Json.integer().format("int32");
        }
        if (raw == Double.class || raw == BigDecimal.class) {
            return Json.number();
        }
        if (raw == Boolean.class) {
            return Json.bool();
        }
        if (raw == String.class) {
            return Json.string();
        }
        if (raw == Instant.class) {
            return Json.dateTime();
        }
        if (raw == LocalDate.class) {
            return Json.string("date");
        }
        if (raw == Object.class) {
            return new Schema<>(); // any JSON value
        }
        throw new IllegalArgumentException("No JSON schema for " + raw.getName() + ": describe it in RecordSchemas");
    }
}
