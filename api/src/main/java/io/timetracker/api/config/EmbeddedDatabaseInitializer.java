package io.timetracker.api.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts an embedded PostgreSQL server (a real server process) when no {@code spring.datasource.url} is
 * configured, and points the datasource at it. The server is started once per JVM, so test contexts share
 * it; its data lives in {@code timetracker.embedded-postgres.data-dir} and survives restarts unless
 * {@code timetracker.embedded-postgres.clean} is set (tests).
 */
public class EmbeddedDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseInitializer.class);
    private static EmbeddedPostgres server;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        String configuredUrl = env.getProperty("spring.datasource.url");
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            return;
        }
        EmbeddedPostgres postgres = start(
                Path.of(env.getProperty("timetracker.embedded-postgres.data-dir", "data/postgres")),
                env.getProperty("timetracker.embedded-postgres.port", Integer.class, 0),
                env.getProperty("timetracker.embedded-postgres.clean", Boolean.class, false));
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "")));
    }

    private static synchronized EmbeddedPostgres start(Path dataDirectory, int port, boolean clean) {
        if (server == null) {
            try {
                Files.createDirectories(dataDirectory);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDirectory.toAbsolutePath())
                        .setCleanDataDirectory(clean)
                        .setServerConfig("max_connections", "200")
                        // Stopped by Boot's shutdown hook after every context has closed (below), not by a JVM hook
                        // of its own racing the contexts' shutdown work (flushing token usage, releasing claims).
                        .setRegisterShutdownHook(false);
                if (port > 0) {
                    builder.setPort(port);
                }
                server = builder.start();
                SpringApplication.getShutdownHandlers().add(EmbeddedDatabaseInitializer::stop);
                log.info("Embedded PostgreSQL on port {}, data in {}", server.getPort(), dataDirectory.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }
}
