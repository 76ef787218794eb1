package io.timetracker.api.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser without a browser, for the admin web's HTTP tests: keeps its cookies, follows no redirect, and sends
 * forms as {@code application/x-www-form-urlencoded}.
 */
public final class WebSession {

    private static final Pattern HIDDEN = Pattern.compile("name=\"([^\"]+)\"\\s+value=\"([^\"]*)\"");

    /** One answer: its status, headers (first value of each, by lower-case name) and body. */
    public record Page(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        /** The value of the page's first (hidden) field {@code name}, or null. */
        public String field(String name) {
            Matcher hidden = HIDDEN.matcher(body());
            while (hidden.find()) {
                if (hidden.group(1).equals(name)) {
                    return hidden.group(2);
                }
            }
            return null;
        }

        /** Whether the answer sends the browser to the sign-in form. */
        public boolean sendsToSignIn() {
            return status == 302 && header("Location") != null && header("Location").endsWith("/admin/login");
        }
    }

    private final int port;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    public WebSession(int port) {
        this.port = port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public Page get(String path) {
        return send(request(path).GET().build());
    }

    public Page get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = request(path).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** Posts the form fields as given (name, value, name, value...), with no CSRF token unless one is among them. */
    public Page post(String path, String... fields) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < fields.length; i += 2) {
            pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build());
    }

    /** Posts a form the way its page would: with the CSRF token (and form id) of the page the form is on. */
    public Page submit(Page formPage, String path, String... fields) {
        List<String> all = new ArrayList<>(List.of("_csrf", formPage.field("_csrf")));
        if (formPage.field("form_id") != null) {
            all.addAll(List.of("form_id", formPage.field("form_id")));
        }
        all.addAll(List.of(fields));
        return post(path, all.toArray(String[]::new));
    }

    /** Signs in through the form; the answer to the form's POST. */
    public Page signIn(String username, String password) {
        return submit(get("/admin/login"), "/admin/login", "username", username, "password", password);
    }

    /** Signs in an administrator and checks it worked. */
    public WebSession signedInAs(String username, String password) {
        Page signedIn = signIn(username, password);
        assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/admin/api-tokens");
        return this;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
