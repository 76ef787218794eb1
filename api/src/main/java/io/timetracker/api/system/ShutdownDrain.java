package io.timetracker.api.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The moments between a node turning unready and closing its port. On SIGTERM the context first turns readiness to
 * refusing traffic ({@code GET /api/v1/health} answers 503); then Tomcat's graceful shutdown stops taking requests.
 * Straight after one another, a load balancer that has not polled the probe yet still sends requests on its
 * kept-alive connections, Tomcat closes them under it, and such a request fails with no answer: not a refused
 * connection, which a balancer may send to another node, since nothing was sent. So before the web server's graceful
 * shutdown this goes on serving, with {@code Connection: close} on every answer (a connection a client uses is closed
 * after its answer, cleanly), until no request but a health probe has come for {@link #QUIET}, for at most
 * {@code timetracker.shutdown.drain}: by then the balancers have taken the node out of rotation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2) // beside the request id and the metrics, before the security chain
public class ShutdownDrain extends OncePerRequestFilter implements SmartLifecycle {

    static final Duration QUIET = Duration.ofSeconds(1);

    private final Duration longest;
    private final AtomicLong lastRequestAt = new AtomicLong(System.nanoTime());
    private volatile boolean draining;
    private volatile boolean running;

    public ShutdownDrain(@Value("${timetracker.shutdown.drain}") Duration longest) {
        this.longest = longest;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isHealthProbe(request)) {
            lastRequestAt.set(System.nanoTime());
        }
        if (draining) {
            response.setHeader("Connection", "close");
        }
        chain.doFilter(request, response);
    }

    /** A balancer's probes go on while it takes the node out of rotation: they do not keep the node serving. */
    private static boolean isHealthProbe(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals(SystemController.HEALTH) || path.startsWith("/actuator/health");
    }

    @Override
    public void start() {
        running = true;
    }

    /** Readiness refuses traffic already (the context turned it so before stopping any lifecycle bean). */
    @Override
    public void stop() {
        draining = true;
        long deadline = System.nanoTime() + longest.toNanos();
        try {
            while (System.nanoTime() - lastRequestAt.get() < QUIET.toNanos() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stopped just before the web server's graceful shutdown, which stops first of all Boot's lifecycle beans. */
    @Override
    public int getPhase() {
        return WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE + 1;
    }
}
