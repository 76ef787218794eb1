package io.timetracker.api.task;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaskApiTest extends EndToEndTest {

    @Test
    void createAppliesDefaultsAndAnswersWithLocationAndEtag() {
        long projectId = newProject();
        String name = unique("Design");

        Response created = admin.sendingInvalidInput().post("/api/v1/tasks", """
                {"name": "%s", "project_id": "%d", "colour": "red"}""".formatted(name, projectId));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("message").asString()).isEqualTo("Task created successfully");
        JsonNode task = created.body().get("task");
        long id = task.get("id").asLong();
        assertThat(created.header("Location")).isEqualTo("/api/v1/tasks/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.header("X-Ignored-Fields")).isEqualTo("colour");
        assertThat(task.get("name").asString()).isEqualTo(name);
        assertThat(task.get("project_id").asLong()).isEqualTo(projectId);
        assertThat(task.get("status").asString()).isEqualTo("todo");
        assertThat(task.get("priority").asString()).isEqualTo("medium");
        assertThat(task.get("assigned_to").isNull()).isTrue();
        assertThat(task.get("due_date").isNull()).isTrue();
        assertThat(task.get("tags").isNull()).isTrue();
        assertThat(task.get("tag_list").isEmpty()).isTrue();
        assertThat(task.get("total_hours").asDouble()).isZero();
        assertThat(task.get("created_by").asLong()).isEqualTo(adminId());
        assertThat(task.get("created_at").asString()).endsWith("Z");
        assertThat(task.get("completed_at").isNull()).isTrue();
        assertThat(task.propertyNames()).containsExactlyInAnyOrder("id", "project_id", "name", "description",
                "status", "priority", "assigned_to", "due_date", "estimated_hours", "tags", "tag_list",
                "total_hours", "created_by", "created_at", "updated_at", "completed_at");

        Response fetched = admin.get("/api/v1/tasks/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.header("ETag")).isEqualTo("\"0\"");
        assertThat(fetched.body().get("task").get("name").asString()).isEqualTo(name);
    }

    @Test
    void everyFieldIsStoredAndTheAssigneeAliasIsHonoured() {
        long projectId = newProject();
        long assignee = createUser("user");

        Response created = admin.sendingInvalidInput().post("/api/v1/tasks", """
                {"name": "Ship it", "project_id": %d, "description": "Before Friday", "status": "in_progress",
                 "priority": "HIGH", "assignee_id": %d, "due_date": "2026-12-24", "estimated_hours": 7.5,
                 "tags": ["release", " backend ", "release"]}""".formatted(projectId, assignee));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        JsonNode task = created.body().get("task");
        assertThat(task.get("description").asString()).isEqualTo("Before Friday");
        assertThat(task.get("status").asString()).isEqualTo("in_progress");
        assertThat(task.get("priority").asString()).isEqualTo("high");
        assertThat(task.get("assigned_to").asLong()).isEqualTo(assignee);
        assertThat(task.get("due_date").asString()).isEqualTo("2026-12-24");
        assertThat(task.get("estimated_hours").asDouble()).isEqualTo(7.5);
        assertThat(task.get("tags").asString()).isEqualTo("release,backend");
        assertThat(strings(task.get("tag_list"))).containsExactly("release", "backend");
        assertThat(created.header("X-Ignored-Fields")).isNull();

        Response commaTags = admin.patch("/api/v1/tasks/" + task.get("id").asLong(),
                "{\"tags\": \"ops, , urgent\"}");
        assertThat(commaTags.body().get("task").get("tags").asString()).isEqualTo("ops,urgent");
        assertThat(strings(commaTags.body().get("task").get("tag_list"))).containsExactly("ops", "urgent");
    }

    @Test
    void partialUpdatesChangeOnlyTheGivenFieldsAndStaleIfMatchIsRefused() {
        long projectId = newProject();
        long id = createTask(projectId, "{\"description\": \"first\", \"priority\": \"low\"}");

        admin.put("/api/v1/tasks/" + id, "{\"priority\": \"urgent\"}");
        Response updated = admin.patch("/api/v1/tasks/" + id, "{\"due_date\": \"2027-01-31\"}");

        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.body().get("message").asString()).isEqualTo("Task updated successfully");
        JsonNode task = updated.body().get("task");
        assertThat(task.get("description").asString()).isEqualTo("first");
        assertThat(task.get("priority").asString()).isEqualTo("urgent");
        assertThat(task.get("due_date").asString()).isEqualTo("2027-01-31");
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        Response stale = admin.withHeader("If-Match", "\"1\"").patch("/api/v1/tasks/" + id,
                "{\"name\": \"late\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body().get("error_code").asString()).isEqualTo("conflict");

        Response cleared = admin.patch("/api/v1/tasks/" + id, "{\"due_date\": null, \"assigned_to\": null}");
        assertThat(cleared.body().get("task").get("due_date").isNull()).isTrue();
    }

    @Test
    void completedAtIsWhenTheStatusLastBecameDone() {
        long id = createTask(newProject(), "{}");

        JsonNode done = admin.patch("/api/v1/tasks/" + id, "{\"status\": \"done\"}").body().get("task");
        String completedAt = done.get("completed_at").asString();
        assertThat(completedAt).isNotEmpty();

        JsonNode stillDone = admin.patch("/api/v1/tasks/" + id, "{\"name\": \"renamed\"}").body().get("task");
        assertThat(stillDone.get("completed_at").asString()).isEqualTo(completedAt);

        JsonNode reopened = admin.patch("/api/v1/tasks/" + id, "{\"status\": \"review\"}").body().get("task");
        assertThat(reopened.get("completed_at").isNull()).isTrue();

        long createdDone = createTask(newProject(), "{\"status\": \"done\"}");
        assertThat(admin.get("/api/v1/tasks/" + createdDone).body().get("task").get("completed_at").isNull())
                .isFalse();
    }

    @Test
    void deletedTasksDisappearFromEveryRead() {
        long projectId = newProject();
        long id = createTask(projectId, "{}");

        Response deleted = admin.delete("/api/v1/tasks/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("message").asString()).isEqualTo("Task deleted successfully");
        assertThat(admin.get("/api/v1/tasks/" + id).status()).isEqualTo(404);
        assertThat(ids(admin.get("/api/v1/tasks?project_id=" + projectId))).isEmpty();
        assertThat(admin.delete("/api/v1/tasks/" + id).status()).isEqualTo(404);
        Response update = admin.patch("/api/v1/tasks/" + id, "{\"name\": \"ghost\"}");
        assertThat(update.status()).isEqualTo(404);
        assertThat(update.body().get("error_code").asString()).isEqualTo("not_found");
    }

    @Test
    void listIsOrderedByPriorityThenDueDateWithUndatedLastThenId() {
        long projectId = newProject();
        long lowDated = createTask(projectId, "{\"priority\": \"low\", \"due_date\": \"2026-01-01\"}");
        long mediumUndated = createTask(projectId, "{}");
        long mediumLate = createTask(projectId, "{\"due_date\": \"2026-06-01\"}");
        long mediumEarly = createTask(projectId, "{\"due_date\": \"2026-02-01\"}");
        long urgent = createTask(projectId, "{\"priority\": \"urgent\"}");
        long high = createTask(projectId, "{\"priority\": \"high\", \"due_date\": \"2030-01-01\"}");
        long mediumUndatedToo = createTask(projectId, "{}");

        Response listed = admin.get("/api/v1/tasks?project_id=" + projectId);

        assertThat(listed.status()).isEqualTo(200);
        assertThat(ids(listed)).containsExactly(urgent, high, mediumEarly, mediumLate, mediumUndated,
                mediumUndatedToo, lowDated);
        JsonNode pagination = listed.body().get("pagination");
        assertThat(pagination.get("total").asLong()).isEqualTo(7);
        assertThat(pagination.get("per_page").asInt()).isEqualTo(50);

        Response secondPage = admin.get("/api/v1/tasks?project_id=" + projectId + "&per_page=3&page=2");
        assertThat(ids(secondPage)).containsExactly(mediumLate, mediumUndated, mediumUndatedToo);
        assertThat(secondPage.body().get("pagination").get("pages").asLong()).isEqualTo(3);
    }

    @Test
    void listFiltersByProjectStatusAndAssignee() {
        long projectId = newProject();
        long otherProject = newProject();
        long assignee = createUser("user");
        long open = createTask(projectId, "{\"assigned_to\": %d}".formatted(assignee));
        long review = createTask(projectId, "{\"status\": \"review\"}");
        long elsewhere = createTask(otherProject, "{\"status\": \"review\", \"assigned_to\": %d}".formatted(assignee));

        assertThat(ids(admin.get("/api/v1/tasks?project_id=" + projectId))).containsExactlyInAnyOrder(open, review);
        assertThat(ids(admin.get("/api/v1/tasks?project_id=" + projectId + "&status=review")))
                .containsExactly(review);
        assertThat(ids(admin.get("/api/v1/tasks?assigned_to=" + assignee)))
                .containsExactlyInAnyOrder(open, elsewhere);
        assertThat(ids(admin.get("/api/v1/tasks?status=review&assigned_to=" + assignee)))
                .containsExactly(elsewhere);
        assertThat(ids(admin.get("/api/v1/tasks?per_page=100&status=review&project_id=" + otherProject)))
                .containsExactly(elsewhere);
    }

    @Test
    void malformedFiltersAreValidationErrors() {
        Response badStatus = admin.sendingInvalidInput().get("/api/v1/tasks?status=blocked");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().get("errors").propertyNames()).containsExactly("status");

        Response badProject = admin.sendingInvalidInput().get("/api/v1/tasks?project_id=seven");
        assertThat(badProject.status()).isEqualTo(400);
        assertThat(badProject.body().get("errors").propertyNames()).containsExactly("project_id");

        Response badAssignee = admin.sendingInvalidInput().get("/api/v1/tasks?assigned_to=-1");
        assertThat(badAssignee.status()).isEqualTo(400);
        assertThat(badAssignee.body().get("errors").propertyNames()).containsExactly("assigned_to");
    }

    @Test
    void invalidInputNamesEveryBadField() {
        Response missing = admin.sendingInvalidInput().post("/api/v1/tasks", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(missing.body().get("errors").propertyNames()).containsExactlyInAnyOrder("name", "project_id");

        Response invalid = admin.sendingInvalidInput().post("/api/v1/tasks", """
                {"name": "%s", "project_id": %d, "status": "blocked", "priority": "critical",
                 "due_date": "24.12.2026", "estimated_hours": -1, "assigned_to": "someone"}"""
                .formatted("x".repeat(201), newProject()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").propertyNames()).containsExactlyInAnyOrder("name", "status",
                "priority", "due_date", "estimated_hours", "assigned_to");
        assertThat(invalid.body().get("errors").get("status").get(0).asString())
                .isEqualTo("Must be one of todo, in_progress, review, done, cancelled");

        long id = createTask(newProject(), "{}");
        Response badUpdate = admin.sendingInvalidInput().patch("/api/v1/tasks/" + id,
                "{\"priority\": \"soon\", \"name\": \"\"}");
        assertThat(badUpdate.status()).isEqualTo(400);
        assertThat(badUpdate.body().get("errors").propertyNames()).containsExactlyInAnyOrder("priority", "name");
    }

    @Test
    void tasksNeedAnActiveProjectAndAnActiveAssignee() {
        long archived = newProject();
        assertThat(admin.delete("/api/v1/projects/" + archived).status()).isEqualTo(200);

        Response onArchived = admin.post("/api/v1/tasks", "{\"name\": \"x\", \"project_id\": %d}".formatted(archived));
        assertThat(onArchived.status()).isEqualTo(400);
        assertThat(onArchived.body().get("errors").propertyNames()).containsExactly("project_id");

        Response onUnknown = admin.post("/api/v1/tasks", "{\"name\": \"x\", \"project_id\": 999999999}");
        assertThat(onUnknown.status()).isEqualTo(400);
        assertThat(onUnknown.body().get("errors").propertyNames()).containsExactly("project_id");

        long id = createTask(newProject(), "{}");
        Response movedToArchived = admin.patch("/api/v1/tasks/" + id, "{\"project_id\": %d}".formatted(archived));
        assertThat(movedToArchived.status()).isEqualTo(400);
        assertThat(movedToArchived.body().get("errors").propertyNames()).containsExactly("project_id");

        long inactive = createUser("user");
        assertThat(admin.patch("/api/v1/users/" + inactive, "{\"is_active\": false}").status()).isEqualTo(200);
        Response toInactive = admin.patch("/api/v1/tasks/" + id, "{\"assignee_id\": %d}".formatted(inactive));
        assertThat(toInactive.status()).isEqualTo(400);
        assertThat(toInactive.body().get("errors").propertyNames()).containsExactly("assigned_to");
    }

    @Test
    void unknownTaskIs404() {
        Response missing = admin.get("/api/v1/tasks/999999999");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("error_code").asString()).isEqualTo("not_found");
        assertThat(admin.delete("/api/v1/tasks/999999999").status()).isEqualTo(404);
    }

    @Test
    void writeScopeWithoutReadScopeCannotReadAndReadScopeCannotWrite() {
        long projectId = newProject();
        ApiClient writer = newCaller("user", "write:tasks");

        Response created = writer.post("/api/v1/tasks", "{\"name\": \"w\", \"project_id\": %d}".formatted(projectId));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("task").get("id").asLong();

        Response listed = writer.get("/api/v1/tasks");
        assertThat(listed.status()).isEqualTo(403);
        assertThat(listed.body().get("error").asString()).isEqualTo("Insufficient permissions");
        assertThat(listed.body().get("required_scope").asString()).isEqualTo("read:tasks");
        assertThat(writer.get("/api/v1/tasks/" + id).status()).isEqualTo(403);

        ApiClient reader = newCaller("user", "read:tasks");
        assertThat(reader.get("/api/v1/tasks/" + id).status()).isEqualTo(200);
        for (Response refused : List.of(
                reader.post("/api/v1/tasks", "{\"name\": \"r\", \"project_id\": %d}".formatted(projectId)),
                reader.put("/api/v1/tasks/" + id, "{\"name\": \"r\"}"),
                reader.patch("/api/v1/tasks/" + id, "{\"name\": \"r\"}"),
                reader.delete("/api/v1/tasks/" + id))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body().get("required_scope").asString()).isEqualTo("write:tasks");
        }
        assertThat(admin.as(null).sendingInvalidInput().get("/api/v1/tasks").status()).isEqualTo(401);
    }

    @Test
    void timeBookedOnATaskShowsInItsTotalAndTheEntryNamesTheTask() {
        long projectId = newProject();
        long taskId = createTask(projectId, "{}");
        String taskName = admin.get("/api/v1/tasks/" + taskId).body().get("task").get("name").asString();

        Response entry = admin.post("/api/v1/time-entries", """
                {"project_id": %d, "task_id": %d, "start_time": "2016-02-01T09:00:00Z",
                 "end_time": "2016-02-01T10:30:00Z"}""".formatted(projectId, taskId));

        assertThat(entry.status()).as(entry.raw()).isEqualTo(201);
        assertThat(entry.body().get("time_entry").get("task").asString()).isEqualTo(taskName);
        assertThat(admin.get("/api/v1/tasks/" + taskId).body().get("task").get("total_hours").asDouble())
                .isEqualTo(1.5);
        admin.delete("/api/v1/time-entries/" + entry.body().get("time_entry").get("id").asLong());
        assertThat(admin.get("/api/v1/tasks/" + taskId).body().get("task").get("total_hours").asDouble())
                .isZero();
    }

    @Test
    void infoAdvertisesTasks() {
        JsonNode info = admin.as(null).get("/api/v1/info").body();

        assertThat(strings(info.get("enabled_modules"))).contains("tasks");
        assertThat(info.get("endpoints").get("tasks").asString()).isEqualTo("/api/v1/tasks");
    }

    private long newProject() {
        return createProject(unique("Tasks project"), createClient(unique("Tasks client")));
    }

    /** Creates a task in {@code projectId} with the extra fields of {@code json} (an object) and returns its id. */
    private long createTask(long projectId, String json) {
        String body = json.replaceFirst("\\{", "{\"name\": \"%s\", \"project_id\": %d%s"
                .formatted(unique("Task"), projectId, json.equals("{}") ? "" : ","));
        Response created = admin.post("/api/v1/tasks", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("task").get("id").asLong();
    }

    private long adminId() {
        return admin.get("/api/v1/users/me").body().get("user").get("id").asLong();
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body().get("tasks").valueStream().map(task -> task.get("id").asLong()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
