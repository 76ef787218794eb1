package io.timetracker.api.support;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application as an operator runs it: a JVM of its own (the tests' class path, {@link SecondApplication#main}),
 * here as a node on the test context's database, its console written to a file, stopped with SIGTERM.
 * For what a process in this JVM cannot show: the logging set up from the node's own environment (logging is one per
 * JVM), and what a signal starts.
 */
public final class NodeProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path console;

    private NodeProcess(Process process, int port, Path console) {
        this.process = process;
        this.port = port;
        this.console = console;
    }

    /**
     * Starts a node on the database of {@code dataSource}.
     *
     * @param environment more environment variables ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE}, ...)
     * @param properties  more properties, {@code name=value}, as command-line arguments
     */
    public static NodeProcess startOnSameDatabase(DataSource dataSource, Map<String, String> environment,
                                                  String... properties) {
        int port = SecondApplication.unusedPort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                SecondApplication.class.getName(),
                "--spring.datasource.url=" + SecondApplication.jdbcUrlOf(dataSource),
                "--server.port=" + port));
        for (String property : properties) {
            command.add("--" + property);
        }
        Path console = Path.of("target", "node-" + port + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(console.toFile());
        builder.environment().put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        builder.environment().putAll(environment);
        try {
            return new NodeProcess(builder.start(), port, console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Waits until the node's readiness probe answers 200. */
    public NodeProcess awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The node exited with " + process.exitValue() + ":\n"
                        + String.join("\n", output()));
            }
            try {
                if (RawHttp.send(port, "GET", "/actuator/health/readiness", Map.of(), null).status() == 200) {
                    return this;
                }
            } catch (RuntimeException notListeningYet) {
                // not yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The node did not get ready:\n" + String.join("\n", output()));
            }
            Thread.sleep(100);
        }
    }

    /** Sends SIGTERM, as an orchestrator stops a node, and waits for the process to exit; its exit code. */
    public int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The node did not exit within a minute of SIGTERM");
        }
        return process.exitValue();
    }

    /** Every line the node has written to its console so far (kept in {@code target/node-<port>.log}). */
    public List<String> output() {
        try {
            return Files.readAllLines(console, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
