package io.timetracker.command.user;

import io.timetracker.command.common.CommandRejectedException;
import io.timetracker.command.common.Rejection;
import io.timetracker.command.common.UniqueKeys;
import io.timetracker.events.user.UserDeactivated;
import io.timetracker.events.user.UserPasswordChanged;
import io.timetracker.events.user.UserProfile;
import io.timetracker.events.user.UserProfileChanged;
import io.timetracker.events.user.UserReactivated;
import io.timetracker.events.user.UserRegistered;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.timetracker.command.common.RejectionMatcher.rejected;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class UserAggregateTest {

    private static final UserProfile PROFILE = new UserProfile("ada@example.test", "Ada Lovelace", Roles.USER,
            "Europe/London", "YYYY-MM-DD", "24h");
    private static final UserRegistered REGISTERED = new UserRegistered(7, "Ada", PROFILE, "$2a$12$hash");

    private FixtureConfiguration<UserAggregate> fixture;
    private UniqueKeys uniqueKeys;
    private UserDirectory directory;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAggregate.class);
        uniqueKeys = mock(UniqueKeys.class);
        directory = mock(UserDirectory.class);
        fixture.registerInjectableResource(uniqueKeys);
        fixture.registerInjectableResource(directory);
    }

    @Test
    void registeringClaimsTheLowerCasedUsernameAndRecordsTheHashOnly() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(7, "Ada", PROFILE, "$2a$12$hash"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);

        verify(uniqueKeys).claim(eq("username"), eq("ada"), eq("user-7"), any());
        verify(directory).record(7, true, PROFILE.role());
    }

    @Test
    void aTakenUsernameIsAConflict() {
        doThrow(CommandRejectedException.conflict("A user named 'ada' already exists"))
                .when(uniqueKeys).claim(eq("username"), eq("ada"), eq("user-7"), any());

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(7, "ADA", PROFILE, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.CONFLICT));
    }

    @Test
    void anUnknownRoleIsRefusedOnRegistration() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(7, "Ada", withRole("owner"), null))
                .expectNoEvents()
                .expectException(rejected(Rejection.VALIDATION_ERROR, "role"));
    }

    @Test
    void anUnknownRoleIsRefusedOnUpdate() {
        fixture.given(REGISTERED)
                .when(new UpdateUser(7, withRole("superuser"), true, null, null))
                .expectNoEvents()
                .expectException(rejected(Rejection.VALIDATION_ERROR, "role"));
    }

    @Test
    void aChangedProfileRecordsTheWholeNewProfileAndANewRoleInTheDirectory() {
        UserProfile manager = withRole(Roles.MANAGER);

        fixture.given(REGISTERED)
                .when(new UpdateUser(7, manager, true, null, 0L))
                .expectEvents(new UserProfileChanged(7, manager));
        verify(directory).record(7, true, Roles.MANAGER);
    }

    @Test
    void anUnchangedProfileRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new UpdateUser(7, PROFILE, true, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aNewPasswordRecordsItsHash() {
        fixture.given(REGISTERED)
                .when(new UpdateUser(7, PROFILE, true, "$2a$12$other", null))
                .expectEvents(new UserPasswordChanged(7, "$2a$12$other"));
    }

    @Test
    void deactivatingAndReactivating() {
        fixture.given(REGISTERED)
                .when(new UpdateUser(7, PROFILE, false, null, null))
                .expectEvents(new UserDeactivated(7));
        verify(directory).record(7, false, PROFILE.role());

        fixture.given(REGISTERED, new UserDeactivated(7))
                .when(new UpdateUser(7, PROFILE, true, null, null))
                .expectEvents(new UserReactivated(7));
    }

    @Test
    void deactivatingAnInactiveUserRecordsNothing() {
        fixture.given(REGISTERED, new UserDeactivated(7))
                .when(new UpdateUser(7, PROFILE, false, null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void oneUpdateCanChangeProfilePasswordAndActiveFlagTogether() {
        UserProfile admin = withRole(Roles.ADMIN);

        fixture.given(REGISTERED)
                .when(new UpdateUser(7, admin, false, "$2a$12$new", null))
                .expectEvents(new UserProfileChanged(7, admin), new UserPasswordChanged(7, "$2a$12$new"),
                        new UserDeactivated(7));
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(REGISTERED, new UserProfileChanged(7, withRole(Roles.MANAGER)))
                .when(new UpdateUser(7, withRole(Roles.ADMIN), true, null, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    private static UserProfile withRole(String role) {
        return new UserProfile(PROFILE.email(), PROFILE.fullName(), role, PROFILE.timezone(), PROFILE.dateFormat(),
                PROFILE.timeFormat());
    }
}
