package io.timetracker.bench;

import io.timetracker.query.replay.ProjectionJob;
import io.timetracker.query.replay.ReadModelRebuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Measures a full rebuild of every read model from the event store, once, at start-up: only with the Spring profile
 * {@code bench-rebuild} ({@code bench/run.sh} uses it). It runs the online rebuild the admin API starts and logs one
 * line {@code BENCH rebuild events=… millis=… events_per_second=…} for the script to read.
 */
@Component
@Profile("bench-rebuild")
public class BenchmarkRebuild implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkRebuild.class);

    private final ReadModelRebuilder rebuilder;

    public BenchmarkRebuild(ReadModelRebuilder rebuilder) {
        this.rebuilder = rebuilder;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        long started = System.nanoTime();
        ProjectionJob job = rebuilder.start(ReadModelRebuilder.Kind.REBUILD, List.of());
        while (job.running()) {
            Thread.sleep(200);
            job = rebuilder.job(job.id());
        }
        long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
        log.info("BENCH rebuild state={} events={} millis={} events_per_second={}", job.state(), job.eventsDone(),
                millis, job.eventsDone() * 1000 / millis);
    }
}
