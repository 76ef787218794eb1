package io.timetracker.command.token;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.user.UserDirectory;
import io.timetracker.events.token.ApiTokenIssued;
import io.timetracker.events.token.ApiTokenRevoked;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.timetracker.command.common.RejectionMatcher.rejected;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class ApiTokenAggregateTest {

    private static final String DIGEST = "a".repeat(64);
    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");
    private static final IssueApiToken ISSUE = new IssueApiToken(5, 7, "CI", "for the build", DIGEST, "tt_AbCdE",
            List.of("read:projects", "write:time_entries"), EXPIRES, List.of("10.0.0.0/8"));
    private static final ApiTokenIssued ISSUED = new ApiTokenIssued(5, 7, "CI", "for the build", DIGEST, "tt_AbCdE",
            List.of("read:projects", "write:time_entries"), EXPIRES, List.of("10.0.0.0/8"), null);

    private FixtureConfiguration<ApiTokenAggregate> fixture;
    private UserDirectory users;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApiTokenAggregate.class);
        users = mock(UserDirectory.class);
        fixture.registerInjectableResource(users);
    }

    @Test
    void issuingRecordsDigestAndPrefixForAnActiveUser() {
        fixture.givenNoPriorActivity()
                .when(ISSUE)
                .expectEvents(ISSUED);

        verify(users).requireActive(7, "user_id");
    }

    @Test
    void wildcardAndAdminScopesAreKnown() {
        IssueApiToken admin = new IssueApiToken(5, 7, "Admin", null, DIGEST, "tt_AbCdE",
                List.of("admin:all", "*", "read:*", "write:*"), null, List.of());

        fixture.givenNoPriorActivity()
                .when(admin)
                .expectEvents(new ApiTokenIssued(5, 7, "Admin", null, DIGEST, "tt_AbCdE",
                        List.of("admin:all", "*", "read:*", "write:*"), null, List.of(), null));
    }

    @Test
    void anUnknownScopeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withScopes(List.of("read:projects", "read:everything")))
                .expectNoEvents()
                .expectException(rejected(Rejection.VALIDATION_ERROR, "scopes"));
    }

    @Test
    void noScopeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(withScopes(List.of()))
                .expectNoEvents()
                .expectException(rejected(Rejection.VALIDATION_ERROR, "scopes"));
    }

    @Test
    void anInactiveOrUnknownUserIsRefused() {
        doThrow(CommandRejectedException.invalid("user_id", "No active user with id 7"))
                .when(users).requireActive(7, "user_id");

        fixture.givenNoPriorActivity()
                .when(ISSUE)
                .expectNoEvents()
                .expectException(rejected(Rejection.VALIDATION_ERROR, "user_id"));
    }

    @Test
    void revokingAnActiveToken() {
        fixture.given(ISSUED)
                .when(new RevokeApiToken(5))
                .expectEvents(new ApiTokenRevoked(5, null));
    }

    @Test
    void revokingTwiceRecordsNothingTheSecondTime() {
        fixture.given(ISSUED, new ApiTokenRevoked(5, null))
                .when(new RevokeApiToken(5))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rotatingRevokesTheOldTokenAndIssuesItsSuccessorWithTheSameGrants() {
        String newDigest = "b".repeat(64);

        fixture.given(ISSUED)
                .when(new RotateApiToken(5, 6, newDigest, "tt_ZyXwV"))
                .expectEvents(new ApiTokenRevoked(5, 6L),
                        new ApiTokenIssued(6, 7, "CI", "for the build", newDigest, "tt_ZyXwV",
                                List.of("read:projects", "write:time_entries"), EXPIRES, List.of("10.0.0.0/8"), 5L));
    }

    @Test
    void aRevokedTokenCannotBeRotated() {
        fixture.given(ISSUED, new ApiTokenRevoked(5, null))
                .when(new RotateApiToken(5, 6, "b".repeat(64), "tt_ZyXwV"))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_STATE));
    }

    @Test
    void aRotatedTokenCannotBeRotatedAgain() {
        fixture.given(ISSUED, new ApiTokenRevoked(5, 6L))
                .when(new RotateApiToken(5, 8, "c".repeat(64), "tt_QqQqQ"))
                .expectNoEvents()
                .expectException(rejected(Rejection.INVALID_STATE));
    }

    private static IssueApiToken withScopes(List<String> scopes) {
        return new IssueApiToken(5, 7, "CI", null, DIGEST, "tt_AbCdE", scopes, null, List.of());
    }
}
