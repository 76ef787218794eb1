package io.timetracker.api.admin;

import io.timetracker.api.auth.RouteAccess;
import io.timetracker.api.auth.RouteTable;
import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.Endpoints;
import io.timetracker.api.support.Endpoints.Endpoint;
import io.timetracker.api.support.WebSession;
import io.timetracker.api.support.WebSession.Page;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static io.timetracker.api.admin.AdminWebFixtures.PASSWORD;
import static io.timetracker.api.admin.AdminWebFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin web's access rules over real HTTP, for every page of the route table: anonymous requests go to the
 * sign-in form, API tokens open nothing, only administrators sign in, every form needs its CSRF token, and a new
 * token is in its creation answer and in no page after it. (Sign-in throttling is in {@code ControlledClockApiTest},
 * whose clock the limits' minutes follow.)
 */
class AdminWebAccessTest extends EndToEndTest {

    private static final Pattern PLAIN_TOKEN = Pattern.compile("value=\"(tt_[A-Za-z0-9_-]{32})\"");

    @Autowired
    RouteTable routes;

    @Test
    void theAdminPagesAreTheirOwnRoutesNotTheApis() {
        assertThat(Endpoints.adminPagesOf(routes)).extracting(Endpoint::toString)
                .contains("GET /admin/login", "GET /admin/api-tokens", "POST /admin/api-tokens", "GET /admin/users",
                        "POST /admin/users", "GET /admin/audit");
        assertThat(Endpoints.of(routes)).noneMatch(endpoint -> endpoint.pattern().startsWith("/admin"));
        JsonNode paths = admin.as(null).get("/api/openapi.json").body().get("paths");
        assertThat(paths.propertyNames()).isNotEmpty().noneMatch(path -> path.startsWith("/admin"));
    }

    @TestFactory
    Stream<DynamicTest> anonymousRequestsGoToTheSignInFormAndTokensOpenNothing() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.adminPagesOf(routes)) {
            if (endpoint.access().kind() == RouteAccess.Kind.SIGN_IN_PAGE) {
                continue;
            }
            String path = endpoint.pattern().replaceAll("\\{action[^}]*}", "revoke").replaceAll("\\{[^}]+}", "1");
            if (endpoint.method().equals("GET")) {
                tests.add(DynamicTest.dynamicTest(endpoint + " anonymously", () ->
                        assertThat(new WebSession(port).get(path).sendsToSignIn()).isTrue()));
                tests.add(DynamicTest.dynamicTest(endpoint + " with the administrator's API token", () ->
                        assertThat(new WebSession(port).get(path, Map.of("Authorization",
                                "Bearer " + ApiClient.ADMIN_TOKEN)).sendsToSignIn()).isTrue()));
            } else {
                tests.add(DynamicTest.dynamicTest(endpoint + " anonymously, with the administrator's API token", () -> {
                    WebSession anonymous = new WebSession(port);
                    Page login = anonymous.get("/admin/login");
                    Page refused = anonymous.submit(login, path, "name", "x", "username", "x");
                    assertThat(refused.sendsToSignIn()).as(refused.body()).isTrue();
                }));
            }
        }
        return tests.stream();
    }

    @Test
    void theSignInFormIsOpenAndSetsAStrictHttpOnlySessionCookie() {
        WebSession browser = new WebSession(port);
        Page form = browser.get("/admin/login");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("<label for=\"username\">Username</label>", "name=\"_csrf\"");
        String cookie = form.headers("Set-Cookie").stream().filter(set -> set.startsWith("TT_ADMIN_SESSION="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/admin").doesNotContain("Secure");

        Page signedIn = browser.signIn(newAccount(admin, "admin").username(), PASSWORD);
        assertThat(signedIn.header("Location")).endsWith("/admin/api-tokens");
        assertThat(signedIn.headers("Set-Cookie")).anyMatch(set -> set.startsWith("TT_ADMIN_SESSION=")
                && !set.contains(cookie.substring(0, cookie.indexOf(';')))); // a new session id once signed in
        assertThat(browser.get("/admin/api-tokens").status()).isEqualTo(200);
        assertThat(browser.get("/admin/login").header("Location")).endsWith("/admin/api-tokens");
    }

    @Test
    void aWrongPasswordOrADeactivatedAccountStaysOnTheSignInForm() {
        AdminWebFixtures.Account account = newAccount(admin, "admin");
        String username = account.username();
        WebSession browser = new WebSession(port);
        Page wrong = browser.signIn(username, "not-the-password-at-all");
        assertThat(wrong.header("Location")).endsWith("/admin/login?error");
        assertThat(browser.get("/admin/login?error").body()).contains("Wrong username or password");
        assertThat(browser.get("/admin/api-tokens").sendsToSignIn()).isTrue();

        deactivate(account.id());
        assertThat(new WebSession(port).signIn(username, PASSWORD).header("Location")).endsWith("/admin/login?error");
    }

    @Test
    void aNonAdministratorWithTheRightPasswordIsRefusedWithAClearPage() {
        for (String role : List.of("user", "manager")) {
            WebSession browser = new WebSession(port);
            Page refused = browser.signIn(newAccount(admin, role).username(), PASSWORD);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("Not an administrator", "for administrators only");
            assertThat(browser.get("/admin/api-tokens").sendsToSignIn()).isTrue();
        }
    }

    @Test
    void aSessionEndsWhenItsAdministratorIsDeactivatedOrNoLongerAnAdministrator() {
        AdminWebFixtures.Account demoted = newAccount(admin, "admin");
        WebSession demotedBrowser = new WebSession(port).signedInAs(demoted.username(), PASSWORD);
        AdminWebFixtures.Account deactivated = newAccount(admin, "admin");
        WebSession deactivatedBrowser = new WebSession(port).signedInAs(deactivated.username(), PASSWORD);

        ApiClient.Response changed = admin.patch("/api/v1/users/" + demoted.id(), "{\"role\": \"user\"}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        deactivate(deactivated.id());

        assertThat(demotedBrowser.get("/admin/api-tokens").sendsToSignIn()).isTrue();
        assertThat(deactivatedBrowser.get("/admin/users").sendsToSignIn()).isTrue();
    }

    @TestFactory
    Stream<DynamicTest> everyFormOfASignedInAdministratorNeedsItsCsrfToken() {
        WebSession browser = new WebSession(port).signedInAs(newAccount(admin, "admin").username(), PASSWORD);
        long tokenId = idOfToken(tokenFor(createUser("user"), "read:projects"));
        long tokensBefore = tokenCount();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.adminPagesOf(routes)) {
            if (endpoint.method().equals("GET")) {
                continue;
            }
            String path = endpoint.pattern().replaceAll("\\{action[^}]*}", "revoke")
                    .replaceAll("\\{[^}]+}", String.valueOf(tokenId));
            for (Map.Entry<String, String> csrf : Map.of("without a CSRF token", "", "with a made-up CSRF token",
                    "made-up").entrySet()) {
                tests.add(DynamicTest.dynamicTest(endpoint + " " + csrf.getKey(), () -> {
                    Page refused = csrf.getValue().isEmpty()
                            ? browser.post(path, "name", "Forged", "user_id", "1", "scopes", "admin:all")
                            : browser.post(path, "_csrf", csrf.getValue(), "name", "Forged", "user_id", "1",
                            "scopes", "admin:all");
                    assertThat(refused.status()).as(refused.body()).isEqualTo(403);
                    assertThat(refused.body()).contains("This form has expired");
                }));
            }
        }
        tests.add(DynamicTest.dynamicTest("nothing was changed, and the session still works", () -> {
            assertThat(tokenCount()).isEqualTo(tokensBefore);
            assertThat(admin.get("/api/v1/api-tokens/" + tokenId).body().get("api_token").get("is_active")
                    .asBoolean()).isTrue();
            assertThat(browser.get("/admin/api-tokens").status()).isEqualTo(200);
        }));
        return tests.stream();
    }

    @Test
    void aNewTokenIsInItsCreationAnswerAndInNoPageAfterIt() {
        WebSession browser = new WebSession(port).signedInAs(newAccount(admin, "admin").username(), PASSWORD);
        Page form = browser.get("/admin/api-tokens/new");
        Page created = browser.submit(form, "/admin/api-tokens", "name", "Shown once", "user_id", "1",
                "scopes", "read:projects", "scopes", "read:clients");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).isEqualTo("no-store");
        assertThat(created.header("Location")).isNull();
        String token = plainToken(created);
        assertThat(admin.as(token).get("/api/v1/projects").status()).isEqualTo(200);
        long tokenId = idOfToken(token);

        assertThat(browser.submit(form, "/admin/api-tokens", "name", "Shown once", "user_id", "1",
                "scopes", "read:projects").status()).as("the same form sent again").isEqualTo(409);
        for (String page : everyPage(tokenId)) {
            Page shown = browser.get(page);
            assertThat(shown.status()).as(page).isLessThan(500);
            assertThat(shown.body()).as(page).doesNotContain(token);
        }

        Page confirm = browser.get("/admin/api-tokens/" + tokenId + "/rotate");
        Page rotated = browser.submit(confirm, "/admin/api-tokens/" + tokenId + "/rotate");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(rotated.header("Cache-Control")).isEqualTo("no-store");
        String newToken = plainToken(rotated);
        assertThat(newToken).isNotEqualTo(token);
        assertThat(admin.as(token).get("/api/v1/projects").status()).isEqualTo(401);
        assertThat(admin.as(newToken).get("/api/v1/projects").status()).isEqualTo(200);
        assertThat(browser.submit(confirm, "/admin/api-tokens/" + tokenId + "/rotate").status()).isEqualTo(409);
        for (String page : everyPage(idOfToken(newToken))) {
            assertThat(browser.get(page).body()).as(page).doesNotContain(token).doesNotContain(newToken);
        }
    }

    @Test
    void aRefusedFormIsShownAgainWithWhatIsWrongAndMakesNothing() {
        WebSession browser = new WebSession(port).signedInAs(newAccount(admin, "admin").username(), PASSWORD);
        long before = tokenCount();
        Page refused = browser.submit(browser.get("/admin/api-tokens/new"), "/admin/api-tokens", "name", "",
                "user_id", "1", "expires_days", "0", "ip_whitelist", "not-an-address");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"name-error\"", "Is required", "id=\"scopes-error\"",
                "Must be between 1 and 3650", "Each entry must be an IP address or a CIDR range");
        assertThat(tokenCount()).isEqualTo(before);

        Page userRefused = browser.submit(browser.get("/admin/users/new"), "/admin/users", "username", "x",
                "role", "admin", "password", "short");
        assertThat(userRefused.status()).isEqualTo(400);
        assertThat(userRefused.body()).contains("Use 2-100 letters", "Must be at least 12 characters")
                .doesNotContain("value=\"short\"");
        assertThat(browser.get("/admin/api-tokens/99999999999999999999/revoke").status()).isEqualTo(400);
        assertThat(browser.get("/admin/api-tokens/987654321/revoke").status()).isEqualTo(404);
    }

    @Test
    void signingOutEndsTheSessionAndNeedsTheFormsCsrfToken() {
        WebSession browser = new WebSession(port).signedInAs(newAccount(admin, "admin").username(), PASSWORD);
        Page tokens = browser.get("/admin/api-tokens");
        assertThat(browser.post("/admin/logout").status()).isEqualTo(403);
        assertThat(browser.get("/admin/api-tokens").status()).isEqualTo(200);
        Page signedOut = browser.submit(tokens, "/admin/logout");
        assertThat(signedOut.header("Location")).endsWith("/admin/login?logout");
        assertThat(browser.get("/admin/api-tokens").sendsToSignIn()).isTrue();
    }

    @Test
    void whatAnAdministratorDoesInTheWebIsAuditedAsThemThroughAWebSession() {
        AdminWebFixtures.Account account = newAccount(admin, "admin");
        String username = account.username();
        WebSession browser = new WebSession(port).signedInAs(username, PASSWORD);
        Page created = browser.submit(browser.get("/admin/users/new"), "/admin/users", "username",
                unique("made-in-web").replace(' ', '-'), "role", "user", "password", PASSWORD);
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        JsonNode row = admin.get("/api/v1/audit-logs?entity_type=user&action=created&user_id="
                + account.id()).body().get("audit_logs").get(0);
        assertThat(row.get("actor").get("username").asString()).isEqualTo(username);
        assertThat(row.get("channel").asString()).isEqualTo("web_session");
        assertThat(row.get("via_token").isNull()).isTrue();

        JsonNode viaToken = admin.get("/api/v1/audit-logs?entity_type=user&action=created").body()
                .get("audit_logs").valueStream().filter(other -> !other.get("via_token").isNull()).findFirst()
                .orElseThrow();
        assertThat(viaToken.get("channel").asString()).isEqualTo("api_token");
        assertThat(browser.get("/admin/audit?entity_type=user&user_id=" + account.id())
                .body()).contains("web session", username);
    }

    private List<String> everyPage(long tokenId) {
        List<String> pages = new ArrayList<>();
        for (Endpoint endpoint : Endpoints.adminPagesOf(routes)) {
            if (endpoint.method().equals("GET")) {
                String path = endpoint.pattern().replaceAll("\\{[^}]+}", String.valueOf(tokenId));
                if (path.contains("{")) {
                    continue;
                }
                if (endpoint.pattern().contains("{action")) {
                    pages.add(endpoint.pattern().replaceAll("\\{id}", String.valueOf(tokenId))
                            .replaceAll("\\{action[^}]*}", "revoke"));
                    pages.add(endpoint.pattern().replaceAll("\\{id}", String.valueOf(tokenId))
                            .replaceAll("\\{action[^}]*}", "rotate"));
                } else {
                    pages.add(path);
                }
            }
        }
        pages.addAll(List.of("/admin/api-tokens?user_id=1", "/admin/audit?entity_type=api_token"));
        return pages;
    }

    private static String plainToken(Page page) {
        Matcher token = PLAIN_TOKEN.matcher(page.body());
        assertThat(token.find()).as(page.body()).isTrue();
        return token.group(1);
    }

    private long idOfToken(String token) {
        String prefix = token.substring(0, 8);
        return admin.get("/api/v1/api-tokens?per_page=100").body().get("api_tokens").valueStream()
                .filter(listed -> listed.get("token_prefix").asString().equals(prefix)).findFirst().orElseThrow()
                .get("id").asLong();
    }

    private long tokenCount() {
        return admin.get("/api/v1/api-tokens").body().get("pagination").get("total").asLong();
    }

    private void deactivate(long userId) {
        ApiClient.Response changed = admin.patch("/api/v1/users/" + userId, "{\"is_active\": false}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    }
}
