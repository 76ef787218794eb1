package io.timetracker.api.identity;

import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.Queries;
import io.timetracker.command.common.IdAllocator;
import io.timetracker.command.user.RegisterUser;
import io.timetracker.command.user.UpdateUser;
import io.timetracker.events.AggregateIds;
import io.timetracker.events.user.UserProfile;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.user.UserQueries.FindUser;
import io.timetracker.query.user.UserView;
import org.springframework.stereotype.Component;

import java.util.regex.Pattern;

/**
 * Registering a user and switching an account on and off, the same for the API's {@code /users} and the admin web:
 * the fields are read (and refused) alike, and the same commands are sent.
 */
@Component
public class UserAccounts {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{2,100}");

    private final CommandDispatcher commands;
    private final Queries queries;
    private final IdAllocator ids;
    private final PasswordHasher passwords;

    public UserAccounts(CommandDispatcher commands, Queries queries, IdAllocator ids, PasswordHasher passwords) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.passwords = passwords;
    }

    /** Registers the user the body describes ({@code username}, the profile, an optional password); its id. */
    public long register(JsonBody body) {
        String username = body.read(UserFields.USERNAME);
        if (username != null && !USERNAME.matcher(username).matches()) {
            body.reject("username", "Use 2-100 letters, digits and . _ @ -");
        }
        UserProfile profile = UserFields.readProfile(body, null);
        String password = UserFields.readPassword(body);
        body.throwIfInvalid();
        long id = ids.next(AggregateIds.USER);
        commands.send(new RegisterUser(id, username, profile, password == null ? null : passwords.hash(password)));
        return id;
    }

    /**
     * Activates or deactivates the account, changing nothing else (and nothing if someone changed it meanwhile);
     * its username.
     */
    public String setActive(long userId, boolean active) {
        Versioned<UserView> found = queries.one(new FindUser(userId), "User");
        UserView user = found.value();
        commands.send(new UpdateUser(userId, new UserProfile(user.email(), user.fullName(), user.role(),
                user.chosenTimezone(), user.dateFormat(), user.timeFormat()), active, null, found.version()));
        return user.username();
    }
}
