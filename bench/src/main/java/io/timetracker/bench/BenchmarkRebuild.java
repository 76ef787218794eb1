package io.timetracker.bench;

import io.timetracker.api.system.ProjectionRebuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Measures a full rebuild of every read table from the event store, once, at start-up: only with the Spring
 * profile {@code bench-rebuild} ({@code bench/run.sh} uses it). Logs one line {@code BENCH rebuild events=…
 * millis=… events_per_second=…} for the script to read.
 */
@Component
@Profile("bench-rebuild")
public class BenchmarkRebuild implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkRebuild.class);

    private final ProjectionRebuilder rebuilder;
    private final JdbcTemplate jdbc;

    public BenchmarkRebuild(ProjectionRebuilder rebuilder, JdbcTemplate jdbc) {
        this.rebuilder = rebuilder;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        rebuilder.awaitCaughtUp(Duration.ofMinutes(5));
        // Right after start-up a processor may still be launching its worker, and shutting it down then can
        // leave its segment unclaimed for good (seen with Axon 4.13 tracking processors): let them settle.
        Thread.sleep(3000);
        long events = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
        long started = System.nanoTime();
        rebuilder.rebuildAll(Duration.ofMinutes(30));
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        log.info("BENCH rebuild events={} millis={} events_per_second={}", events, millis, events * 1000 / millis);
    }
}
