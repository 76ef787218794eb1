package io.timetracker.api.system;

import io.timetracker.query.replay.ReadModelRebuilder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first piece of start-up: builds from the event store every read model that was never built or whose
 * definition changed (a new projection, a new version), so that its tables hold what the events say before
 * anything reads them. Spring Boot reports the application ready (health, readiness probe) only after every runner
 * has finished. With several nodes starting at once, one builds while the others wait for it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReadModelsAtStartup implements ApplicationRunner {

    private final ReadModelRebuilder rebuilder;

    ReadModelsAtStartup(ReadModelRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public void run(ApplicationArguments args) {
        rebuilder.rebuildOutdated();
    }
}
