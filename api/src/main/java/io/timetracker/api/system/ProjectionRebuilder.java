package io.timetracker.api.system;

import io.timetracker.api.web.ProjectionBarrier;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Throws every read table away and rebuilds it from the event store: each streaming processor is stopped,
 * its tokens reset (which runs the projections' {@code @ResetHandler}s), and started again; then this waits
 * until every processor has caught up with the head of the store. The end of a replay is recognised by
 * each segment's position reaching the head, not by the replay flag, which can stay set until a newer
 * event arrives.
 * <p>
 * With several nodes, stop the processors on the other nodes first: a reset needs every segment's claim. Do not
 * start a rebuild while processors are still starting up (see {@link #awaitCaughtUp(Duration)}).
 */
@Component
public class ProjectionRebuilder {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilder.class);

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final ProjectionBarrier barrier;

    public ProjectionRebuilder(EventProcessingConfiguration processing, EventStore eventStore,
                               ProjectionBarrier barrier) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.barrier = barrier;
    }

    /**
     * @throws IllegalStateException when the projections have not caught up within {@code timeout} (they go on
     *                               replaying in the background)
     */
    public void rebuildAll(Duration timeout) {
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .filter(StreamingEventProcessor::supportsReset).toList();
        log.info("Rebuilding the read models of {}", processors.stream().map(StreamingEventProcessor::getName).toList());
        processors.stream().map(StreamingEventProcessor::shutdownAsync).toList().forEach(CompletableFuture::join);
        processors.forEach(StreamingEventProcessor::resetTokens);
        processors.forEach(StreamingEventProcessor::start);
        log.info("Read models rebuilt up to event {}", awaitCaughtUp(timeout));
    }

    /**
     * Waits until every processor has processed the whole event store as it stands now. Call it before a
     * rebuild right after start-up: processors that are still claiming their segments must not be reset.
     *
     * @return the global index of the head the processors reached (-1: the store is empty)
     * @throws IllegalStateException when they have not caught up within {@code timeout}
     */
    public long awaitCaughtUp(Duration timeout) {
        TrackingToken head = eventStore.createHeadToken();
        OptionalLong headIndex = head == null ? OptionalLong.empty() : head.position();
        if (headIndex.isPresent() && !barrier.awaitIndex(headIndex.getAsLong(), timeout)) {
            throw new IllegalStateException("The read models have not caught up with event " + headIndex.getAsLong()
                    + " within " + timeout + "; the replay goes on in the background");
        }
        return headIndex.orElse(-1);
    }
}
