package io.timetracker.api.approval;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.SecondApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract §6: an approver never approves a version they did not see, also when the edit and the approval race,
 * on one node or across two nodes on one database. Each round submits an entry, then edits it and approves it at
 * the same moment; exactly one of the two wins, and an approved entry always reads as it was submitted.
 */
class ApprovalRaceTest extends ApprovalTestSupport {

    private static final int ROUNDS = 20;

    private static SecondApplication secondNode;

    @BeforeAll
    static void startSecondNode(@Autowired DataSource dataSource) {
        secondNode = SecondApplication.startOnSameDatabase(dataSource,
                "timetracker.rate-limit.per-minute=100000", "timetracker.rate-limit.per-hour=1000000");
        secondNode.started();
    }

    @AfterAll
    static void stopSecondNode() {
        secondNode.close();
    }

    @Test
    void anEditAndAnApprovalRacingNeverLeaveAnApprovedEntryThatDiffersFromWhatWasSubmitted() throws Exception {
        Person owner = person("user");
        Person boss = person("manager");
        long projectId = projectManagedBy(boss.id());
        for (int round = 0; round < ROUNDS; round++) {
            String submitted = "submitted " + round;
            long entryId = entryOf(owner, projectId, submitted);
            long approvalId = requested(owner, entryId, "{}").get("id").asLong();
            ApiClient editor = round % 2 == 0 ? owner.api() : owner.api().on(secondNode.port());
            ApiClient approver = round % 4 < 2 ? boss.api() : boss.api().on(secondNode.port());
            List<Callable<Response>> racing = List.of(
                    () -> editor.patch("/api/v1/time-entries/" + entryId, "{\"notes\": \"edited\"}"),
                    () -> approver.post("/api/v1/time-entry-approvals/" + approvalId + "/approve", "{}"));

            List<Response> answers = inParallel(racing);

            Response edit = answers.get(0);
            Response approval = answers.get(1);
            JsonNode entry = entry(owner.api(), entryId);
            JsonNode request = owner.api().get("/api/v1/time-entry-approvals/" + approvalId).body().get("approval");
            if (approval.status() == 200) {
                assertThat(edit.status()).as(edit.raw()).isEqualTo(409);
                assertThat(edit.body().get("error_code").asString()).isIn("entry_locked", "conflict");
                assertThat(entry.get("notes").asString()).isEqualTo(submitted);
                assertThat(entry.get("approval_status").asString()).isEqualTo("approved");
                assertThat(request.get("status").asString()).isEqualTo("approved");
            } else {
                assertThat(approval.status()).as(approval.raw()).isEqualTo(409);
                assertThat(edit.status()).as(edit.raw()).isEqualTo(200);
                assertThat(entry.get("notes").asString()).isEqualTo("edited");
                assertThat(entry.get("approval_status").asString()).isEqualTo("none");
                assertThat(request.get("status").asString()).isEqualTo("cancelled");
                assertThat(request.get("cancellation_reason").asString()).isEqualTo("entry_changed");
            }
            assertNoChangeBetweenSubmissionAndApproval(owner.api(), entryId);
        }
    }

    @Test
    void ofTwoApproversRacingOnOneLevelExactlyOneApproves() throws Exception {
        Person owner = person("user");
        Person first = person("admin");
        Person second = person("admin");
        long projectId = projectManagedBy(null);
        for (int round = 0; round < ROUNDS / 2; round++) {
            long entryId = entryOf(owner, projectId, "shared " + round);
            long approvalId = requested(owner, entryId, "{}").get("id").asLong();
            String path = "/api/v1/time-entry-approvals/" + approvalId + "/approve";
            List<Callable<Response>> racing = List.of(() -> first.api().post(path, "{}"),
                    () -> second.api().on(secondNode.port()).post(path, "{}"));

            List<Response> answers = inParallel(racing);

            assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
            assertThat(answers).filteredOn(answer -> answer.status() == 409).hasSize(1);
            JsonNode history = owner.api().get("/api/v1/time-entries/" + entryId + "/history").body().get("history");
            assertThat(ApprovalApiTest.trail(history)).containsOnlyOnce("approval approved");
        }
    }

    /** In the entry's own trail, nothing changed its content between its request and the approval of it. */
    private static void assertNoChangeBetweenSubmissionAndApproval(ApiClient reader, long entryId) {
        List<String> actions = ApprovalApiTest.trail(reader.get("/api/v1/time-entries/" + entryId + "/history").body()
                .get("history"));
        int approved = actions.indexOf("approval approved");
        if (approved >= 0) {
            assertThat(actions.subList(actions.lastIndexOf("approval requested"), approved))
                    .as(actions.toString()).doesNotContain("time_entry updated", "time_entry deleted");
        }
    }
}
