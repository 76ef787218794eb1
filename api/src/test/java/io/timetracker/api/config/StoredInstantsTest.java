package io.timetracker.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored events read their instants exactly as Jackson's own deserializer would. */
class StoredInstantsTest {

    private final ObjectMapper mapper = AxonConfig.eventStoreMapper();

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01T23:34:06Z", "2026-12-01T23:34:06.5Z", "2026-12-01T23:34:06.564Z",
            "2026-12-01T23:34:06.564100Z", "2026-12-01T23:34:06.123456789Z", "1900-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999Z", "2024-02-29T12:00:00Z"})
    void readsWhatInstantWritesAsInstantParsesIt(String text) throws Exception {
        assertThat(StoredInstants.parse(text)).isEqualTo(Instant.parse(text));
        assertThat(mapper.readValue('"' + text + '"', Instant.class)).isEqualTo(Instant.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-01T23:34:06.Z", "2026-12-01T23:34:06.1234567890Z", "2026-12-01 23:34:06Z",
            "2026-12-01T23:34:06+01:00", "+10000-01-01T00:00:00Z", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z",
            "2026-12-01T24:00:00Z", "2026-12-01T23:34:6Z", "2026-12-0aT23:34:06Z"})
    void leavesEveryOtherFormToJackson(String text) throws Exception {
        assertThat(StoredInstants.parse(text)).isNull();
        Instant jackson;
        try {
            jackson = new ObjectMapper().findAndRegisterModules().readValue('"' + text + '"', Instant.class);
        } catch (Exception e) {
            assertThatThrownBy(() -> mapper.readValue('"' + text + '"', Instant.class))
                    .isInstanceOf(e.getClass());
            return;
        }
        assertThat(mapper.readValue('"' + text + '"', Instant.class)).isEqualTo(jackson);
    }

    @Test
    void readsNumbersAsJacksonDoes() throws Exception {
        assertThat(mapper.readValue("1764632046.564", Instant.class))
                .isEqualTo(Instant.parse("2025-12-01T23:34:06.564Z"));
    }
}
