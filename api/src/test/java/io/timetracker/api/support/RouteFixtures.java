package io.timetracker.api.support;

import io.timetracker.api.support.ApiClient.Response;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Real requests for every route of the route table, made as an administrator (give it one of its own: it starts
 * and stops its timer): path variables filled with a resource that exists, and a valid body for every write, with
 * the state it needs (a running or paused timer). Tests generated from the route table use it, so a new route
 * without fixtures here fails them, naming what to add, instead of escaping them.
 */
public final class RouteFixtures {

    /** A valid write: its path, its body's fields as raw JSON, and the fields that may not be null. */
    public record Write(String path, Map<String, String> fields, Set<String> required) {

        public String body() {
            return body(fields);
        }

        /** This body with one field's raw JSON replaced. */
        public String bodyWith(String field, String rawJson) {
            Map<String, String> changed = new LinkedHashMap<>(fields);
            changed.put(field, rawJson);
            return body(changed);
        }

        private static String body(Map<String, String> fields) {
            StringBuilder json = new StringBuilder("{");
            fields.forEach((name, raw) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name)
                    .append("\": ").append(raw));
            return json.append('}').toString();
        }
    }

    private final ApiClient admin;
    private final Map<String, Supplier<Long>> resources = new LinkedHashMap<>();

    public RouteFixtures(ApiClient admin) {
        this.admin = admin;
        resources.put("users", this::user);
        resources.put("api-tokens", this::token);
        resources.put("clients", this::client);
        resources.put("projects", this::project);
        resources.put("tasks", this::task);
        resources.put("time-entries", this::entry);
        resources.put("time-entry-approvals", this::pendingApproval);
        resources.put("contacts", this::contact);
        resources.put("deals", this::deal);
        resources.put("leads", this::lead);
        resources.put("jobs", this::finishedJob);
    }

    /** The path with each {@code {variable}} replaced by the id of a new resource of the collection before it. */
    public String path(String pattern) {
        String[] segments = pattern.split("/");
        for (int i = 0; i < segments.length; i++) {
            if (segments[i].startsWith("{")) {
                Supplier<Long> resource = resources.get(segments[i - 1]);
                if (resource == null) {
                    fail("RouteFixtures has no resource for " + pattern + ": add one for '" + segments[i - 1] + "'");
                }
                segments[i] = String.valueOf(resource.get());
            }
        }
        return String.join("/", segments);
    }

    /** A valid GET of {@code pattern}: its path, and the query parameters the route needs. */
    public String read(String pattern) {
        String path = path(pattern);
        return switch (pattern) {
            case "/api/v1/search" -> path + "?q=fixture";
            case "/api/v1/exports/payroll" -> path + "?start_date=2024-01-01&end_date=2024-01-31";
            default -> path;
        };
    }

    /** A valid request body for {@code method pattern}: every field the route reads, with a value it accepts. */
    public Write write(String method, String pattern) {
        String path = path(pattern);
        String route = method + " " + pattern;
        return switch (route) {
            case "POST /api/v1/users" -> new Write(path, fields(
                    "username", quoted("u-" + uniqueWord()), "role", "\"user\"", "password", "\"a-long-enough-password\"",
                    "email", "\"someone@example.test\"", "full_name", "\"Some One\"", "timezone", "\"Europe/Berlin\"",
                    "date_format", "\"YYYY-MM-DD\"", "time_format", "\"HH:mm\""), Set.of("username"));
            case "PUT /api/v1/users/{id}", "PATCH /api/v1/users/{id}" -> new Write(path, fields(
                    "role", "\"manager\"", "password", "\"another-long-password\"", "email", "\"other@example.test\"",
                    "full_name", "\"Other One\"", "timezone", "\"Europe/Paris\"", "date_format", "\"DD.MM.YYYY\"",
                    "time_format", "\"h:mm a\"", "is_active", "true", "reason", "\"renamed\""), Set.of("role"));
            case "POST /api/v1/api-tokens" -> new Write(path, fields(
                    "name", "\"fixture\"", "user_id", String.valueOf(user()), "scopes", "[\"read:projects\"]",
                    "description", "\"for tests\"", "expires_at", "\"2099-01-01T00:00:00Z\"",
                    "ip_whitelist", "[\"10.0.0.0/8\"]"), Set.of("name", "user_id", "scopes"));
            case "POST /api/v1/auth/login" -> new Write(path, fields(
                    "username", "\"admin\"", "password", quoted(ApiClient.ADMIN_PASSWORD)), Set.of("username", "password"));
            case "POST /api/v1/clients" -> new Write(path, clientFields(), Set.of("name"));
            case "PUT /api/v1/clients/{id}", "PATCH /api/v1/clients/{id}" -> new Write(path,
                    with(clientFields(), "status", "\"active\"", "reason", "\"corrected\""), Set.of("name", "status"));
            case "POST /api/v1/projects" -> new Write(path, projectFields(client()), Set.of("name", "client_id"));
            case "PUT /api/v1/projects/{id}", "PATCH /api/v1/projects/{id}" -> new Write(path,
                    with(projectFields(client()), "status", "\"active\"", "reason", "\"corrected\""),
                    Set.of("name", "client_id", "status"));
            case "POST /api/v1/tasks" -> new Write(path, taskFields(project()), Set.of("name", "project_id"));
            case "PUT /api/v1/tasks/{id}", "PATCH /api/v1/tasks/{id}" -> new Write(path,
                    with(taskFields(projectOf("tasks", path)), "reason", "\"corrected\""), Set.of("name", "project_id"));
            case "POST /api/v1/time-entries" -> new Write(path, with(entryFields(project(), hour()),
                    "source", "\"import\"", "user_id", String.valueOf(adminId())), Set.of("start_time"));
            case "PUT /api/v1/time-entries/{id}", "PATCH /api/v1/time-entries/{id}" -> new Write(path,
                    with(entryFields(projectOf("time-entries", path), hour()), "reason", "\"corrected\"",
                            "if_updated_at", quoted(field(path, "time_entry", "updated_at"))), Set.of("start_time"));
            case "DELETE /api/v1/time-entries/{id}" -> new Write(path, fields("reason", "\"duplicate\""), Set.of());
            case "POST /api/v1/time-entries/bulk" -> new Write(path, fields("entry_ids", "[" + entry() + "]",
                    "action", "\"set_paid\"", "value", "true", "reason", "\"paid\""), Set.of("entry_ids", "action", "value"));
            case "POST /api/v1/time-entries/{id}/request-approval" -> new Write(path, fields("comment",
                    "\"please\"", "approver_ids", "[" + manager() + "]", "reason", "\"month end\""), Set.of());
            case "POST /api/v1/time-entry-approvals/{id}/approve" -> new Write(path, fields("comment", "\"fine\"",
                    "reason", "\"checked\""), Set.of());
            case "POST /api/v1/time-entry-approvals/{id}/reject" -> new Write(path,
                    fields("reason", "\"not billable\""), Set.of("reason"));
            case "POST /api/v1/time-entry-approvals/{id}/cancel" -> new Write(path,
                    fields("reason", "\"sent too early\""), Set.of());
            case "POST /api/v1/time-entry-approvals/bulk-approve" -> new Write(path, fields("approval_ids",
                    "[" + pendingApproval() + "]", "comment", "\"fine\"", "reason", "\"checked\""),
                    Set.of("approval_ids"));
            case "POST /api/v1/timer/start" -> {
                admin.post("/api/v1/timer/stop", null);
                long project = project();
                yield new Write(path, fields("project_id", String.valueOf(project), "task_id",
                        String.valueOf(task(project)), "notes", "\"timing\""), Set.of("project_id"));
            }
            case "POST /api/v1/admin/projections/rebuild", "POST /api/v1/admin/projections/verify" -> {
                awaitNoJob();
                yield new Write(path, fields("read_models", "[\"users\"]"), Set.of());
            }
            case "POST /api/v1/timer/pause", "POST /api/v1/timer/stop" -> {
                restartTimer();
                yield new Write(path, fields("reason", "\"break\""), Set.of());
            }
            case "POST /api/v1/timer/resume" -> {
                restartTimer();
                assertThat(admin.post("/api/v1/timer/pause", null).status()).isEqualTo(200);
                yield new Write(path, fields("reason", "\"back\""), Set.of());
            }
            case "POST /api/v1/clients/{id}/contacts" -> new Write(path, contactFields(),
                    Set.of("first_name", "last_name"));
            case "PUT /api/v1/contacts/{id}", "PATCH /api/v1/contacts/{id}" -> new Write(path,
                    with(contactFields(), "reason", "\"corrected\""), Set.of("first_name", "last_name"));
            case "POST /api/v1/deals" -> new Write(path, dealFields(), Set.of("name"));
            case "PUT /api/v1/deals/{id}", "PATCH /api/v1/deals/{id}" -> new Write(path,
                    with(dealFields(), "status", "\"open\"", "reason", "\"corrected\""), Set.of("name"));
            case "POST /api/v1/leads" -> new Write(path, leadFields(), Set.of("first_name", "last_name"));
            case "PUT /api/v1/leads/{id}", "PATCH /api/v1/leads/{id}" -> new Write(path,
                    with(leadFields(), "reason", "\"corrected\""), Set.of("first_name", "last_name"));
            case "POST /api/v1/leads/{id}/convert-to-client" -> new Write(path, fields("reason", "\"signed\""),
                    Set.of());
            case "POST /api/v1/leads/{id}/convert-to-deal" -> new Write(path, fields("name", "\"Big deal\"",
                    "stage", "\"proposal\"", "probability", "70", "expected_close_date", "\"2030-03-31\"",
                    "reason", "\"offer sent\""), Set.of());
            case "DELETE /api/v1/contacts/{id}", "DELETE /api/v1/deals/{id}", "DELETE /api/v1/leads/{id}",
                 "DELETE /api/v1/api-tokens/{id}", "POST /api/v1/api-tokens/{id}/revoke",
                 "POST /api/v1/api-tokens/{id}/rotate", "DELETE /api/v1/clients/{id}", "DELETE /api/v1/projects/{id}",
                 "DELETE /api/v1/tasks/{id}" -> new Write(path, fields("reason", "\"no longer needed\""), Set.of());
            default -> fail("RouteFixtures has no valid body for " + route + ": add one");
        };
    }

    /**
     * A pending request of another user's entry, which every admin there is now (the fixtures' one included) may
     * decide: it names no approvers and its project no manager.
     */
    public long pendingApproval() {
        long userId = user();
        Response token = admin.post("/api/v1/api-tokens", "{\"name\": \"fixture\", \"user_id\": %d, \"scopes\": %s}"
                .formatted(userId, "[\"write:time_entries\", \"write:time_approvals\"]"));
        assertThat(token.status()).as(token.raw()).isEqualTo(201);
        ApiClient requester = admin.as(token.body().get("token").asString());
        String[] hour = hour();
        long entry = created(requester.post("/api/v1/time-entries",
                "{\"project_id\": %d, \"start_time\": \"%s\", \"end_time\": \"%s\"}".formatted(project(), hour[0],
                        hour[1])), "time_entry");
        Response requested = requester.post("/api/v1/time-entries/" + entry + "/request-approval", "{}");
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        return requested.body().get("approval").get("id").asLong();
    }

    /** A check of one read model, run to its end. */
    public long finishedJob() {
        awaitNoJob();
        Response started = admin.post("/api/v1/admin/projections/verify", "{\"read_models\": [\"users\"]}");
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        awaitNoJob();
        return started.body().get("job").get("id").asLong();
    }

    /** Waits until no rebuild or check runs (one runs at a time; a new one would be refused). */
    private void awaitNoJob() {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (admin.get("/api/v1/admin/projections").body().get("jobs").valueStream()
                .anyMatch(job -> job.get("finished_at").isNull())) {
            assertThat(System.nanoTime()).as("the running job ends within two minutes").isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops the administrator's timer if one runs, and starts a new one. */
    private void restartTimer() {
        admin.post("/api/v1/timer/stop", null);
        Response started = admin.post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(project()));
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
    }

    public long adminId() {
        return admin.get("/api/v1/users/me").body().get("user").get("id").asLong();
    }

    public long user() {
        return created(admin.post("/api/v1/users", "{\"username\": %s, \"role\": \"user\"}"
                .formatted(quoted("u-" + uniqueWord()))), "user");
    }

    public long manager() {
        return created(admin.post("/api/v1/users", "{\"username\": %s, \"role\": \"manager\"}"
                .formatted(quoted("m-" + uniqueWord()))), "user");
    }

    public long token() {
        return created(admin.post("/api/v1/api-tokens",
                "{\"name\": \"fixture\", \"user_id\": %d, \"scopes\": [\"read:projects\"]}".formatted(user())),
                "api_token");
    }

    public long client() {
        return created(admin.post("/api/v1/clients", "{\"name\": %s}".formatted(quoted(uniqueWord()))), "client");
    }

    public long project() {
        return created(admin.post("/api/v1/projects",
                "{\"name\": %s, \"client_id\": %d}".formatted(quoted(uniqueWord()), client())), "project");
    }

    public long task(long project) {
        return created(admin.post("/api/v1/tasks",
                "{\"name\": %s, \"project_id\": %d}".formatted(quoted(uniqueWord()), project)), "task");
    }

    public long task() {
        return task(project());
    }

    public long contact() {
        return created(admin.post("/api/v1/clients/" + client() + "/contacts", "{\"name\": \"Ann Lee\"}"), "contact");
    }

    public long lead() {
        return created(admin.post("/api/v1/leads", "{\"first_name\": \"Lee\", \"last_name\": \"Ann\", "
                + "\"company_name\": %s}".formatted(quoted(uniqueWord()))), "lead");
    }

    public long deal() {
        return created(admin.post("/api/v1/deals", "{\"name\": %s}".formatted(quoted(uniqueWord()))), "deal");
    }

    /** A completed hour of the administrator's, in a slot no other fixture uses. */
    public long entry() {
        String[] hour = hour();
        return created(admin.post("/api/v1/time-entries", "{\"project_id\": %d, \"start_time\": \"%s\", \"end_time\": \"%s\"}"
                .formatted(project(), hour[0], hour[1])), "time_entry");
    }

    private long projectOf(String collection, String path) {
        String singular = collection.equals("tasks") ? "task" : "time_entry";
        return Long.parseLong(field(path, singular, "project_id"));
    }

    private String field(String path, String key, String field) {
        return admin.get(path).body().get(key).get(field).asString();
    }

    private static Map<String, String> clientFields() {
        return fields("name", quoted(uniqueWord()), "description", "\"a client\"", "contact_person", "\"Ann\"",
                "company", "\"Ann Ltd\"", "email", "\"ann@example.test\"", "phone", "\"+49 30 1234\"",
                "address", "\"Street 1\"", "default_hourly_rate", "95.5", "custom_fields", "{\"vat\": \"DE1\"}");
    }

    private static Map<String, String> contactFields() {
        return fields("first_name", "\"Ann\"", "last_name", "\"Lee\"", "email", "\"ann@example.test\"",
                "phone", "\"+49 30 1\"", "mobile", "\"+49 170 1\"", "title", "\"CFO\"", "department", "\"Finance\"",
                "role", "\"billing\"", "is_primary", "true", "address", "\"Street 2\"", "notes", "\"pays\"",
                "tags", "\"vip\"");
    }

    private Map<String, String> dealFields() {
        long client = client();
        long contact = created(admin.post("/api/v1/clients/" + client + "/contacts", "{\"name\": \"Bo Day\"}"),
                "contact");
        return fields("name", quoted(uniqueWord()), "client_id", String.valueOf(client), "contact_id",
                String.valueOf(contact), "lead_id", String.valueOf(lead()), "description", "\"a deal\"",
                "stage", "\"proposal\"", "value", "1000", "currency_code", "\"usd\"", "probability", "40",
                "expected_close_date", "\"2030-01-31\"", "notes", "\"call back\"", "owner_id",
                String.valueOf(adminId()));
    }

    private Map<String, String> leadFields() {
        return fields("first_name", "\"Cy\"", "last_name", "\"Doe\"", "company_name", quoted(uniqueWord()),
                "email", "\"cy@example.test\"", "phone", "\"+1 555\"", "title", "\"CTO\"", "source", "\"web\"",
                "status", "\"qualified\"", "score", "80", "estimated_value", "5000", "currency_code", "\"EUR\"",
                "notes", "\"hot\"", "tags", "\"a,b\"", "owner_id", String.valueOf(adminId()));
    }

    private Map<String, String> projectFields(long client) {
        return fields("name", quoted(uniqueWord()), "client_id", String.valueOf(client), "description", "\"work\"",
                "billable", "true", "hourly_rate", "120", "billing_ref", "\"PO-1\"",
                "code", quoted(uniqueWord().substring(0, 8)), "estimated_hours", "40", "budget_amount", "5000",
                "budget_threshold_percent", "75", "manager_id", String.valueOf(adminId()));
    }

    private Map<String, String> taskFields(long project) {
        return fields("name", quoted(uniqueWord()), "project_id", String.valueOf(project), "description", "\"do it\"",
                "status", "\"in_progress\"", "priority", "\"high\"", "assigned_to", String.valueOf(adminId()),
                "due_date", "\"2030-06-30\"", "estimated_hours", "3.5", "tags", "\"a,b\"");
    }

    private Map<String, String> entryFields(long project, String[] hour) {
        return fields("project_id", String.valueOf(project), "task_id", String.valueOf(task(project)),
                "start_time", quoted(hour[0]), "end_time", quoted(hour[1]), "break_seconds", "60",
                "notes", "\"worked\"", "tags", "\"x,y\"", "billable", "true", "paid", "false",
                "invoice_number", "\"INV-1\"");
    }

    private static long nextHour = System.currentTimeMillis() / 1000 / 3600 % 100_000;

    /** A start and end an hour apart that no other entry of this test run has used. */
    private static synchronized String[] hour() {
        long start = java.time.Instant.parse("2001-01-01T00:00:00Z").getEpochSecond() + 3600 * nextHour++;
        return new String[]{java.time.Instant.ofEpochSecond(start).toString(),
                java.time.Instant.ofEpochSecond(start + 3000).toString()};
    }

    private static long created(ApiClient.Response response, String key) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        JsonNode resource = response.body().get(key);
        return resource.get("id").asLong();
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Map<String, String> with(Map<String, String> fields, String... pairs) {
        Map<String, String> more = new LinkedHashMap<>(fields);
        more.putAll(fields(pairs));
        return more;
    }

    private static String quoted(String text) {
        return '"' + text + '"';
    }

    private static String uniqueWord() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
