package io.timetracker.api.config;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Axon's JDBC event storage, except that the events it hands out carry their timestamp already read, through the
 * fast path of {@link StoredInstants}: Axon's own entries parse the stored text with a formatter again whenever the
 * timestamp is asked for, which was a sixth of a replay's time. Everything else is Axon's.
 */
final class StoredEventsEngine extends JdbcEventStorageEngine {

    StoredEventsEngine(Builder builder) {
        super(builder);
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        Instant timestamp = StoredInstants.parse(resultSet.getString(schema().timestampColumn()));
        return timestamp == null || !(data instanceof TrackedDomainEventData<?> tracked) ? data
                : new TrackedDomainEventData<>(tracked.trackingToken(), new Timestamped<>(tracked, timestamp));
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        DomainEventData<?> data = super.getDomainEventData(resultSet);
        Instant timestamp = StoredInstants.parse(resultSet.getString(schema().timestampColumn()));
        return timestamp == null ? data : new Timestamped<>(data, timestamp);
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
