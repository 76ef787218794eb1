package io.timetracker.api.identity;

import io.timetracker.api.auth.RequiresScope;
import io.timetracker.api.system.EnabledModules;
import io.timetracker.api.web.CommandDispatcher;
import io.timetracker.api.web.Envelopes;
import io.timetracker.api.web.JsonBody;
import io.timetracker.api.web.PartialUpdates;
import io.timetracker.api.web.Queries;
import io.timetracker.api.web.QueryParams;
import io.timetracker.api.web.RequestContext;
import io.timetracker.command.user.UpdateUser;
import io.timetracker.events.user.UserProfile;
import io.timetracker.query.common.PageRequest;
import io.timetracker.query.common.Versioned;
import io.timetracker.query.user.UserQueries.FindUser;
import io.timetracker.query.user.UserQueries.ListUsers;
import io.timetracker.query.user.UserView;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Contract §2: the caller's own profile, and user administration. */
@RestController
@RequestMapping("/api/v1/users")
public class UserController {

    private final CommandDispatcher commands;
    private final Queries queries;
    private final PartialUpdates updates;
    private final UserAccounts accounts;
    private final PasswordHasher passwords;
    private final EnabledModules modules;
    private final Map<String, Object> timeEntryRequirements;

    public UserController(CommandDispatcher commands, Queries queries, PartialUpdates updates, UserAccounts accounts,
                          PasswordHasher passwords,
                          EnabledModules modules,
                          @Value("${timetracker.time-entries.require-task:false}") boolean requireTask,
                          @Value("${timetracker.time-entries.require-description:false}") boolean requireDescription,
                          @Value("${timetracker.time-entries.description-min-length:0}") int descriptionMinLength) {
        this.commands = commands;
        this.queries = queries;
        this.updates = updates;
        this.accounts = accounts;
        this.passwords = passwords;
        this.modules = modules;
        this.timeEntryRequirements = Map.of("require_task", requireTask, "require_description", requireDescription,
                "description_min_length", descriptionMinLength);
    }

    @GetMapping("/me")
    @RequiresScope("read:users")
    public Map<String, Object> me(HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", find(RequestContext.caller(request).userId()).value());
        body.put("time_entry_requirements", timeEntryRequirements);
        body.put("enabled_modules", modules.names());
        return body;
    }

    @GetMapping
    @RequiresScope("admin:all")
    public Map<String, Object> list(HttpServletRequest request) {
        PageRequest page = QueryParams.page(request);
        return Envelopes.list("users", queries.page(new ListUsers(page)), page);
    }

    @GetMapping("/{id}")
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> get(@PathVariable long id) {
        return Envelopes.one("user", find(id));
    }

    @PostMapping
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> create(JsonBody body) {
        long id = accounts.register(body);
        return Envelopes.created("User", "user", find(id), "/api/v1/users/" + id);
    }

    @RequestMapping(path = "/{id}", method = {RequestMethod.PUT, RequestMethod.PATCH})
    @RequiresScope("admin:all")
    public ResponseEntity<Map<String, Object>> update(@PathVariable long id, JsonBody body,
                                                      HttpServletRequest request) {
        String password = UserFields.readPassword(body);
        String passwordHash = password == null ? null : passwords.hash(password);
        updates.<UserView>apply(request, () -> find(id), (current, expectedVersion) -> {
            UserProfile profile = UserFields.readProfile(body, current);
            Boolean active = body.bool("is_active");
            body.throwIfInvalid();
            return new UpdateUser(id, profile, active != null ? active : current.isActive(), passwordHash,
                    expectedVersion);
        });
        return Envelopes.updated("User", "user", find(id));
    }

    private Versioned<UserView> find(long id) {
        return queries.one(new FindUser(id), "User");
    }
}
