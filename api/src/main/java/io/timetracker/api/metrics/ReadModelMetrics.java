package io.timetracker.api.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.timetracker.query.replay.ProjectionJob;
import io.timetracker.query.replay.ReadModelRebuilder;
import io.timetracker.query.replay.ReadModels;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The event store's head, each read model's lag behind it (head minus the model's position, as {@code GET
 * /api/v1/admin/projections} reports them), and the progress of the running rebuild or check, read from the database
 * when scraped. The gauges of one scrape share one reading (a few index lookups), taken at most once a second.
 */
@Component
public class ReadModelMetrics implements MeterBinder {

    private static final Duration FRESH = Duration.ofSeconds(1);

    private record Reading(long takenAt, long head, Map<String, Long> positions, ProjectionJob running) {
    }

    private final ReadModelRebuilder rebuilder;
    private final ReadModels readModels;
    private Reading last;

    public ReadModelMetrics(ReadModelRebuilder rebuilder, ReadModels readModels) {
        this.rebuilder = rebuilder;
        this.readModels = readModels;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge("timetracker.event_store.head", "The global index of the newest event", Reading::head)
                .register(registry);
        for (ReadModels.Definition model : readModels.all()) {
            gauge("timetracker.read_model.lag", "Events of the store the read model's live tables do not hold yet",
                    reading -> reading.head() - reading.positions().get(model.name()))
                    .tag("read_model", model.name())
                    .register(registry);
        }
        gauge("timetracker.rebuild.running", "1 while a rebuild or check of read models runs (on any node)",
                reading -> reading.running() == null ? 0 : 1)
                .register(registry);
        gauge("timetracker.rebuild.events.done", "Events the running rebuild or check has replayed",
                reading -> reading.running() == null ? 0 : reading.running().eventsDone())
                .register(registry);
        gauge("timetracker.rebuild.progress",
                "Share of the event store the running rebuild or check has replayed (0 to 1; 0 when none runs)",
                reading -> reading.running() == null ? 0 : Math.min(1.0,
                        reading.running().eventsDone() / (double) Math.max(reading.running().eventsTotal(), 1)))
                .register(registry);
    }

    private Gauge.Builder<ReadModelMetrics> gauge(String name, String description, ToDoubleFunction<Reading> value) {
        return Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.reading())).description(description);
    }

    private synchronized Reading reading() {
        long now = System.nanoTime();
        if (last == null || now - last.takenAt() > FRESH.toNanos()) {
            long head = rebuilder.head();
            ProjectionJob latest = rebuilder.recentJobs(1).stream().findFirst().orElse(null);
            last = new Reading(now, head, rebuilder.positions(head),
                    latest != null && latest.running() ? latest : null);
        }
        return last;
    }
}
