package io.timetracker.api.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes for streaming projections: after a command commits, waits until every projection has
 * processed the last event that command recorded. Segments this node processes are checked in memory (their
 * status advances after the projection's transaction commits); segments claimed by other nodes are read
 * from the token store. See {@code docs/read-your-writes.md}.
 */
@Component
public class ProjectionBarrier {

    private static final Logger log = LoggerFactory.getLogger(ProjectionBarrier.class);
    private static final long POLL_NANOS = Duration.ofMillis(1).toNanos();
    private static final long REMOTE_POLL_NANOS = Duration.ofMillis(20).toNanos();

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Duration timeout;

    public ProjectionBarrier(EventProcessingConfiguration processing, JdbcTemplate jdbc, Serializer serializer,
                             @Value("${timetracker.read-your-writes.timeout:10s}") Duration timeout) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.timeout = timeout;
    }

    /** Waits until the projections have seen every event of {@code aggregateIds} recorded so far. */
    public void awaitVisible(Collection<String> aggregateIds) {
        Long index = jdbc.queryForObject(
                "SELECT max(global_index) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)",
                Long.class, (Object) aggregateIds.toArray(String[]::new));
        if (index != null && !awaitIndex(index, timeout)) {
            // Answer anyway: the write is committed; only its visibility in the read model is late.
            log.warn("The projections have not reached event {} within {}", index, timeout);
        }
    }

    /**
     * Waits until every streaming processor, on this node and on others, has processed the event at
     * {@code index} (a global index of the event store).
     *
     * @return whether they all got there within {@code timeout}
     */
    public boolean awaitIndex(long index, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        for (StreamingEventProcessor processor : processors) {
            while (!hasProcessed(processor, index)) {
                if (System.nanoTime() > deadline) {
                    log.debug("Projection {} has not reached event {} within {}", processor.getName(), index, timeout);
                    return false;
                }
                LockSupport.parkNanos(ownsAllSegments(processor) ? POLL_NANOS : REMOTE_POLL_NANOS);
            }
        }
        return true;
    }

    private boolean hasProcessed(StreamingEventProcessor processor, long index) {
        if (ownsAllSegments(processor)) {
            return processor.processingStatus().values().stream()
                    .allMatch(status -> !status.isErrorState() && covers(status.getTrackingToken(), index));
        }
        List<TrackingToken> stored = jdbc.query(
                "SELECT token, token_type FROM token_entry WHERE processor_name = ?",
                (rs, row) -> rs.getBytes("token") == null ? null : serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes("token"), byte[].class, rs.getString("token_type"), null)),
                processor.getName());
        return !stored.isEmpty() && stored.stream().allMatch(token -> covers(token, index));
    }

    /** Whether this node processes the whole event stream of the processor (segment fractions add up to one). */
    private static boolean ownsAllSegments(StreamingEventProcessor processor) {
        double share = 0;
        for (EventTrackerStatus status : processor.processingStatus().values()) {
            share += 1.0 / (status.getSegment().getMask() + 1);
        }
        return share > 0.999;
    }

    static boolean covers(TrackingToken token, long index) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (current instanceof GapAwareTrackingToken gapAware) {
            return gapAware.getIndex() >= index && !gapAware.getGaps().contains(index);
        }
        OptionalLong position = current == null ? OptionalLong.empty() : current.position();
        return position.isPresent() && position.getAsLong() >= index;
    }
}
