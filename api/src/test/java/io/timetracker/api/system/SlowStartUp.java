package io.timetracker.api.system;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Start-up work that {@link ReadinessApiTest} holds open until it has seen the instance answer while not ready.
 * Top-level (not nested in the test) so that only the instance the test starts gets it, never a test context.
 */
@TestConfiguration
class SlowStartUp {

    static final CountDownLatch SEEN_STARTING = new CountDownLatch(1);

    @Bean
    ApplicationRunner lastStartUpStep() {
        return args -> SEEN_STARTING.await(60, TimeUnit.SECONDS);
    }
}
