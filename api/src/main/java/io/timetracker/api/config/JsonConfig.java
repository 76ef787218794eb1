package io.timetracker.api.config;

import io.timetracker.api.web.ApiTime;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The web layer's JSON: snake_case names, date-times with the server zone's offset (contract §1). */
@Configuration
public class JsonConfig {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public JsonMapperBuilderCustomizer apiJson(ApiTime time) {
        SimpleModule instants = new SimpleModule("instants-with-offset");
        instants.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
                generator.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.format(value)));
            }
        });
        return builder -> builder.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).addModule(instants);
    }
}
