package io.timetracker.query.common;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

/** Reads and writes the {@code jsonb} columns of read tables. */
public final class JsonColumns {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Numbers as written: a fraction stays the decimal it was ({@code 1.50}), not the nearest double. */
    private static final JsonMapper EXACT = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    public static String write(Map<String, Object> value) {
        return value == null ? null : MAPPER.writeValueAsString(value);
    }

    public static Map<String, Object> readMap(String json) {
        return json == null ? null : MAPPER.readValue(json, MAP);
    }

    /** {@code json} (an object) with every number as written: what {@code jsonb} holds of it. */
    public static Map<String, Object> readExact(String json) {
        return json == null ? null : EXACT.readValue(json, MAP);
    }
}
