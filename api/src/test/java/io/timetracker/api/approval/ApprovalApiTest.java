package io.timetracker.api.approval;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Contract §6 over HTTP on a real PostgreSQL: every route, every rule, and who may see and do what. */
class ApprovalApiTest extends ApprovalTestSupport {

    @Test
    void theOwnerSubmitsTheVersionTheySawAndTheProjectsManagerApprovesAndLocksIt() {
        Person ann = person("user");
        Person boss = person("manager");
        long entryId = entryOf(ann, projectManagedBy(boss.id()), "design review");
        String etag = ann.api().get("/api/v1/time-entries/" + entryId).header("ETag");

        Response requested = ann.api().withHeader("If-Match", etag)
                .post("/api/v1/time-entries/" + entryId + "/request-approval", "{\"comment\": \"for March\"}");

        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        assertThat(requested.body().get("message").asString()).isEqualTo("Approval requested");
        JsonNode approval = requested.body().get("approval");
        long approvalId = approval.get("id").asLong();
        assertThat(requested.header("Location")).isEqualTo("/api/v1/time-entry-approvals/" + approvalId);
        assertThat(approval.get("time_entry_id").asLong()).isEqualTo(entryId);
        assertThat(approval.get("status").asString()).isEqualTo("pending");
        assertThat(approval.get("requested_by").asLong()).isEqualTo(ann.id());
        assertThat(approval.get("requested_at").asString()).matches(".*T.*(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(approval.get("request_comment").asString()).isEqualTo("for March");
        assertThat(approval.get("approval_level").asInt()).isEqualTo(1);
        assertThat(approval.get("parent_approval_id").isNull()).isTrue();
        assertThat(approval.get("approver_ids").valueStream().map(JsonNode::asLong)).containsExactly(boss.id());
        assertThat('"' + approval.get("entry_version").asString() + '"').isEqualTo(etag);
        for (String field : List.of("approved_by", "approved_at", "approval_comment", "rejected_at",
                "rejection_reason")) {
            assertThat(approval.get(field).isNull()).as(field).isTrue();
        }
        assertThat(entry(ann.api(), entryId).get("approval_status").asString()).isEqualTo("pending");
        assertThat(entry(ann.api(), entryId).get("is_locked").asBoolean()).isFalse();

        Response approved = boss.api().post("/api/v1/time-entry-approvals/" + approvalId + "/approve",
                "{\"comment\": \"looks right\"}");

        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        JsonNode decided = approved.body().get("approval");
        assertThat(decided.get("status").asString()).isEqualTo("approved");
        assertThat(decided.get("approved_by").asLong()).isEqualTo(boss.id());
        assertThat(decided.get("approved_at").isString()).isTrue();
        assertThat(decided.get("approval_comment").asString()).isEqualTo("looks right");
        JsonNode locked = entry(ann.api(), entryId);
        assertThat(locked.get("approval_status").asString()).isEqualTo("approved");
        assertThat(locked.get("is_locked").asBoolean()).isTrue();
        assertThat(locked.get("notes").asString()).isEqualTo("design review");
    }

    @Test
    void anApprovedEntryIsLockedUntilAnAdminAmendsItWithAReasonAndBothVersionsStayInItsHistory() {
        Person cleo = person("user");
        Person boss = person("manager");
        long entryId = entryOf(cleo, projectManagedBy(boss.id()), "approved text");
        long approvalId = requested(cleo, entryId, "{}").get("id").asLong();
        assertThat(boss.api().post("/api/v1/time-entry-approvals/" + approvalId + "/approve", "{}").status())
                .isEqualTo(200);

        assertError(cleo.api().patch("/api/v1/time-entries/" + entryId, "{\"notes\": \"sneaky\"}"), 409,
                "entry_locked");
        assertError(cleo.api().put("/api/v1/time-entries/" + entryId, "{\"notes\": \"sneaky\", \"reason\": \"x\"}"),
                409, "entry_locked");
        assertError(cleo.api().send("DELETE", "/api/v1/time-entries/" + entryId, "{\"reason\": \"gone\"}"), 409,
                "entry_locked");
        Response bulk = cleo.api().post("/api/v1/time-entries/bulk",
                "{\"entry_ids\": [%d], \"action\": \"add_tag\", \"value\": \"x\"}".formatted(entryId));
        assertThat(bulk.body().get("affected").asInt()).isZero();
        assertThat(bulk.body().get("results").get(0).get("error_code").asString()).isEqualTo("entry_locked");
        assertError(admin.patch("/api/v1/time-entries/" + entryId, "{\"notes\": \"no reason\"}"), 409, "entry_locked");
        assertError(cleo.api().post("/api/v1/time-entries/" + entryId + "/request-approval", "{}"), 409, "conflict");
        assertThat(entry(cleo.api(), entryId).get("notes").asString()).isEqualTo("approved text");

        Response amended = admin.patch("/api/v1/time-entries/" + entryId,
                "{\"notes\": \"amended text\", \"reason\": \"client disputed the notes\"}");

        assertThat(amended.status()).as(amended.raw()).isEqualTo(200);
        assertThat(amended.body().get("time_entry").get("approval_status").asString()).isEqualTo("none");
        assertThat(amended.body().get("time_entry").get("is_locked").asBoolean()).isFalse();
        JsonNode history = cleo.api().get("/api/v1/time-entries/" + entryId + "/history").body().get("history");
        assertThat(trail(history)).containsExactly("time_entry created", "approval requested", "approval approved",
                "approval revoked", "time_entry updated");
        assertThat(history.get(2).get("changes").get("status").get("to").asString()).isEqualTo("approved");
        assertThat(history.get(2).get("changes").get("entry_approved").get("to").asBoolean()).isTrue();
        assertThat(history.get(2).get("actor").get("id").asLong()).isEqualTo(boss.id());
        assertThat(history.get(3).get("reason").asString()).isEqualTo("client disputed the notes");
        assertThat(history.get(4).get("changes").get("notes").get("from").asString()).isEqualTo("approved text");
        assertThat(history.get(4).get("changes").get("notes").get("to").asString()).isEqualTo("amended text");
        JsonNode onRecord = cleo.api().get("/api/v1/time-entries/" + entryId + "/approvals").body()
                .get("approvals").get(0);
        assertThat(onRecord.get("status").asString()).isEqualTo("approved");
        assertThat(onRecord.get("revoked_by").asLong()).isEqualTo(admin.get("/api/v1/users/me").body().get("user")
                .get("id").asLong());
        assertThat(onRecord.get("revocation_reason").asString()).isEqualTo("client disputed the notes");

        assertThat(cleo.api().patch("/api/v1/time-entries/" + entryId, "{\"notes\": \"mine again\"}").status())
                .isEqualTo(200);
        assertThat(requested(cleo, entryId, "{}").get("entry_version").asLong()).isPositive();
    }

    @Test
    void editingAPendingEntryCancelsItsRequestSoTheOldVersionCanNoLongerBeApproved() {
        Person dan = person("user");
        Person boss = person("manager");
        long entryId = entryOf(dan, projectManagedBy(boss.id()), "first");
        long approvalId = requested(dan, entryId, "{}").get("id").asLong();

        assertThat(dan.api().patch("/api/v1/time-entries/" + entryId, "{\"notes\": \"second\"}").status())
                .isEqualTo(200);

        JsonNode cancelled = dan.api().get("/api/v1/time-entry-approvals/" + approvalId).body().get("approval");
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.get("cancellation_reason").asString()).isEqualTo("entry_changed");
        assertThat(entry(dan.api(), entryId).get("approval_status").asString()).isEqualTo("none");
        assertError(boss.api().post("/api/v1/time-entry-approvals/" + approvalId + "/approve", "{}"), 409,
                "conflict");
        assertThat(entry(dan.api(), entryId).get("approval_status").asString()).isEqualTo("none");
        JsonNode history = dan.api().get("/api/v1/time-entries/" + entryId + "/history").body().get("history");
        assertThat(trail(history)).containsExactly("time_entry created", "approval requested", "approval cancelled",
                "time_entry updated");
        assertThat(history.get(2).get("changes").get("cause").get("to").asString()).isEqualTo("entry_changed");
    }

    @Test
    void onePendingRequestAtATimeAndNoneForARunningTimer() {
        Person eve = person("user");
        Person boss = person("manager");
        long projectId = projectManagedBy(boss.id());
        long entryId = entryOf(eve, projectId, "work");
        requested(eve, entryId, "{}");

        assertError(eve.api().post("/api/v1/time-entries/" + entryId + "/request-approval", "{}"), 409, "conflict");

        Response timer = eve.api().post("/api/v1/timer/start", "{\"project_id\": %d}".formatted(projectId));
        long timerId = timer.body().get("timer").get("id").asLong();
        assertError(eve.api().post("/api/v1/time-entries/" + timerId + "/request-approval", "{}"), 400,
                "invalid_state");
        eve.api().post("/api/v1/timer/stop", null);
        assertError(eve.api().withHeader("If-Match", "\"0\"")
                .post("/api/v1/time-entries/" + timerId + "/request-approval", "{}"), 409, "conflict");
    }

    @Test
    void namedApproversAreActiveAdminsOrManagersOtherThanTheRequester() {
        Person fay = person("user");
        long entryId = entryOf(fay, projectManagedBy(null), "work");
        long inactiveManager = createUser("manager");
        admin.patch("/api/v1/users/" + inactiveManager, "{\"is_active\": false}");
        for (String approvers : List.of("[" + createUser("user") + "]", "[" + inactiveManager + "]",
                "[" + fay.id() + "]", "[987654321]", "[\"x\"]", "\"1,2\"")) {
            Response refused = fay.api().sendingInvalidInput().post("/api/v1/time-entries/" + entryId
                    + "/request-approval", "{\"approver_ids\": " + approvers + "}");
            assertError(refused, 400, "validation_error");
            assertThat(refused.body().get("errors").has("approver_ids")).as(refused.raw()).isTrue();
        }
        assertThat(entry(fay.api(), entryId).get("approval_status").asString()).isEqualTo("none");
    }

    @Test
    void withoutApproversOrAManagerEveryAdminButTheRequesterDecides() {
        Person gus = person("user");
        long entryId = entryOf(gus, projectManagedBy(null), "work");

        JsonNode approval = requested(gus, entryId, "{}");

        List<Long> approvers = approval.get("approver_ids").valueStream().map(JsonNode::asLong).toList();
        long adminId = admin.get("/api/v1/users/me").body().get("user").get("id").asLong();
        assertThat(approvers).contains(adminId).doesNotContain(gus.id());
        assertThat(admin.post("/api/v1/time-entry-approvals/" + approval.get("id").asLong() + "/approve", "{}")
                .status()).isEqualTo(200);
    }

    @Test
    void aChainIsDecidedLevelByLevelInTheOrderTheApproversWereNamed() {
        Person hal = person("user");
        Person first = person("manager");
        Person second = person("manager");
        long entryId = entryOf(hal, projectManagedBy(null), "work");
        // an id as a digit string is read like the number (liberal reading)
        long levelOne = requested(new Person(hal.id(), hal.api().sendingInvalidInput()), entryId,
                "{\"approver_ids\": [%d, \"%d\"], \"comment\": \"both please\"}".formatted(first.id(), second.id()))
                .get("id").asLong();

        // Level 2 has nothing to act on before level 1 has approved: its request does not exist yet.
        assertError(second.api().post("/api/v1/time-entry-approvals/" + levelOne + "/approve", "{}"), 404,
                "not_found");
        assertThat(second.api().get("/api/v1/time-entry-approvals").body().get("approvals").valueStream()
                .map(row -> row.get("id").asLong())).doesNotContain(levelOne);

        Response firstApproval = first.api().post("/api/v1/time-entry-approvals/" + levelOne + "/approve",
                "{\"comment\": \"ok from me\"}");
        JsonNode afterFirst = firstApproval.body().get("approval");

        assertThat(afterFirst.get("status").asString()).isEqualTo("approved");
        assertThat(entry(hal.api(), entryId).get("approval_status").asString()).isEqualTo("pending");
        JsonNode levelTwo = second.api().get("/api/v1/time-entry-approvals").body().get("approvals").valueStream()
                .filter(row -> row.get("time_entry_id").asLong() == entryId).findFirst().orElseThrow();
        assertThat(levelTwo.get("approval_level").asInt()).isEqualTo(2);
        assertThat(levelTwo.get("parent_approval_id").asLong()).isEqualTo(levelOne);
        assertThat(levelTwo.get("requested_by").asLong()).isEqualTo(hal.id());
        assertThat(levelTwo.get("request_comment").asString()).isEqualTo("both please");
        assertThat(levelTwo.get("entry_version").asLong()).isEqualTo(afterFirst.get("entry_version").asLong());

        String levelTwoPath = "/api/v1/time-entry-approvals/" + levelTwo.get("id").asLong();
        assertError(second.api().withHeader("If-Match", firstApproval.header("ETag"))
                .post(levelTwoPath + "/approve", "{}"), 409, "conflict");
        String current = second.api().get(levelTwoPath).header("ETag");
        assertThat(second.api().withHeader("If-Match", current).post(levelTwoPath + "/approve", "{}").status())
                .isEqualTo(200);

        assertThat(entry(hal.api(), entryId).get("is_locked").asBoolean()).isTrue();
        JsonNode chain = hal.api().get("/api/v1/time-entries/" + entryId + "/approvals").body().get("approvals");
        assertThat(chain.valueStream().map(row -> row.get("approval_level").asInt())).containsExactly(1, 2);
        assertThat(chain.get(0).get("approval_comment").asString()).isEqualTo("ok from me");
        assertThat(chain.get(1).get("approved_by").asLong()).isEqualTo(second.id());
    }

    @Test
    void noOneApprovesTheirOwnEntryNotEvenThroughAnAdminToken() {
        Person ida = person("admin");
        String adminToken = tokenFor(ida.id(), "admin:all");
        long entryId = entryOf(ida, projectManagedBy(ida.id()), "my own");

        JsonNode approval = requested(ida, entryId, "{}");

        assertThat(approval.get("approver_ids").valueStream().map(JsonNode::asLong)).doesNotContain(ida.id());
        long approvalId = approval.get("id").asLong();
        for (ApiClient own : List.of(ida.api(), admin.as(adminToken))) {
            assertError(own.post("/api/v1/time-entry-approvals/" + approvalId + "/approve", "{}"), 403, "forbidden");
            assertError(own.post("/api/v1/time-entry-approvals/" + approvalId + "/reject", "{\"reason\": \"meh\"}"),
                    403, "forbidden");
            Response bulk = own.post("/api/v1/time-entry-approvals/bulk-approve",
                    "{\"approval_ids\": [%d]}".formatted(approvalId));
            assertThat(bulk.body().get("results").get(0).get("error_code").asString()).isEqualTo("forbidden");
        }
        assertThat(entry(ida.api(), entryId).get("approval_status").asString()).isEqualTo("pending");
        Person someoneElse = person("admin");
        long submittedByAnAdmin = entryOf(someoneElse, projectManagedBy(null), "theirs");
        long onBehalf = requested(ida, submittedByAnAdmin, "{}").get("id").asLong();
        assertError(ida.api().post("/api/v1/time-entry-approvals/" + onBehalf + "/approve", "{}"), 403, "forbidden");
        assertError(someoneElse.api().post("/api/v1/time-entry-approvals/" + onBehalf + "/approve", "{}"), 403,
                "forbidden");
    }

    @Test
    void aUserNeitherSeesNorActsOnAnotherUsersRequestAndANonApproverManagerCannotApprove() {
        Person jo = person("user");
        Person boss = person("manager");
        Person outsider = person("user");
        Person otherManager = person("manager");
        Person otherAdmin = person("admin");
        long entryId = entryOf(jo, projectManagedBy(boss.id()), "secret-notes");
        long approvalId = requested(jo, entryId, "{\"comment\": \"secret-comment\"}").get("id").asLong();

        for (Person stranger : List.of(outsider, otherManager)) {
            ApiClient api = stranger.api();
            assertError(api.get("/api/v1/time-entry-approvals/" + approvalId), 404, "not_found");
            assertError(api.get("/api/v1/time-entries/" + entryId + "/approvals"), 404, "not_found");
            for (String action : List.of("approve", "cancel")) {
                assertError(api.post("/api/v1/time-entry-approvals/" + approvalId + "/" + action, "{}"), 404,
                        "not_found");
            }
            assertError(api.post("/api/v1/time-entry-approvals/" + approvalId + "/reject", "{\"reason\": \"no\"}"),
                    404, "not_found");
            assertError(api.post("/api/v1/time-entries/" + entryId + "/request-approval", "{}"), 404, "not_found");
            Response bulk = api.post("/api/v1/time-entry-approvals/bulk-approve",
                    "{\"approval_ids\": [%d]}".formatted(approvalId));
            assertThat(bulk.body().get("results").get(0).get("error_code").asString()).isEqualTo("not_found");
            Response list = api.get("/api/v1/time-entry-approvals?status=all&time_entry_id=" + entryId);
            assertThat(list.body().get("approvals").size()).isZero();
            assertThat(list.raw()).doesNotContain("secret");
        }
        assertError(otherAdmin.api().post("/api/v1/time-entry-approvals/" + approvalId + "/approve", "{}"), 403,
                "forbidden");
        assertThat(otherAdmin.api().get("/api/v1/time-entry-approvals/" + approvalId).status()).isEqualTo(200);
        assertError(boss.api().post("/api/v1/time-entry-approvals/" + approvalId + "/cancel", "{}"), 403,
                "forbidden");
        assertThat(boss.api().get("/api/v1/time-entry-approvals/" + approvalId).status()).isEqualTo(200);
        assertThat(jo.api().get("/api/v1/time-entry-approvals/" + approvalId).header("ETag")).isNotNull();
        assertThat(entry(jo.api(), entryId).get("approval_status").asString()).isEqualTo("pending");
    }

    @Test
    void aRejectionNeedsAReasonAlsoAsRejectionReasonAndTheEntryMayBeSubmittedAgain() {
        Person kim = person("user");
        Person boss = person("manager");
        long entryId = entryOf(kim, projectManagedBy(boss.id()), "work");
        long approvalId = requested(kim, entryId, "{}").get("id").asLong();

        Response noReason = boss.api().post("/api/v1/time-entry-approvals/" + approvalId + "/reject", "{}");
        assertError(noReason, 400, "validation_error");
        assertThat(noReason.body().get("errors").has("reason")).isTrue();
        assertError(kim.api().post("/api/v1/time-entry-approvals/" + approvalId + "/reject", "{\"reason\": \"x\"}"),
                403, "forbidden");

        Response rejected = boss.api().post("/api/v1/time-entry-approvals/" + approvalId + "/reject",
                "{\"rejection_reason\": \"wrong project\"}");

        assertThat(rejected.status()).as(rejected.raw()).isEqualTo(200);
        assertThat(rejected.body().get("approval").get("status").asString()).isEqualTo("rejected");
        assertThat(rejected.body().get("approval").get("rejection_reason").asString()).isEqualTo("wrong project");
        assertThat(rejected.body().get("approval").get("rejected_at").isString()).isTrue();
        assertThat(entry(kim.api(), entryId).get("approval_status").asString()).isEqualTo("rejected");
        assertThat(entry(kim.api(), entryId).get("is_locked").asBoolean()).isFalse();
        JsonNode history = kim.api().get("/api/v1/time-entries/" + entryId + "/history").body().get("history");
        assertThat(trail(history).get(2)).isEqualTo("approval rejected");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("wrong project");
        assertError(boss.api().post("/api/v1/time-entry-approvals/" + approvalId + "/approve", "{}"), 409, "conflict");
        assertThat(kim.api().patch("/api/v1/time-entries/" + entryId, "{\"notes\": \"fixed\"}").status())
                .isEqualTo(200);
        assertThat(requested(kim, entryId, "{}").get("status").asString()).isEqualTo("pending");
    }

    @Test
    void theRequesterCancelsWhilePendingOnly() {
        Person lea = person("user");
        Person boss = person("manager");
        long entryId = entryOf(lea, projectManagedBy(boss.id()), "work");
        long approvalId = requested(lea, entryId, "{}").get("id").asLong();

        Response cancelled = lea.api().post("/api/v1/time-entry-approvals/" + approvalId + "/cancel", null);

        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().get("approval").get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.body().get("approval").get("cancellation_reason").asString()).isEqualTo("cancelled");
        assertThat(entry(lea.api(), entryId).get("approval_status").asString()).isEqualTo("none");
        assertError(lea.api().post("/api/v1/time-entry-approvals/" + approvalId + "/cancel", "{}"), 409, "conflict");
        assertError(lea.api().post("/api/v1/time-entry-approvals/987654321/cancel", "{}"), 404, "not_found");
    }

    @Test
    void bulkApproveReportsEachRequestOnItsOwn() {
        Person boss = person("manager");
        long projectId = projectManagedBy(boss.id());
        Person mo = person("user");
        long first = requested(mo, entryOf(mo, projectId, "one"), "{}").get("id").asLong();
        long second = requested(mo, entryOf(mo, projectId, "two"), "{}").get("id").asLong();
        long notBosses = requested(mo, entryOf(mo, projectManagedBy(null), "three"), "{}").get("id").asLong();

        Response bulk = boss.api().sendingInvalidInput().post("/api/v1/time-entry-approvals/bulk-approve",
                "{\"approval_ids\": [%d, \"%d\", %d, 987654321, %d], \"comment\": \"batch\"}"
                        .formatted(first, second, notBosses, first));

        assertThat(bulk.status()).as(bulk.raw()).isEqualTo(200);
        assertThat(bulk.body().get("success").asBoolean()).isTrue();
        assertThat(bulk.body().get("message").asString()).isEqualTo("Approved 2 of 4");
        JsonNode results = bulk.body().get("results");
        assertThat(results.valueStream().map(row -> row.get("approval_id").asLong()))
                .containsExactly(first, second, notBosses, 987654321L);
        assertThat(results.get(0).get("success").asBoolean()).isTrue();
        assertThat(results.get(0).get("approval").get("approval_comment").asString()).isEqualTo("batch");
        assertThat(results.get(1).get("approval").get("status").asString()).isEqualTo("approved");
        assertThat(results.get(2).get("success").asBoolean()).isFalse();
        assertThat(results.get(2).get("error_code").asString()).isEqualTo("not_found");
        assertThat(results.get(2).has("approval")).isFalse();
        assertThat(results.get(3).get("error_code").asString()).isEqualTo("not_found");
        Response missing = boss.api().sendingInvalidInput().post("/api/v1/time-entry-approvals/bulk-approve", "{}");
        assertError(missing, 400, "validation_error");
        assertThat(missing.body().get("errors").has("approval_ids")).isTrue();
    }

    @Test
    void theListShowsWhatConcernsTheCallerPendingFirstNewestFirstFilteredAndPaginated() {
        Person boss = person("manager");
        long projectId = projectManagedBy(boss.id());
        Person ned = person("user");
        Person ola = person("user");
        long nedsFirst = requested(ned, entryOf(ned, projectId, "a"), "{}").get("id").asLong();
        long olasEntry = entryOf(ola, projectId, "b");
        long olas = requested(ola, olasEntry, "{}").get("id").asLong();
        long nedsSecond = requested(ned, entryOf(ned, projectId, "c"), "{}").get("id").asLong();
        boss.api().post("/api/v1/time-entry-approvals/" + nedsSecond + "/approve", "{}");

        assertThat(ids(boss.api(), "")).containsExactly(olas, nedsFirst);
        assertThat(ids(boss.api(), "?status=approved")).containsExactly(nedsSecond);
        assertThat(ids(boss.api(), "?status=all")).containsExactly(nedsSecond, olas, nedsFirst);
        assertThat(ids(boss.api(), "?status=all&requested_by=" + ned.id())).containsExactly(nedsSecond, nedsFirst);
        assertThat(ids(boss.api(), "?time_entry_id=" + olasEntry)).containsExactly(olas);
        assertThat(ids(ned.api(), "?status=all")).containsExactly(nedsSecond, nedsFirst);
        assertThat(ids(ola.api(), "?status=all&requested_by=" + ned.id())).isEmpty();
        assertThat(ids(admin, "?status=all&requested_by=" + ned.id())).containsExactly(nedsSecond, nedsFirst);

        Response page = boss.api().get("/api/v1/time-entry-approvals?status=all&per_page=2&page=2");
        assertThat(page.body().get("approvals").size()).isEqualTo(1);
        JsonNode pagination = page.body().get("pagination");
        assertThat(pagination.get("total").asLong()).isEqualTo(3);
        assertThat(pagination.get("has_prev").asBoolean()).isTrue();
        assertThat(pagination.get("next_page").isNull()).isTrue();
        assertError(boss.api().sendingInvalidInput().get("/api/v1/time-entry-approvals?status=maybe"), 400,
                "validation_error");
        assertError(boss.api().sendingInvalidInput().get("/api/v1/time-entry-approvals?requested_by=x"), 400,
                "validation_error");
        assertThat(admin.get("/api/v1/users/me").body().get("enabled_modules").valueStream()
                .map(JsonNode::asString)).contains("time_approvals");
    }

    @Test
    void theScopesAreTimeApprovals() {
        Person pia = person("user");
        long entryId = entryOf(pia, projectManagedBy(null), "work");
        ApiClient entriesOnly = admin.as(tokenFor(pia.id(), "read:time_entries,write:time_entries"));

        Response refused = entriesOnly.post("/api/v1/time-entries/" + entryId + "/request-approval", "{}");

        assertError(refused, 403, "forbidden");
        assertThat(refused.body().get("required_scope").asString()).isEqualTo("write:time_approvals");
        assertThat(entriesOnly.get("/api/v1/time-entry-approvals").body().get("required_scope").asString())
                .isEqualTo("read:time_approvals");
    }

    private static List<Long> ids(ApiClient caller, String query) {
        Response list = caller.get("/api/v1/time-entry-approvals" + query);
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body().get("approvals").valueStream().map(row -> row.get("id").asLong()).toList();
    }

    /** The entity and action of each row of a history: an entry's trail holds its approvals' rows too. */
    static List<String> trail(JsonNode history) {
        return history.valueStream().map(row -> row.get("entity_type").asString() + " " + row.get("action").asString())
                .toList();
    }
}
