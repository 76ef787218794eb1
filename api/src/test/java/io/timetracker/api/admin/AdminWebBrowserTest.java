package io.timetracker.api.admin;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.timetracker.api.admin.AdminWebFixtures.PASSWORD;
import static io.timetracker.api.admin.AdminWebFixtures.newAccount;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin web in a real headless Chromium, as a new administrator uses it: sign in, hand out a scoped token and
 * take it back, manage users, read the audit log. Each page is saved as a screenshot under target/screenshots (at a
 * desktop width and, for the forms, a phone's).
 */
class AdminWebBrowserTest extends EndToEndTest {

    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;

    @Test
    void anAdministratorHandsOutATokenWithTwoScopesAndRevokesIt() {
        AdminWebFixtures.Account me = newAccount(admin, "admin");
        AdminWebFixtures.Account holder = newAccount(admin, "user");
        String name = unique("Browser token");
        try (Chromium chromium = Chromium.start()) {
            ChromeDriver browser = chromium.driver;
            browser.get(url("/admin/api-tokens"));
            waitForTitle(browser, "Sign in");
            chromium.screenshot("01-sign-in", DESKTOP);
            chromium.screenshot("01-sign-in-phone", PHONE);
            signIn(browser, me.username());
            assertThat(browser.getCurrentUrl()).contains("/admin/api-tokens");
            chromium.screenshot("02-api-tokens", DESKTOP);

            browser.findElement(By.linkText("Create token")).click();
            waitForTitle(browser, "Create token");
            browser.findElement(By.id("name")).sendKeys(name);
            new Select(browser.findElement(By.id("user_id"))).selectByValue(String.valueOf(holder.id()));
            browser.findElement(By.id("read-projects")).click();
            browser.findElement(By.id("read-clients")).click();
            browser.findElement(By.id("expires_days")).sendKeys("30");
            chromium.screenshot("03-create-token", DESKTOP);
            chromium.screenshot("03-create-token-phone", PHONE);
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();

            waitForTitle(browser, "Token created");
            String token = browser.findElement(By.id("plain-token")).getDomProperty("value");
            assertThat(token).matches("tt_[A-Za-z0-9_-]{32}");
            assertThat(browser.findElement(By.cssSelector("[data-shown-once]")).getText())
                    .contains("shown only this once");
            browser.findElement(By.cssSelector("[data-copy]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver ->
                    !driver.findElement(By.id("copied")).getText().isEmpty());
            chromium.screenshot("04-token-created", DESKTOP);
            chromium.screenshot("04-token-created-phone", PHONE);

            ApiClient scoped = admin.as(token);
            assertThat(scoped.get("/api/v1/projects").status()).isEqualTo(200);
            ApiClient.Response write = scoped.post("/api/v1/projects",
                    "{\"name\": \"%s\", \"client_id\": %d}".formatted(name, createClient("Client of " + name)));
            assertThat(write.status()).as(write.raw()).isEqualTo(403);
            assertThat(write.body().get("required_scope").asString()).isEqualTo("write:projects");

            browser.findElement(By.linkText("Done — back to API tokens")).click();
            waitForTitle(browser, "API tokens");
            browser.navigate().back();
            assertThat(browser.getPageSource()).as("going back to the creation answer").doesNotContain(token);
            browser.navigate().refresh();
            assertThat(browser.getPageSource()).as("reloading it").doesNotContain(token);
            browser.get(url("/admin/api-tokens?user_id=" + holder.id()));
            WebElement row = rowOf(browser, name);
            assertThat(row.getText()).contains(holder.username(), token.substring(0, 8), "read:projects",
                    "read:clients", "active").doesNotContain(token);

            row.findElement(By.linkText("Revoke")).click();
            waitForTitle(browser, "Revoke token");
            chromium.screenshot("05-revoke-token", DESKTOP);
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitForNotice(browser, "was revoked");
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains(name);
            assertThat(rowOf(browser, name).getText()).contains("revoked");
            chromium.screenshot("06-api-tokens-after-revoke", DESKTOP);
            chromium.screenshot("06-api-tokens-phone", PHONE);
            assertThat(browser.getPageSource()).doesNotContain(token);

            ApiClient.Response refused = scoped.get("/api/v1/projects");
            assertThat(refused.status()).as(refused.raw()).isEqualTo(401);
        }
    }

    @Test
    void anAdministratorCreatesAUserThenDeactivatesAndReactivatesIt() {
        AdminWebFixtures.Account me = newAccount(admin, "admin");
        String username = unique("web-user").replace(' ', '-');
        try (Chromium chromium = Chromium.start()) {
            ChromeDriver browser = chromium.driver;
            browser.get(url("/admin/login"));
            signIn(browser, me.username());
            browser.findElement(By.linkText("Users")).click();
            waitForTitle(browser, "Users");
            browser.findElement(By.linkText("New user")).click();
            waitForTitle(browser, "New user");
            browser.findElement(By.id("username")).sendKeys(username);
            browser.findElement(By.id("full_name")).sendKeys("Wen Ling");
            browser.findElement(By.id("email")).sendKeys(username + "@example.com");
            new Select(browser.findElement(By.id("role"))).selectByValue("manager");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            chromium.screenshot("07-new-user", DESKTOP);
            chromium.screenshot("07-new-user-phone", PHONE);
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();

            waitForNotice(browser, "was created");
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains(username);
            JsonNode user = userNamed(username);
            assertThat(user.get("role").asString()).isEqualTo("manager");
            assertThat(user.get("full_name").asString()).isEqualTo("Wen Ling");

            onSomePage(browser, By.cssSelector("button[aria-label='Deactivate " + username + "']")).click();
            waitForNotice(browser, "was deactivated");
            assertThat(userNamed(username).get("is_active").asBoolean()).isFalse();
            chromium.screenshot("08-users", DESKTOP);
            chromium.screenshot("08-users-phone", PHONE);

            onSomePage(browser, By.cssSelector("button[aria-label='Reactivate " + username + "']")).click();
            waitForNotice(browser, "was reactivated");
            assertThat(userNamed(username).get("is_active").asBoolean()).isTrue();
        }
    }

    @Test
    void theAuditLogShowsWhatWasDoneInTheWebAsTheAdministratorsWebSession() {
        AdminWebFixtures.Account me = newAccount(admin, "admin");
        try (Chromium chromium = Chromium.start()) {
            ChromeDriver browser = chromium.driver;
            browser.get(url("/admin/login"));
            signIn(browser, me.username());
            browser.findElement(By.linkText("Create token")).click();
            waitForTitle(browser, "Create token");
            browser.findElement(By.id("name")).sendKeys("Audited token");
            new Select(browser.findElement(By.id("user_id"))).selectByValue(String.valueOf(me.id()));
            browser.findElement(By.id("admin-all")).click();
            browser.findElement(By.cssSelector("main form button[type=submit]")).click();
            waitForTitle(browser, "Token created");

            browser.findElement(By.linkText("Audit log")).click();
            waitForTitle(browser, "Audit log");
            new Select(browser.findElement(By.id("entity_type"))).selectByValue("api_token");
            new Select(browser.findElement(By.id("user_id"))).selectByValue(String.valueOf(me.id()));
            browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(
                    "user_id=" + me.id()));
            assertThat(browser.getCurrentUrl()).contains("entity_type=api_token");
            WebElement first = browser.findElement(By.cssSelector("table.audit tbody tr"));
            assertThat(first.getText()).contains("created", "api token", me.username(), "web session",
                    "Audited token");
            chromium.screenshot("09-audit-log", DESKTOP);
            chromium.screenshot("09-audit-log-phone", PHONE);

            browser.findElement(By.cssSelector("form.signout button")).click();
            waitForTitle(browser, "Sign in");
            signIn(browser, newAccount(admin, "user").username());
            waitForTitle(browser, "Not an administrator");
            assertThat(browser.findElement(By.tagName("main")).getText()).contains("for administrators only");
            chromium.screenshot("10-not-an-administrator", DESKTOP);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void signIn(ChromeDriver browser, String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.getTitle().startsWith("Sign in"));
    }

    private static void waitForTitle(ChromeDriver browser, String title) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.titleContains(title));
    }

    /** The element, on this page of the list or a later one (following the pager, as a person would). */
    private static WebElement onSomePage(ChromeDriver browser, By element) {
        while (browser.findElements(element).isEmpty()) {
            String page = browser.getCurrentUrl();
            browser.findElement(By.cssSelector("a[rel=next]")).click();
            new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().equals(page));
        }
        return browser.findElement(element);
    }

    private static void waitForNotice(ChromeDriver browser, String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".notice"), text));
    }

    private static WebElement rowOf(ChromeDriver browser, String tokenName) {
        return browser.findElement(By.xpath("//tr[.//strong[text()='" + tokenName + "']]"));
    }

    private JsonNode userNamed(String username) {
        int page = 1;
        while (true) {
            JsonNode users = admin.get("/api/v1/users?per_page=100&page=" + page++).body().get("users");
            for (JsonNode user : users) {
                if (user.get("username").asString().equals(username)) {
                    return user;
                }
            }
            assertThat(users.isEmpty()).as(username + " is listed").isFalse();
        }
    }
}
