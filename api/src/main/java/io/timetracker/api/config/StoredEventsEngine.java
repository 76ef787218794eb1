package io.timetracker.api.config;

import io.timetracker.query.common.ProjectionWrites;
import io.timetracker.query.common.RowStatement;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.util.PSQLException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static io.timetracker.query.common.RowStatement.bigint;
import static io.timetracker.query.common.RowStatement.bytea;
import static io.timetracker.query.common.RowStatement.integer;
import static io.timetracker.query.common.RowStatement.text;

/**
 * Axon's JDBC event storage, except that the events it hands out carry their timestamp already read, through the
 * fast path of {@link StoredInstants}: Axon's own entries parse the stored text with a formatter whenever the
 * timestamp is asked for, once more for the gap check of every tracked event, which was a fifth of a replay's reading.
 * The tracked events' tokens are worked out as Axon does, from the same gap settings, set here on the builder.
 */
final class StoredEventsEngine extends JdbcEventStorageEngine {

    /** The constraint that serialises appends per aggregate (V1): a violation is a lost race for the sequence. */
    private static final String AGGREGATE_SEQUENCE = "domain_event_entry_aggregate_identifier_sequence_number_key";

    /**
     * A command's events, in the order given (the global index is taken in that order): the same row Axon's own
     * append writes.
     */
    private static final RowStatement APPEND = RowStatement.of("domain_event_entry", """
            INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                            payload_type, payload_revision, payload, meta_data)
            SELECT event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type,
                   payload_revision, payload, meta_data
            FROM rows ORDER BY position""", integer("position"), text("event_identifier"),
            text("aggregate_identifier"), bigint("sequence_number"), text("type"), text("time_stamp"),
            text("payload_type"), text("payload_revision"), bytea("payload"), bytea("meta_data"));

    /** Axon's defaults, named here because the gap check below needs them too. */
    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final Duration GAP_TIMEOUT = Duration.ofMinutes(1);

    private final ProjectionWrites writes;

    StoredEventsEngine(Builder builder, ProjectionWrites writes) {
        super(builder.lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE).maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout((int) GAP_TIMEOUT.toMillis()));
        this.writes = writes;
    }

    /**
     * In a command, its events go into the command's projection batch, first, so that they are written in the
     * round trip of its read models' rows rather than one of their own (still before those rows, in the same
     * transaction); a lost race for an aggregate's sequence is then the same conflict as Axon's own append reports.
     */
    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty() || !writes.isBatching()
                || !events.stream().allMatch(DomainEventMessage.class::isInstance)) {
            super.appendEvents(events, serializer);
            return;
        }
        for (int position = 0; position < events.size(); position++) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) events.get(position);
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            writes.add(APPEND, event.getIdentifier(), position, event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getType(), DateTimeUtils.formatInstant(event.getTimestamp()),
                    payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    metaData.getData());
        }
        EventMessage<?> first = events.get(0);
        writes.translateFailures(failure -> {
            if (!(failure instanceof PSQLException server) || server.getServerErrorMessage() == null
                    || !AGGREGATE_SEQUENCE.equals(server.getServerErrorMessage().getConstraint())) {
                return null;
            }
            try {
                handlePersistenceException(failure, first);
            } catch (RuntimeException conflict) {
                return conflict;
            }
            return null;
        });
    }

    /** Axon's tracked event and token (see {@code JdbcEventStorageEngine}), with the timestamp read once. */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        Object storedTimestamp = readTimeStamp(resultSet, schema.timestampColumn());
        DomainEventData<?> event = new Timestamped<>(new GenericDomainEventEntry<>(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier, storedTimestamp,
                resultSet.getString(schema.payloadTypeColumn()), resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()), readPayload(resultSet, schema.metaDataColumn())),
                instant(storedTimestamp));

        // Gaps younger than the timeout may still fill (a transaction that has not committed yet); older ones never.
        boolean allowGaps = event.getTimestamp().isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        DomainEventData<?> data = super.getDomainEventData(resultSet);
        return new Timestamped<>(data, instant(readTimeStamp(resultSet, schema().timestampColumn())));
    }

    private static Instant instant(Object stored) {
        String text = stored.toString();
        Instant fast = StoredInstants.parse(text);
        return fast != null ? fast : DateTimeUtils.parseInstant(text);
    }

    /** A stored event with its timestamp already read. */
    private record Timestamped<T>(DomainEventData<T> data, Instant timestamp) implements DomainEventData<T> {

        @Override
        public String getType() {
            return data.getType();
        }

        @Override
        public String getAggregateIdentifier() {
            return data.getAggregateIdentifier();
        }

        @Override
        public long getSequenceNumber() {
            return data.getSequenceNumber();
        }

        @Override
        public String getEventIdentifier() {
            return data.getEventIdentifier();
        }

        @Override
        public Instant getTimestamp() {
            return timestamp;
        }

        @Override
        public SerializedObject<T> getMetaData() {
            return data.getMetaData();
        }

        @Override
        public SerializedObject<T> getPayload() {
            return data.getPayload();
        }
    }
}
