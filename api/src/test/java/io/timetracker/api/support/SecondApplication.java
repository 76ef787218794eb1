package io.timetracker.api.support;

import io.timetracker.api.TimeTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Another instance of the application in this JVM, on a database of its own (created on the test's PostgreSQL
 * server) or as a second node on the test context's database, on a port of its own, started in the background so
 * that a test can watch it come up. Test configurations of other test classes are kept out of it, as they are out of
 * every test context.
 */
public final class SecondApplication implements AutoCloseable {

    private final int port;
    private final JdbcTemplate server;
    private final String database;
    private final CompletableFuture<ConfigurableApplicationContext> context;

    private SecondApplication(int port, JdbcTemplate server, String database,
                              CompletableFuture<ConfigurableApplicationContext> context) {
        this.port = port;
        this.server = server;
        this.database = database;
        this.context = context;
    }

    /**
     * Starts the application on a new, empty database of the server {@code dataSource} belongs to.
     *
     * @param sources    more configuration classes for it (a test's own beans)
     * @param properties more properties, {@code name=value}
     */
    public static SecondApplication startOnNewDatabase(DataSource dataSource, List<Class<?>> sources,
                                                       String... properties) {
        String database = "second_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcTemplate server = new JdbcTemplate(dataSource);
        server.execute("CREATE DATABASE " + database);
        String jdbcUrl = withDatabase(jdbcUrl(dataSource), database);
        return start(jdbcUrl, server, database, sources, properties);
    }

    /**
     * Starts the application as a second node on the database of {@code dataSource} (the one the test context's
     * node uses); closing it leaves the database alone.
     */
    public static SecondApplication startOnSameDatabase(DataSource dataSource, String... properties) {
        return startOnSameDatabase(dataSource, List.of(), properties);
    }

    /** As {@link #startOnSameDatabase(DataSource, String...)}, with more configuration classes (a test's own beans). */
    public static SecondApplication startOnSameDatabase(DataSource dataSource, List<Class<?>> sources,
                                                        String... properties) {
        return start(jdbcUrl(dataSource), new JdbcTemplate(dataSource), null, sources, properties);
    }

    private static SecondApplication start(String jdbcUrl, JdbcTemplate server, String ownDatabase,
                                           List<Class<?>> sources, String... properties) {
        int port = freePort();
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + jdbcUrl, "server.port=" + port,
                "timetracker.bootstrap.admin-token=" + ApiClient.ADMIN_TOKEN,
                "timetracker.bootstrap.admin-password=" + ApiClient.ADMIN_PASSWORD));
        all.addAll(List.of(properties));
        CompletableFuture<ConfigurableApplicationContext> context = CompletableFuture.supplyAsync(() ->
                // as command-line arguments, which win over application.yml and the environment
                application(sources).run(all.stream().map(property -> "--" + property).toArray(String[]::new)));
        return new SecondApplication(port, server, ownDatabase, context);
    }

    /**
     * The application in a process of its own ({@link NodeProcess}): as in this JVM, the tests' configurations are
     * kept out of it, although they are on its class path.
     */
    public static void main(String[] args) {
        application(List.of()).run(args);
    }

    private static SpringApplicationBuilder application(List<Class<?>> sources) {
        List<Class<?>> allSources = new ArrayList<>(List.of(TimeTrackerApplication.class));
        allSources.addAll(sources);
        return new SpringApplicationBuilder(allSources.toArray(Class<?>[]::new))
                .initializers(app -> app.getBeanFactory().registerSingleton(
                        TestClassesExcluded.class.getName(), new TestClassesExcluded()));
    }

    static String jdbcUrlOf(DataSource dataSource) {
        return jdbcUrl(dataSource);
    }

    static int unusedPort() {
        return freePort();
    }

    public int port() {
        return port;
    }

    /** The running application, once it has started (its runners included). */
    public ConfigurableApplicationContext started() {
        return context.join();
    }

    /** Stops the instance (also one that failed to start) and drops its own database, if it has one. */
    @Override
    public void close() {
        try {
            context.thenAccept(ConfigurableApplicationContext::close).join();
        } finally {
            if (database != null) {
                server.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /** What Spring Boot's test contexts leave out of component scanning: the tests' own configurations. */
    private static final class TestClassesExcluded extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(TestConfiguration.class.getName())
                    || reader.getAnnotationMetadata().isAnnotated(TestComponent.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }

    private static String jdbcUrl(DataSource dataSource) {
        return ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
    }

    private static String withDatabase(String jdbcUrl, String database) {
        int slash = jdbcUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = jdbcUrl.indexOf('?', slash);
        return jdbcUrl.substring(0, slash + 1) + database + (query < 0 ? "" : jdbcUrl.substring(query));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
