package io.timetracker.api.docs;

import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;

import java.util.List;

/**
 * A query parameter of one operation: its name, schema (type, default, allowed values), meaning and whether the
 * operation needs it.
 */
public record QueryParam(String name, Schema<?> schema, String description, boolean mandatory) {

    public QueryParam(String name, Schema<?> schema, String description) {
        this(name, schema, description, false);
    }

    public static QueryParam id(String name, String description) {
        return new QueryParam(name, Json.integer().minimum(java.math.BigDecimal.ZERO), description);
    }

    /** An integer within {@code minimum..maximum}, {@code byDefault} when absent. */
    public static QueryParam integer(String name, int minimum, int maximum, int byDefault, String description) {
        Schema<Object> schema = Json.integer().format("int32").minimum(java.math.BigDecimal.valueOf(minimum))
                .maximum(java.math.BigDecimal.valueOf(maximum));
        schema.setDefault(byDefault);
        return new QueryParam(name, schema, description);
    }

    /** A date (YYYY-MM-DD) or a date-time, as the range filters read it. */
    public static QueryParam dateOrDateTime(String name, String description) {
        return new QueryParam(name, Json.string(), description + " (YYYY-MM-DD or an ISO 8601 date-time)");
    }

    /** The same parameter, needed: a request without it is 400. */
    public QueryParam required() {
        return new QueryParam(name, schema, description, true);
    }

    /** true or false, as QueryParams.bool reads it (also 1/0, yes/no). */
    public static QueryParam bool(String name, Boolean byDefault, String description) {
        Schema<Object> schema = Json.oneOf("true", "false", "1", "0", "yes", "no");
        schema.setDefault(byDefault == null ? null : byDefault.toString());
        return new QueryParam(name, schema, description);
    }

    public static QueryParam oneOf(String name, List<String> values, String byDefault, String description) {
        Schema<Object> schema = Json.oneOf(values.toArray(String[]::new));
        schema.setDefault(byDefault);
        return new QueryParam(name, schema, description);
    }

    public static QueryParam text(String name, String description) {
        return new QueryParam(name, Json.string(), description);
    }

    /** {@code page} and {@code per_page}, which every list takes. */
    static List<QueryParam> pagination() {
        Schema<Object> page = Json.integer().minimum(java.math.BigDecimal.ZERO);
        page.setDefault(1);
        Schema<Object> perPage = Json.integer().minimum(java.math.BigDecimal.ZERO);
        perPage.setDefault(50);
        return List.of(new QueryParam("page", page, "1 and up; a page past the end is empty"),
                new QueryParam("per_page", perPage, "Clamped to 1..100"));
    }

    Parameter parameter() {
        return new Parameter().in("query").name(name).schema(schema).description(description).required(mandatory);
    }
}
