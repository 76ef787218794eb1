package io.timetracker.command.user;

import io.timetracker.command.common.AggregateDirectory;
import io.timetracker.events.AggregateIds;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Lets other aggregates check that a referenced user exists and is active. */
@Component
public class UserDirectory extends AggregateDirectory<UserAggregate> {

    public UserDirectory(@Qualifier("userAggregateRepository") Repository<UserAggregate> users) {
        super(users, AggregateIds.USER);
    }

    public void requireActive(long userId, String field) {
        require(userId, field, UserAggregate::isActive, "No active user with id " + userId);
    }

    public boolean isActive(long userId) {
        return Boolean.TRUE.equals(read(userId, UserAggregate::isActive));
    }
}
