package io.timetracker.api.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The last piece of start-up: waits until every projection has processed the event store as it stands now.
 * Spring Boot reports the application ready (health, readiness probe) only after every runner has finished,
 * so nothing reports ready while a read the API answers could still miss a committed write.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class ReadModelsAtStartup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReadModelsAtStartup.class);

    private final ProjectionRebuilder projections;
    private final Duration timeout;

    ReadModelsAtStartup(ProjectionRebuilder projections,
                        @Value("${timetracker.startup.catch-up-timeout:10m}") Duration timeout) {
        this.projections = projections;
        this.timeout = timeout;
    }

    @Override
    public void run(ApplicationArguments args) {
        log.info("Read models caught up with event {}; ready to serve", projections.awaitCaughtUp(timeout));
    }
}
