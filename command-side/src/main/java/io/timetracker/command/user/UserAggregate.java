package io.timetracker.command.user;

import io.timetracker.command.common.UniqueKeys;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.user.UserDeactivated;
import io.timetracker.events.user.UserPasswordChanged;
import io.timetracker.events.user.UserProfile;
import io.timetracker.events.user.UserProfileChanged;
import io.timetracker.events.user.UserReactivated;
import io.timetracker.events.user.UserRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate
public class UserAggregate {

    static final String USERNAME_SCOPE = "username";

    @AggregateIdentifier
    private String id;
    private UserProfile profile;
    private boolean active;

    protected UserAggregate() {
    }

    @CommandHandler
    public UserAggregate(RegisterUser command, UniqueKeys uniqueKeys, UserDirectory directory) {
        Roles.requireKnown(command.profile().role());
        uniqueKeys.claim(USERNAME_SCOPE, command.username().toLowerCase(Locale.ROOT), command.aggregateId(),
                "A user named '" + command.username() + "' already exists");
        apply(new UserRegistered(command.userId(), command.username(), command.profile(), command.passwordHash()));
        directory.record(command.userId(), true, command.profile().role()); // a new user is active
    }

    @CommandHandler
    public void handle(UpdateUser command, UserDirectory directory) {
        Roles.requireKnown(command.profile().role());
        boolean directoryChanges = !command.profile().role().equals(profile.role()) || command.active() != active;
        if (!command.profile().equals(profile)) {
            apply(new UserProfileChanged(command.userId(), command.profile()));
        }
        if (command.newPasswordHash() != null) {
            apply(new UserPasswordChanged(command.userId(), command.newPasswordHash()));
        }
        if (command.active() != active) {
            apply(command.active() ? new UserReactivated(command.userId()) : new UserDeactivated(command.userId()));
        }
        if (directoryChanges) {
            directory.record(command.userId(), active, profile.role());
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        id = AggregateIds.of(AggregateIds.USER, event.userId());
        profile = event.profile();
        active = true;
    }

    @EventSourcingHandler
    void on(UserProfileChanged event) {
        profile = event.profile();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        active = true;
    }
}
