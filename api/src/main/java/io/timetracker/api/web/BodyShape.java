package io.timetracker.api.web;

import java.util.List;
import java.util.stream.Stream;

/**
 * A request body as one endpoint reads it: the {@link BodyField}s its reader reads, under the name the OpenAPI
 * document gives the body's schema. A partial shape (an update: PUT and PATCH alike) requires none of them, but a
 * required field it carries must still hold a value. Every write also accepts {@link JsonBody#REASON}, which the
 * document adds.
 */
public record BodyShape(String name, List<BodyField<?>> fields, boolean partial) {

    public static BodyShape of(String name, BodyField<?>... fields) {
        return new BodyShape(name, List.of(fields), false);
    }

    /** No fields but the reason every write accepts. */
    public static BodyShape reasonOnly() {
        return of("Reason");
    }

    /** The same fields and {@code extraFields}, none of them needed: an update sends only what changes. */
    public BodyShape partial(String partialName, BodyField<?>... extraFields) {
        return new BodyShape(partialName, Stream.concat(fields.stream(), Stream.of(extraFields)).toList(), true);
    }

    /** This shape and {@code extraFields}, under another name. */
    public BodyShape with(String otherName, BodyField<?>... extraFields) {
        return new BodyShape(otherName, Stream.concat(fields.stream(), Stream.of(extraFields)).toList(), partial);
    }
}
