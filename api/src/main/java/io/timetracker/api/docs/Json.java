package io.timetracker.api.docs;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small constructors for the OpenAPI schemas this document uses, so a description reads like the JSON it shows. */
public final class Json {

    private static final String COMPONENTS = "#/components/schemas/";

    private Json() {
    }

    public static Schema<Object> string() {
        return new Schema<>().type("string");
    }

    public static Schema<Object> string(String format) {
        return string().format(format);
    }

    public static Schema<Object> integer() {
        return new Schema<>().type("integer").format("int64");
    }

    public static Schema<Object> number() {
        return new Schema<>().type("number");
    }

    public static Schema<Object> bool() {
        return new Schema<>().type("boolean");
    }

    public static Schema<Object> dateTime() {
        return string("date-time");
    }

    public static Schema<Object> oneOf(String... values) {
        Schema<Object> schema = string();
        schema.setEnum(List.of((Object[]) values));
        return schema;
    }

    public static Schema<Object> array(Schema<?> items) {
        return new ArraySchema().items(items).type("array");
    }

    /** A JSON object whose values all have one schema (a map). */
    public static Schema<Object> mapOf(Schema<?> values) {
        return new Schema<>().type("object").additionalProperties(values);
    }

    /** A free-form JSON object. */
    public static Schema<Object> anyObject() {
        return new Schema<>().type("object").additionalProperties(true);
    }

    /** A reference to the component schema {@code name}. */
    public static Schema<Object> ref(String name) {
        return new Schema<>().$ref(COMPONENTS + name);
    }

    /** A value that may also be JSON null. */
    public static Schema<?> nullable(Schema<?> schema) {
        if (schema.get$ref() != null) {
            // OpenAPI 3.0 ignores siblings of $ref: wrap it
            return new Schema<>().nullable(true).allOf(List.of(schema));
        }
        return schema.nullable(true);
    }

    /** An object with exactly these properties, every one always present. */
    public static ObjectSchema object() {
        return new ObjectSchema();
    }

    /** An object schema built property by property, in the order the JSON has them. */
    public static final class ObjectSchema extends Schema<Object> {

        private final Map<String, Schema> declared = new LinkedHashMap<>();

        ObjectSchema() {
            type("object");
            setProperties(declared);
        }

        /** A property that is always present. */
        public ObjectSchema with(String name, Schema<?> schema) {
            declared.put(name, schema);
            addRequiredItem(name);
            return this;
        }

        /** A property that is present only sometimes. */
        public ObjectSchema optional(String name, Schema<?> schema) {
            declared.put(name, schema);
            return this;
        }

        public ObjectSchema describedAs(String text) {
            description(text);
            return this;
        }
    }
}
