package io.timetracker.api.identity;

import io.timetracker.api.docs.Answer;
import io.timetracker.api.docs.ApiDocs;
import io.timetracker.api.docs.ApiDocumentation;
import io.timetracker.api.docs.Json;
import io.timetracker.api.web.BodyShape;
import io.timetracker.query.token.ApiTokenView;
import io.timetracker.query.user.UserView;
import org.springframework.stereotype.Component;

/** Contract §2 in the OpenAPI document: signing in, users and API tokens. */
@Component
class IdentityDocs implements ApiDocumentation {

    @Override
    public void describe(ApiDocs docs) {
        docs.tag("Authentication", "Signing in: a username and password for a new token");
        docs.operation(LoginController.class, "login").id("login").summary("Sign in")
                .description("Mints a token named \"App login - <username>\": scopes admin:all for admins, else "
                        + "read:* and write:*. Send it as Authorization: Bearer <token>.")
                .body(LoginController.SHAPE)
                .answers(Answer.of(200, "The new token (shown only here)", Json.object()
                        .with("token", Json.string().description("tt_ and 32 characters"))
                        .with("expires_at", Json.dateTime())))
                .error(401, "Wrong username or password, or an inactive user");

        docs.tag("Users", "Who may sign in, and their roles");
        docs.operation(UserController.class, "me").id("getCurrentUser").summary("The caller and what the server serves")
                .answers(Answer.of(200, "The caller", Json.object()
                        .with("user", Answer.view(UserView.class))
                        .with("time_entry_requirements", Json.object()
                                .with("require_task", Json.bool())
                                .with("require_description", Json.bool())
                                .with("description_min_length", Json.integer()))
                        .with("enabled_modules", Json.array(Json.string())), UserView.class));
        docs.operation(UserController.class, "list").id("listUsers").summary("List users")
                .answers(Answer.list("users", UserView.class));
        docs.operation(UserController.class, "get").id("getUser").summary("One user")
                .answers(Answer.one("user", UserView.class));
        docs.operation(UserController.class, "create").id("createUser").summary("Create a user")
                .body(UserFields.CREATE)
                .answers(Answer.created("user", UserView.class))
                .error(409, "The username is taken");
        docs.operation(UserController.class, "update").id("PUT", "updateUser").id("PATCH", "patchUser")
                .summary("Change a user (only the fields sent)")
                .body(UserFields.UPDATE)
                .answers(Answer.updated("user", UserView.class));

        docs.tag("API tokens", "Tokens for scripts and apps: the plain token is shown once, when it is made");
        docs.operation(ApiTokenController.class, "list").id("listApiTokens").summary("List API tokens")
                .answers(Answer.list("api_tokens", ApiTokenView.class));
        docs.operation(ApiTokenController.class, "get").id("getApiToken").summary("One API token")
                .answers(Answer.one("api_token", ApiTokenView.class));
        docs.operation(ApiTokenController.class, "create").id("createApiToken").summary("Create an API token")
                .body(TokenIssuer.CREATE)
                .answers(Answer.of(201, "Created: the plain token, once", withToken(), ApiTokenView.class)
                        .withLocation());
        docs.operation(ApiTokenController.class, "revoke").id("revokeApiToken").summary("Revoke an API token")
                .body(BodyShape.reasonOnly())
                .answers(Answer.of(200, "Revoked", Json.object().with("message", Json.string())
                        .with("api_token", Answer.view(ApiTokenView.class)), ApiTokenView.class));
        docs.operation(ApiTokenController.class, "delete").id("deleteApiToken")
                .summary("Revoke an API token (like revoke)")
                .answers(Answer.message("Revoked"));
        docs.operation(ApiTokenController.class, "rotate").id("rotateApiToken")
                .summary("A new token with the same user, scopes and IP list; the old one is revoked")
                .answers(Answer.of(200, "The new token, once", withToken(), ApiTokenView.class));
    }

    private static Json.ObjectSchema withToken() {
        return Json.object().with("message", Json.string())
                .with("token", Json.string().description("The plain token: tt_ and 32 characters"))
                .with("api_token", Answer.view(ApiTokenView.class));
    }
}
