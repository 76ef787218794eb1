package io.timetracker.api.system;

import io.timetracker.api.auth.RequiresScope;
import io.timetracker.query.integrity.EventChainCheck;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Tamper evidence of the event history (administrators only): checks every stored event against the hash chain of
 * its aggregate and reports the first event that breaks it (see {@code docs/integrity.md}).
 */
@RestController
public class IntegrityController {

    private final EventChainCheck check;

    public IntegrityController(EventChainCheck check) {
        this.check = check;
    }

    @GetMapping("/api/v1/admin/integrity")
    @RequiresScope("admin:all")
    public Map<String, Object> verify() {
        EventChainCheck.Report report = check.verify();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("intact", report.intact());
        view.put("events_verified", report.eventsVerified());
        view.put("events_broken", report.eventsBroken());
        view.put("head", report.head());
        view.put("duration_ms", report.duration().toMillis());
        view.put("first_break", report.firstBreak() == null ? null : firstBreak(report.firstBreak()));
        return Map.of("integrity", view);
    }

    private static Map<String, Object> firstBreak(EventChainCheck.Break broken) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("aggregate_identifier", broken.aggregateIdentifier());
        view.put("aggregate_type", broken.aggregateType());
        view.put("sequence_number", broken.sequenceNumber());
        view.put("global_index", broken.globalIndex());
        // the event's name, not the class it is stored as
        view.put("event_type", broken.eventType().substring(broken.eventType().lastIndexOf('.') + 1));
        view.put("mismatch", broken.mismatch().name().toLowerCase(Locale.ROOT));
        view.put("previous_sequence_number", broken.previousSequenceNumber());
        view.put("detail", switch (broken.mismatch()) {
            case SEQUENCE -> broken.previousSequenceNumber() == null
                    ? "The aggregate's events before this one are missing"
                    : "The aggregate's events between sequence " + broken.previousSequenceNumber()
                            + " and this one are missing";
            case HASH -> "The stored hash is not the hash of the stored event chained to the previous event's hash:"
                    + " the event or its hash was changed";
        });
        return view;
    }
}
