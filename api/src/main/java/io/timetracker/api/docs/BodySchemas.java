package io.timetracker.api.docs;

import io.swagger.v3.oas.models.media.Schema;
import io.timetracker.api.web.BodyField;
import io.timetracker.api.web.BodyShape;
import io.timetracker.api.web.JsonBody;

import java.math.BigDecimal;

/**
 * A request body's schema from the {@link BodyShape} its reader reads, plus the {@code reason} every write
 * accepts. Types are documented as a client should send them; the reader is more liberal (integers as digit
 * strings, lists as comma strings) and that is said once, in the document's description.
 */
final class BodySchemas {

    private BodySchemas() {
    }

    static Schema<?> of(BodyShape shape) {
        Json.ObjectSchema schema = Json.object();
        schema.setRequired(null);
        for (BodyField<?> field : shape.fields()) {
            schema.optional(field.name(), of(field));
            if (field.mandatory() && !shape.partial()) {
                schema.addRequiredItem(field.name());
            }
            for (String alias : field.aliases()) {
                schema.optional(alias, of(field).description("Alias of " + field.name()));
            }
        }
        if (shape.fields().stream().noneMatch(field -> field.name().equals(JsonBody.REASON.name()))) {
            schema.optional(JsonBody.REASON.name(), of(JsonBody.REASON));
        }
        return schema;
    }

    private static Schema<?> of(BodyField<?> field) {
        Schema<?> schema = switch (field.type()) {
            case STRING -> Json.string();
            case EMAIL -> Json.string("email");
            case INTEGER -> Json.integer();
            case NUMBER -> Json.number();
            case BOOLEAN -> Json.bool();
            case DATE -> Json.string("date");
            case DATE_TIME -> Json.dateTime();
            // the comma-separated string the reader also takes is liberal reading, like digit strings for integers
            case STRING_LIST -> Json.array(Json.string());
            case COMMA_LIST -> Json.string().description("Comma-separated (a JSON array of strings is also read)");
            case INTEGER_LIST -> Json.array(Json.integer());
            case OBJECT -> Json.anyObject();
            case ANY -> new Schema<>();
        };
        if (field.maxLength() != null) {
            schema.setMaxLength(field.maxLength());
        }
        if (field.mandatory() && field.type() == BodyField.Type.STRING && field.values().isEmpty()) {
            schema.setMinLength(1);
        }
        boolean list = field.type() == BodyField.Type.STRING_LIST || field.type() == BodyField.Type.INTEGER_LIST;
        if (field.minimum() != null) {
            if (list) {
                schema.setMinItems(field.minimum().intValue());
            } else {
                schema.setMinimum(new BigDecimal(field.minimum().toString()));
            }
        }
        if (field.maximum() != null) {
            if (list) {
                schema.setMaxItems(field.maximum().intValue());
            } else {
                schema.setMaximum(new BigDecimal(field.maximum().toString()));
            }
        }
        if (!field.values().isEmpty()) {
            @SuppressWarnings("unchecked")
            Schema<Object> values = (Schema<Object>) schema;
            field.values().forEach(values::addEnumItemObject);
        }
        if (field.defaultValue() != null) {
            @SuppressWarnings("unchecked")
            Schema<Object> withDefault = (Schema<Object>) schema;
            withDefault.setDefault(field.defaultValue());
        }
        if (field.description() != null) {
            schema.setDescription(schema.getDescription() == null ? field.description()
                    : field.description() + ". " + schema.getDescription());
        }
        // JSON null clears an optional field; a mandatory one must hold a value
        return field.mandatory() || field.type() == BodyField.Type.ANY ? schema : schema.nullable(true);
    }
}
