package io.timetracker.api.web;

import io.timetracker.api.auth.RouteTable;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.Endpoints;
import io.timetracker.api.support.Endpoints.Endpoint;
import io.timetracker.api.support.RouteFixtures;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §1: every write accepts a {@code reason}, kept with the change. Generated from the route table: each
 * write, sent with a reason, records it in the metadata of every event it causes (the audit trail's "why").
 */
class WriteReasonApiTest extends EndToEndTest {

    /** Operations on the read side, which change no recorded fact and so cause no event. */
    private static final Set<String> WITHOUT_EVENTS = Set.of("POST /api/v1/admin/projections/rebuild",
            "POST /api/v1/admin/projections/verify");

    @Autowired
    RouteTable routes;

    @Autowired
    JdbcTemplate jdbc;

    @TestFactory
    Stream<DynamicTest> everyWriteKeepsItsReasonWithEachOfItsEvents() {
        ApiClient actor = newCaller("admin", "admin:all");
        RouteFixtures fixtures = new RouteFixtures(actor);
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.writesOf(routes)) {
            tests.add(DynamicTest.dynamicTest(endpoint + " with a reason", () -> {
                String reason = "because " + UUID.randomUUID();
                RouteFixtures.Write write = fixtures.write(endpoint.method(), endpoint.pattern());
                Response done = actor.send(endpoint.method(), write.path(),
                        write.bodyWith("reason", "\"" + reason + "\""));

                assertThat(done.status()).as(done.raw()).isBetween(200, 299);
                assertThat(String.valueOf(done.header("X-Ignored-Fields"))).as("reason is read").doesNotContain("reason");
                List<String> reasons = reasonsOfEventsCausedBy(done.header("X-Request-ID"));
                if (WITHOUT_EVENTS.contains(endpoint.toString())) {
                    assertThat(reasons).isEmpty();
                } else {
                    assertThat(reasons).isNotEmpty().allMatch(reason::equals);
                }
            }));
        }
        return tests.stream();
    }

    private List<String> reasonsOfEventsCausedBy(String requestId) {
        return jdbc.queryForList("""
                SELECT coalesce(convert_from(meta_data, 'UTF8')::jsonb ->> 'reason', '(none)')
                FROM domain_event_entry WHERE convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ?""",
                String.class, requestId);
    }
}
