package io.timetracker.api.identity;

import io.timetracker.api.auth.TokenDigests;
import io.timetracker.api.identity.IdentityFixtures.Account;
import io.timetracker.api.identity.IdentityFixtures.IssuedToken;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.query.token.TokenUsageRecorder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.timetracker.api.identity.IdentityFixtures.anonymous;
import static io.timetracker.api.identity.IdentityFixtures.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §1: a plain token or password is never stored and never logged. A realistic session creates and
 * uses secrets of every kind, then every column of every table, and everything logged meanwhile, is searched
 * for them. (The first-start banner is the one sanctioned exception; it happened before this test.)
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsAtRestTest extends EndToEndTest {

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TokenUsageRecorder usage;

    @Test
    void noPlainTokenOrPasswordIsStoredOrLogged(CapturedOutput output) {
        List<String> secrets = new ArrayList<>(List.of(ApiClient.ADMIN_TOKEN, ApiClient.ADMIN_PASSWORD));

        Account manager = register(admin, "manager");
        secrets.add(manager.password());
        String newPassword = "rotated-" + UUID.randomUUID();
        secrets.add(newPassword);
        assertThat(admin.patch("/api/v1/users/" + manager.id(), "{\"password\": \"%s\"}".formatted(newPassword))
                .status()).isEqualTo(200);
        Account admin2 = register(admin, "admin");
        secrets.add(admin2.password());

        IssuedToken integration = issueWithIdempotencyKey(manager.id(), "read:*,write:*");
        secrets.add(integration.token());
        String appToken = login(manager.username(), newPassword);
        String adminAppToken = login(admin2.username(), admin2.password());
        secrets.addAll(List.of(appToken, adminAppToken));
        String wrongPassword = "wrong-" + UUID.randomUUID();
        secrets.add(wrongPassword);
        assertThat(anonymous(admin).post("/api/v1/auth/login", credentials(manager.username(), wrongPassword))
                .status()).isEqualTo(401);
        Response rotated = admin.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/api-tokens/" + integration.id() + "/rotate", null);
        assertThat(rotated.status()).isEqualTo(200);
        String rotatedToken = rotated.body().get("token").asString();
        secrets.add(rotatedToken);
        String unknownToken = TokenDigests.newToken();
        secrets.add(unknownToken);
        assertThat(admin.as(unknownToken).get("/api/v1/users/me").status()).isEqualTo(401);
        assertThat(admin.as(integration.token()).get("/api/v1/users/me").status()).isEqualTo(401);

        ApiClient app = admin.as(appToken);
        Response client = app.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(unique("Secretless")));
        assertThat(client.status()).isEqualTo(201);
        long clientId = client.body().get("client").get("id").asLong();
        assertThat(admin.as(rotatedToken).post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d}"
                .formatted(unique("Secretless"), clientId)).status()).isEqualTo(201);
        assertThat(admin.as(adminAppToken).get("/api/v1/api-tokens").status()).isEqualTo(200);
        assertThat(app.withHeader("X-API-Key", appToken).get("/api/v1/projects?token=" + appToken).status())
                .isEqualTo(200);
        usage.flush();

        String marker = "log capture reaches the application's loggers " + UUID.randomUUID();
        LoggerFactory.getLogger(TokenUsageRecorder.class).warn(marker);

        List<String> everyStoredValue = everyStoredValue();
        assertThat(everyStoredValue).isNotEmpty();
        for (String secret : secrets) {
            assertThat(everyStoredValue).as("stored values").noneMatch(value -> value.contains(secret));
            assertThat(output.getAll()).as("log output").doesNotContain(secret);
        }
        assertThat(output.getAll()).contains(marker);
        assertThat(everyStoredValue).as("the session's token prefixes are stored, so the search did reach them")
                .anyMatch(value -> value.contains(rotatedToken.substring(0, 8)));
    }

    private IssuedToken issueWithIdempotencyKey(long userId, String scopes) {
        Response created = admin.withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/api-tokens", """
                        {"name": "integration", "user_id": %d, "scopes": %s}""".formatted(userId, jsonArray(scopes)));
        assertThat(created.status()).isEqualTo(201);
        return new IssuedToken(created.body().get("api_token").get("id").asLong(),
                created.body().get("token").asString());
    }

    private String login(String username, String password) {
        Response login = anonymous(admin).withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/auth/login", credentials(username, password));
        assertThat(login.status()).isEqualTo(200);
        return login.body().get("token").asString();
    }

    private static String credentials(String username, String password) {
        return "{\"username\": \"%s\", \"password\": \"%s\"}".formatted(username, password);
    }

    /** Every value of every column of every table in the database, binary ones decoded as UTF-8. */
    private List<String> everyStoredValue() {
        List<Map<String, Object>> tables = jdbc.queryForList("""
                SELECT table_schema, table_name FROM information_schema.tables
                WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')""");
        assertThat(tables).extracting(table -> table.get("table_name"))
                .contains("domain_event_entry", "token_entry", "unique_key", "idempotency_record", "users",
                        "api_tokens", "api_token_usage");
        List<String> values = new ArrayList<>();
        for (Map<String, Object> table : tables) {
            jdbc.query("SELECT * FROM \"%s\".\"%s\"".formatted(table.get("table_schema"), table.get("table_name")),
                    (ResultSet row) -> {
                        ResultSetMetaData columns = row.getMetaData();
                        for (int column = 1; column <= columns.getColumnCount(); column++) {
                            values.add(readable(row.getObject(column)));
                        }
                    });
        }
        return values;
    }

    private static String readable(Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Array array) {
            return Arrays.deepToString((Object[]) array.getArray());
        }
        return String.valueOf(value);
    }
}
