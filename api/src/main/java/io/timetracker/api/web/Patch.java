package io.timetracker.api.web;

import java.util.function.Function;

/**
 * Reads one resource's fields for a create or a partial update (PUT and PATCH alike): a field the body
 * carries is read (JSON null clears it), a field it lacks keeps the {@code current} value; on a create
 * ({@code current} null) every field is read from the body.
 */
public class Patch<V> {

    private final JsonBody body;
    private final V current;

    public Patch(JsonBody body, V current) {
        this.body = body;
        this.current = current;
    }

    /** Whether the field is to be read from the body (a create, or the body carries it under any of its names). */
    public boolean reads(BodyField<?> field) {
        return current == null || field.names().stream().anyMatch(body::has);
    }

    public <T> T read(BodyField<T> field, Function<V, T> currentValue) {
        return reads(field) ? body.read(field) : currentValue.apply(current);
    }
}
