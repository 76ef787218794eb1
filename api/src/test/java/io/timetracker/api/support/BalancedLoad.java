package io.timetracker.api.support;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Clients posting time entries to several nodes through what a load balancer does: round-robin over the nodes in
 * rotation; a node leaves the rotation when its connection is refused or breaks and while {@code /api/v1/health} does
 * not answer 200 (polled every {@value #HEALTH_POLL_MS} ms), and comes back once it does. Only a refused connection
 * is retried, on another node: the request never reached a node, so sending it again cannot write twice. Each
 * writer posts, one after the other, one-minute entries of its own user that never overlap, and every attempt is
 * recorded: which node, when, how long, and what came back.
 */
public final class BalancedLoad implements AutoCloseable {

    private static final long HEALTH_POLL_MS = 50;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One client: its user's token, the project it books on, the start of its first entry. */
    public record Writer(String token, long projectId, Instant firstStart) {
    }

    /** What a writer asked to be written. */
    public record Entry(long projectId, Instant start, Instant end, String notes) {

        String json() {
            return """
                    {"project_id": %d, "start_time": "%s", "end_time": "%s", "notes": "%s"}"""
                    .formatted(projectId, start, end, notes);
        }
    }

    /**
     * One request as sent to one node: when it was sent and answered ({@link System#nanoTime}), the status (0 when
     * none came back: {@code failure} says why), the id of the entry a 201 created.
     */
    public record Attempt(int writer, int port, Entry entry, long sentAt, long answeredAt, int status, String failure,
                          long entryId) {

        public boolean acknowledged() {
            return status / 100 == 2;
        }

        public double millis() {
            return (answeredAt - sentAt) / 1e6;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Integer> ports;
    private final Set<Integer> inRotation = ConcurrentHashMap.newKeySet();
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<Integer> refusedRetries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService threads;

    private BalancedLoad(List<Integer> ports, List<Writer> writers) {
        this.ports = List.copyOf(ports);
        this.threads = Executors.newFixedThreadPool(writers.size() + 1);
        inRotation.addAll(ports);
        threads.submit(this::pollHealth);
        for (int i = 0; i < writers.size(); i++) {
            int writer = i;
            threads.submit(() -> write(writer, writers.get(writer)));
        }
    }

    /** Starts the writers (and the health checks) against the nodes on {@code ports}, all in rotation. */
    public static BalancedLoad start(List<Integer> ports, List<Writer> writers) {
        return new BalancedLoad(ports, writers);
    }

    /** Stops the writers, lets each finish its request, and returns every attempt so far, in the order answered. */
    public List<Attempt> stop() throws InterruptedException {
        running.set(false);
        threads.shutdown();
        if (!threads.awaitTermination(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The writers did not stop");
        }
        return List.copyOf(attempts);
    }

    /** The attempts answered so far. */
    public List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The ports of the requests that were refused a connection and sent to another node instead, in order. */
    public List<Integer> refusedRetries() {
        return List.copyOf(refusedRetries);
    }

    private void write(int writer, Writer client) {
        int next = writer;
        for (int n = 0; running.get(); n++) {
            Instant start = client.firstStart().plus(Duration.ofMinutes(2L * n));
            Entry entry = new Entry(client.projectId(), start, start.plusSeconds(60),
                    "writer " + writer + " entry " + n);
            while (true) {
                int port = pick(next++);
                if (port < 0) {
                    pause(); // no node in rotation: wait for one, as a load balancer queues
                } else if (send(writer, port, client.token(), entry)) {
                    break;
                } else {
                    refusedRetries.add(port);
                }
            }
        }
    }

    /** Sends {@code entry} to the node on {@code port}; false when the connection was refused (nothing was sent). */
    private boolean send(int writer, int port, String token, Entry entry) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/time-entries"))
                .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(entry.json())).build();
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long id = response.statusCode() == 201
                    ? JSON.readTree(response.body()).get("time_entry").get("id").asLong() : 0;
            attempts.add(new Attempt(writer, port, entry, sentAt, System.nanoTime(), response.statusCode(),
                    response.statusCode() / 100 == 2 ? null : response.body(), id));
            return true;
        } catch (ConnectException refused) {
            inRotation.remove(port);
            return false;
        } catch (HttpTimeoutException | RuntimeException e) {
            attempts.add(new Attempt(writer, port, entry, sentAt, System.nanoTime(), 0, e.toString(), 0));
            return true;
        } catch (IOException broken) {
            inRotation.remove(port);
            attempts.add(new Attempt(writer, port, entry, sentAt, System.nanoTime(), 0, broken.toString(), 0));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code n}-th node in round-robin order among those in rotation; -1 when none is. */
    private int pick(int n) {
        List<Integer> candidates = ports.stream().filter(inRotation::contains).toList();
        return candidates.isEmpty() ? -1 : candidates.get(Math.floorMod(n, candidates.size()));
    }

    private void pollHealth() {
        while (running.get()) {
            for (int port : ports) {
                if (ready(port)) {
                    inRotation.add(port);
                } else {
                    inRotation.remove(port);
                }
            }
            pause();
        }
    }

    private boolean ready(int port) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health"))
                .timeout(Duration.ofSeconds(1)).build();
        try {
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException down) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(HEALTH_POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running.get()) {
            stop();
        }
    }
}
