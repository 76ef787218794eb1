package io.timetracker.api.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An end-to-end test against the running application over real HTTP and a real PostgreSQL: the embedded
 * server (fresh data in {@code target/}) unless {@code TIMETRACKER_TEST_DATABASE_URL} names an empty
 * database on a server. All such tests share one application context, so give data unique names. Faults can be
 * injected per request ({@link TestFaults}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import(TestFaults.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${TIMETRACKER_TEST_DATABASE_URL:}",
        "timetracker.embedded-postgres.data-dir=target/embedded-postgres",
        "timetracker.embedded-postgres.clean=true",
        "timetracker.bootstrap.admin-token=" + ApiClient.ADMIN_TOKEN,
        "timetracker.bootstrap.admin-password=" + ApiClient.ADMIN_PASSWORD,
        "timetracker.rate-limit.per-minute=100000",
        "timetracker.rate-limit.per-hour=1000000",
        "timetracker.rate-limit.login-per-minute=1000",
        // a commit a test holds on purpose lets the writes behind it start another group only this late
        "timetracker.group-commit.stall-after=3s"
})
public @interface ApiTest {
}
