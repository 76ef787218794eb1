package io.timetracker.api.identity;

import io.timetracker.api.auth.TokenDigests;
import io.timetracker.api.web.ApiException;
import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.user.RegisterUser;
import io.timetracker.command.user.Roles;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.user.UserProfile;
import io.timetracker.api.web.CommandDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * First start (contract §2): on an event store without users, creates the admin user and an admin token,
 * from configuration or generated. What was generated is printed once, in a banner on the console: the
 * one place a plain secret is ever shown outside a response. Nothing happens on later starts; with several
 * nodes starting at once, the unique username lets exactly one of them do it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // right after the read models are built: the administrator comes first
public class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final JdbcTemplate jdbc;
    private final IdAllocator ids;
    private final CommandDispatcher commands;
    private final TokenIssuer issuer;
    private final PasswordHasher passwords;
    private final String username;
    private final String password;
    private final String token;
    private final Environment environment;

    public Bootstrap(JdbcTemplate jdbc, IdAllocator ids, CommandDispatcher commands, TokenIssuer issuer,
                     PasswordHasher passwords, Environment environment,
                     @Value("${timetracker.bootstrap.admin-username}") String username,
                     @Value("${timetracker.bootstrap.admin-password}") String password,
                     @Value("${timetracker.bootstrap.admin-token}") String token) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.commands = commands;
        this.issuer = issuer;
        this.passwords = passwords;
        this.username = username;
        this.password = password;
        this.token = token;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!token.isBlank() && !TokenDigests.hasTokenFormat(token)) {
            throw new IllegalStateException("timetracker.bootstrap.admin-token must be tt_ and 32 characters of [A-Za-z0-9_-]");
        }
        if (!password.isBlank() && (password.length() < PasswordHasher.MIN_LENGTH || !PasswordHasher.fitsHash(password))) {
            throw new IllegalStateException("timetracker.bootstrap.admin-password must have at least "
                    + PasswordHasher.MIN_LENGTH + " characters and at most " + PasswordHasher.MAX_BYTES + " bytes");
        }
        if (usersExist()) {
            return;
        }
        String adminPassword = password.isBlank() ? TokenDigests.newToken().substring(3, 23) : password;
        String adminToken = token.isBlank() ? TokenDigests.newToken() : token;
        long userId = ids.next(AggregateIds.USER);
        try {
            commands.send(new RegisterUser(userId, username,
                    new UserProfile(null, "Administrator", Roles.ADMIN, null, null, null), passwords.hash(adminPassword)));
        } catch (CommandRejectedException | ApiException anotherNodeWasFirst) {
            log.info("Another node created the bootstrap admin");
            return;
        }
        issuer.issue(new TokenIssuer.TokenRequest(userId, "Bootstrap admin token", "Created at first start",
                List.of("admin:all"), null, List.of()), adminToken);
        printBanner(adminPassword, adminToken);
    }

    private boolean usersExist() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM domain_event_entry WHERE type = 'UserAggregate')", Boolean.class));
    }

    private void printBanner(String adminPassword, String adminToken) {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        System.out.println("""

                ================================================================
                 TimeTracker first start: an administrator was created.
                   username: %s
                   password: %s
                   API token: %s
                 %s
                 Or sign in at %s/admin/login and hand out scoped tokens there.
                ================================================================
                """.formatted(username,
                password.isBlank() ? adminPassword : "(as configured)",
                token.isBlank() ? adminToken : "(as configured)",
                "This is shown once. Try: curl -H \"Authorization: Bearer <token>\" " + base + "/api/v1/users/me",
                base));
    }
}
