package io.timetracker.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.timetracker.api.auth.RouteTable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Times every request, under Spring Boot's name and tags for it ({@code http.server.requests}: method, uri, status,
 * outcome), with {@code uri} the route's template ({@code /api/v1/projects/{id}}), never the raw path, so the series
 * do not grow with ids. Requests the security chain refuses (401, 429) are timed too, under the template of the route
 * they asked for. Boot's own timing comes with Micrometer observations, which this application leaves off (they wrap
 * every security filter too, at a noticeable share of each request's CPU); this is one timer update per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the request id, before the security chain
public class HttpRequestMetrics extends OncePerRequestFilter {

    static final String METRIC = "http.server.requests";
    private static final String STARTED = HttpRequestMetrics.class.getName() + ".started";

    private final MeterRegistry registry;

    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An export streams asynchronously: it is timed to the end of its async dispatch. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = request.getAttribute(STARTED) instanceof Long earlier ? earlier : System.nanoTime();
        boolean failed = true;
        try {
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (!failed && request.isAsyncStarted()) {
                request.setAttribute(STARTED, started);
            } else {
                // an exception that escapes every handler becomes the container's 500
                int status = failed ? 500 : response.getStatus();
                Timer.builder(METRIC)
                        .tag("method", request.getMethod())
                        .tag("uri", uri(request, status))
                        .tag("status", Integer.toString(status))
                        .tag("outcome", Outcome.forStatus(status).name())
                        .register(registry)
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }
    }

    /** As Boot names what matched no route: a fixed word, whatever path was asked. */
    private static String uri(HttpServletRequest request, int status) {
        String template = RouteTable.templateOf(request);
        if (template != null) {
            return template;
        }
        return status == 404 ? "NOT_FOUND" : "UNKNOWN";
    }
}
