package io.timetracker.query.token;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class TokenUsageRecorderTest {

    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private JdbcTemplate jdbc;
    private TokenUsageRecorder recorder;

    @BeforeEach
    void setUp() {
        jdbc = mock(JdbcTemplate.class);
        recorder = new TokenUsageRecorder(jdbc);
    }

    @Test
    void recordingWritesNothing() {
        recorder.recordUse(1, T0);
        recorder.recordUse(1, T0.plusSeconds(1));

        verify(jdbc, never()).batchUpdate(anyString(), anyList());
    }

    @Test
    void aFlushWritesOneRowPerTokenWithItsCountAndLatestUse() {
        recorder.recordUse(1, T0.plusSeconds(5));
        recorder.recordUse(1, T0); // a request that started earlier but finished authenticating later
        recorder.recordUse(2, T0.plusSeconds(2));

        recorder.flush();

        assertThat(flushedRows()).containsExactlyInAnyOrder(
                List.of(1L, 2L, Timestamp.from(T0.plusSeconds(5))),
                List.of(2L, 1L, Timestamp.from(T0.plusSeconds(2))));
    }

    @Test
    void aFlushWithNothingRecordedWritesNothingAndEachUseIsWrittenOnce() {
        recorder.flush();
        recorder.recordUse(1, T0);
        recorder.flush();
        recorder.flush();

        verify(jdbc, times(1)).batchUpdate(anyString(), anyList());
    }

    @Test
    void whatAFailedFlushCouldNotWriteIsWrittenByTheNextOne() {
        recorder.recordUse(1, T0);
        when(jdbc.batchUpdate(anyString(), anyList()))
                .thenThrow(new DataAccessResourceFailureException("database down"))
                .thenReturn(new int[]{1});
        assertThatThrownBy(recorder::flush).isInstanceOf(DataAccessResourceFailureException.class);
        recorder.recordUse(1, T0.plusSeconds(60));

        recorder.flush();

        assertThat(flushedRows()).last().isEqualTo(List.of(1L, 2L, Timestamp.from(T0.plusSeconds(60))));
    }

    @Test
    void closingTheContextFlushesAndNeverFailsTheShutdown() {
        recorder.recordUse(1, T0);
        recorder.destroy();
        assertThat(flushedRows()).containsExactly(List.of(1L, 1L, Timestamp.from(T0)));

        when(jdbc.batchUpdate(anyString(), anyList())).thenThrow(new DataAccessResourceFailureException("gone"));
        recorder.recordUse(1, T0);
        recorder.destroy();
    }

    /** Every row of every batch written so far, as (token id, count, last used at). */
    @SuppressWarnings("unchecked")
    private List<List<Object>> flushedRows() {
        ArgumentCaptor<List<Object[]>> batches = ArgumentCaptor.forClass(List.class);
        verify(jdbc, atLeastOnce()).batchUpdate(anyString(), batches.capture());
        return batches.getAllValues().stream().flatMap(List::stream).map(List::of).toList();
    }
}
