package io.timetracker.api.web;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** When a processor's token counts as having processed an event of the store. */
class ProjectionBarrierTest {

    @Test
    void aTokenCoversEveryIndexUpToItsPositionExceptItsGaps() {
        TrackingToken token = GapAwareTrackingToken.newInstance(10, List.of(7L));

        assertThat(ProjectionBarrier.covers(token, 6)).isTrue();
        assertThat(ProjectionBarrier.covers(token, 10)).isTrue();
        assertThat(ProjectionBarrier.covers(token, 7)).as("a gap: committed later, not yet processed").isFalse();
        assertThat(ProjectionBarrier.covers(token, 11)).isFalse();
    }

    @Test
    void aReplayCountsOnlyAsFarAsItHasReplayed() {
        TrackingToken head = GapAwareTrackingToken.newInstance(100, List.of());
        TrackingToken replaying = ReplayToken.createReplayToken(head, GapAwareTrackingToken.newInstance(40, List.of()));

        assertThat(ProjectionBarrier.covers(replaying, 40)).isTrue();
        assertThat(ProjectionBarrier.covers(replaying, 41)).isFalse();
        assertThat(ProjectionBarrier.covers(ReplayToken.createReplayToken(head), 1)).as("reset, nothing replayed")
                .isFalse();
    }

    @Test
    void noTokenCoversNothing() {
        assertThat(ProjectionBarrier.covers(null, 1)).isFalse();
        assertThat(ProjectionBarrier.covers(new GlobalSequenceTrackingToken(5), 5)).isTrue();
    }
}
