package io.timetracker.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.timetracker.api.web.AuditMetadata;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.util.concurrent.TimeUnit;

/**
 * Axon without Axon Server: the embedded event store on PostgreSQL, events and tokens serialized as JSON
 * by a mapper that belongs to the event store alone (a change to the web layer's JSON can never change
 * the stored format), and tracking processors that batch.
 */
@Configuration
public class AxonConfig {

    /** The event store's own mapper: stable, independent of {@code spring.jackson.*}. */
    static ObjectMapper eventStoreMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(eventStoreMapper()).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return serializer();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return serializer();
    }

    /** Copies who-and-why from each command's metadata onto every event it records. */
    @Bean
    public CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS.toArray(String[]::new));
    }

    /**
     * Tracking, not pooled streaming, processors: the embedded event store's streams cannot notify a pooled
     * processor of new events, so an idle pooled processor polls every 500 ms and every write waited ~0.5 s for
     * read-your-writes. A tracking processor blocks on the stream, which the store wakes on each local commit
     * (writes measured ~30 ms instead of ~500 ms; replays as fast or faster).
     */
    @Autowired
    public void configureProcessors(EventProcessingConfigurer processing,
                                    @Value("${timetracker.projections.batch-size:200}") int batchSize) {
        processing.usingTrackingEventProcessors()
                .registerTrackingEventProcessorConfiguration(configuration -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing().andBatchSize(batchSize).andInitialSegmentsCount(1)
                        // a processor restarted (a rebuild) or a segment freed by another node is picked up
                        // within a second, not the default five
                        .andTokenClaimInterval(1, TimeUnit.SECONDS));
    }
}
