package io.timetracker.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.timetracker.api.web.AuditMetadata;
import io.timetracker.query.common.ProjectionWrites;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Axon without Axon Server: the embedded event store on PostgreSQL through Axon's JDBC engine, events and tokens
 * serialized as JSON by a mapper that belongs to the event store alone (a change to the web layer's JSON can never
 * change the stored format), and every projection inline (see {@link #inlineProjections}).
 */
@Configuration
public class AxonConfig {

    /*
     * The event store keeps timestamps to the millisecond; events are stamped at that precision when they are
     * created, so a projection sees the same instant live as when it is rebuilt from the store.
     */
    static {
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** The event store's own mapper: stable, independent of {@code spring.jackson.*}. */
    static ObjectMapper eventStoreMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new SimpleModule().addDeserializer(Instant.class, new StoredInstantDeserializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return new StoredEventsSerializer(JacksonSerializer.builder().objectMapper(eventStoreMapper()));
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

    /**
     * Every unit of work runs in one Spring transaction: the command's events, its constraint and directory rows and
     * every projection's rows commit together or not at all. Declared here because Axon's auto-configuration asks for
     * the PlatformTransactionManager before Spring Boot 4 has made it, and would silently run without transactions.
     */
    @Bean
    public TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /**
     * PostgreSQL's SQL state for a unique violation: an append that lost the race for an aggregate's next sequence
     * number (another node wrote it first) is then a concurrency conflict, answered 409, not a failure. Axon's
     * {@code JdbcSQLErrorCodesResolver} looks for {@code SQLIntegrityConstraintViolationException}, which the
     * PostgreSQL driver never throws.
     */
    private static final String UNIQUE_VIOLATION = "23505";

    /**
     * The event store: Axon's JDBC engine on the application's DataSource, in the transaction of the unit of work
     * that appends (the command's). Declared here for the same reason: Axon's JDBC auto-configuration is decided
     * before Spring Boot has made the DataSource, and would silently leave events unstored. Replays read {@code
     * batch-size} events per query.
     */
    @Bean
    public EventStorageEngine eventStorageEngine(Serializer serializer, DataSource dataSource,
                                                 TransactionManager transactionManager, EventSchema schema,
                                                 org.axonframework.config.Configuration configuration,
                                                 ProjectionWrites writes,
                                                 @Value("${timetracker.event-store.batch-size:2000}") int batchSize) {
        return new StoredEventsEngine(JdbcEventStorageEngine.builder()
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(new SQLStateResolver(UNIQUE_VIOLATION))
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
                        new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(transactionManager)
                .schema(schema)
                .batchSize(batchSize), writes);
    }

    /**
     * Axon's query bus without a transaction around each query: a query handler reads committed rows (one statement
     * each, the page and its total together), so a transaction would only add a BEGIN and a COMMIT round trip to
     * every authentication and every read.
     */
    @Bean
    @Qualifier("localSegment")
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration configuration) {
        return SimpleQueryBus.builder()
                .messageMonitor(configuration.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(configuration.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(configuration.getComponent(QueryUpdateEmitter.class))
                .spanFactory(configuration.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** The event store's tables as the Flyway migrations name them. */
    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry").snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index").timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier").aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number").typeColumn("type").payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision").payloadColumn("payload").metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry").setProcessorNameColumn("processor_name").setSegmentColumn("segment")
                .setTokenColumn("token").setTokenTypeColumn("token_type").setTimestampColumn("timestamp")
                .setOwnerColumn("owner")
                .build();
    }

    /** Copies who-and-why from each command's metadata onto every event it records. */
    @Bean
    public CorrelationDataProvider auditCorrelation() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS.toArray(String[]::new));
    }

    /**
     * Every projection is a subscribing processor: its handlers run in the command's unit of work, in the
     * command's transaction, after the events are appended. A 2xx write is therefore visible to every later read
     * on every node, with no waiting; and a projection that fails fails the command (nothing is half written), so
     * its errors propagate instead of being logged away.
     */
    @Autowired
    public void inlineProjections(EventProcessingConfigurer processing) {
        processing.usingSubscribingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
