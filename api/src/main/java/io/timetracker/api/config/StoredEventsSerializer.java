package io.timetracker.api.config;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Axon's Jackson serializer, except that it resolves each stored type name to its class once: Axon's asks the class
 * loader again for every event it reads, a twelfth of a replay's time.
 */
final class StoredEventsSerializer extends JacksonSerializer {

    private final Map<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    StoredEventsSerializer(Builder builder) {
        super(builder);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class classForType(SerializedType type) {
        return classes.computeIfAbsent(type, super::classForType);
    }
}
