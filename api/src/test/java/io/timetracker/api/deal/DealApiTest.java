package io.timetracker.api.deal;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DealApiTest extends EndToEndTest {

    @Test
    void aNewDealIsOpenInTheFirstStageOwnedByItsCreatorAndIgnoresWhatTheContractDoesNotRead() {
        long ownerId = createUser("user");
        ApiClient owner = admin.as(tokenFor(ownerId, "read:deals,write:deals"));

        Response created = owner.sendingInvalidInput().post("/api/v1/deals", """
                {"name": "Website", "value": "1000.50", "amount": 99, "status": "won"}""");

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("message").asString()).isEqualTo("Deal created successfully");
        assertThat(created.header("X-Ignored-Fields")).isEqualTo("amount,status");
        JsonNode deal = created.body().get("deal");
        assertThat(created.header("Location")).isEqualTo("/api/v1/deals/" + deal.get("id").asLong());
        assertThat(deal.get("status").asString()).isEqualTo("open");
        assertThat(deal.get("stage").asString()).isEqualTo("prospecting");
        assertThat(deal.get("currency_code").asString()).isEqualTo("EUR");
        assertThat(deal.get("probability").asInt()).isEqualTo(50);
        assertThat(deal.get("value").asDouble()).isEqualTo(1000.5);
        assertThat(deal.get("weighted_value").asDouble()).isEqualTo(500.25);
        assertThat(deal.get("owner_id").asLong()).isEqualTo(ownerId);
        assertThat(deal.get("created_by").asLong()).isEqualTo(ownerId);
        assertThat(deal.get("closed_at").isNull()).isTrue();
    }

    @Test
    void closingStagesSetTheStatusAndTheClosedDate() {
        long id = create(admin, "{\"name\": \"Closing\", \"value\": 200, \"probability\": 25}");

        JsonNode won = updated(admin.patch(path(id), "{\"stage\": \"closed_won\"}"));
        JsonNode stillWon = updated(admin.patch(path(id), "{\"notes\": \"signed\"}"));
        JsonNode reopened = updated(admin.patch(path(id), "{\"stage\": \"negotiation\"}"));
        JsonNode lost = updated(admin.put(path(id), "{\"stage\": \"closed_lost\"}"));
        JsonNode cancelled = updated(admin.patch(path(id), "{\"stage\": \"proposal\", \"status\": \"cancelled\"}"));
        Response wonByStatus = admin.patch(path(id), "{\"status\": \"won\"}");

        assertThat(won.get("status").asString()).isEqualTo("won");
        assertThat(won.get("closed_at").isNull()).isFalse();
        assertThat(won.get("weighted_value").asDouble()).isEqualTo(50.0);
        assertThat(stillWon.get("closed_at").asString()).isEqualTo(won.get("closed_at").asString());
        assertThat(reopened.get("status").asString()).isEqualTo("open");
        assertThat(reopened.get("closed_at").isNull()).isTrue();
        assertThat(lost.get("status").asString()).isEqualTo("lost");
        assertThat(lost.get("closed_at").isNull()).isFalse();
        assertThat(cancelled.get("status").asString()).isEqualTo("cancelled");
        assertThat(wonByStatus.status()).isEqualTo(400);
        assertThat(wonByStatus.body().get("errors").has("status")).isTrue();
    }

    @Test
    void theListShowsOpenDealsByDefaultAndFiltersByStatusStageAndOwner() {
        long ownerId = createUser("user");
        ApiClient owner = admin.as(tokenFor(ownerId, "read:deals,write:deals"));
        long open = create(owner, "{\"name\": \"Open\", \"stage\": \"proposal\"}");
        long won = create(owner, "{\"name\": \"Won\", \"stage\": \"closed_won\"}");
        long other = create(admin, "{\"name\": \"Admin's\", \"stage\": \"proposal\"}");

        assertThat(ids(owner.get("/api/v1/deals"))).containsExactly(open);
        assertThat(ids(owner.get("/api/v1/deals?status=won"))).containsExactly(won);
        assertThat(ids(owner.get("/api/v1/deals?status=all"))).containsExactly(won, open);
        assertThat(ids(admin.get("/api/v1/deals?status=all&owner=" + ownerId))).containsExactly(won, open);
        assertThat(ids(admin.get("/api/v1/deals?stage=proposal&per_page=100"))).contains(open, other);
        assertThat(ids(admin.get("/api/v1/deals?stage=proposal&owner=" + ownerId))).containsExactly(open);
        assertThat(admin.sendingInvalidInput().get("/api/v1/deals?status=maybe").status()).isEqualTo(400);
        assertThat(admin.sendingInvalidInput().get("/api/v1/deals?stage=nowhere").status()).isEqualTo(400);
    }

    @Test
    void anotherUsersDealIsNotFoundAndCannotBeListedOrChanged() {
        long ownerId = createUser("user");
        ApiClient owner = admin.as(tokenFor(ownerId, "read:deals,write:deals"));
        ApiClient intruder = newCaller("manager", "read:deals,write:deals");
        long id = create(owner, "{\"name\": \"Secret deal\"}");

        assertThat(intruder.get(path(id)).status()).isEqualTo(404);
        assertThat(intruder.patch(path(id), "{\"name\": \"Mine\"}").status()).isEqualTo(404);
        assertThat(intruder.delete(path(id)).status()).isEqualTo(404);
        assertThat(intruder.get("/api/v1/deals?status=all").raw()).doesNotContain("Secret deal");
        assertThat(intruder.get("/api/v1/deals?owner=" + ownerId).status()).isEqualTo(403);
        Response givenAway = intruder.post("/api/v1/deals",
                "{\"name\": \"Gift\", \"owner_id\": %d}".formatted(ownerId));
        assertThat(givenAway.status()).isEqualTo(403);
        assertThat(owner.get(path(id)).body().get("deal").get("name").asString()).isEqualTo("Secret deal");
        assertThat(admin.get(path(id)).status()).isEqualTo(200);
        assertThat(admin.patch(path(id), "{\"owner_id\": %d}".formatted(createUser("user"))).status()).isEqualTo(200);
        assertThat(owner.get(path(id)).status()).isEqualTo(404);
    }

    @Test
    void whatADealRefersToMustExistAndAContactMustBelongToItsClient() {
        long client = createClient(unique("Deal client"));
        long otherClient = createClient(unique("Deal other"));
        long contact = contactOf(client);
        long foreignContact = contactOf(otherClient);
        long lead = admin.post("/api/v1/leads", "{\"first_name\": \"Le\", \"last_name\": \"Ad\"}")
                .body().get("lead").get("id").asLong();

        Response linked = admin.sendingInvalidInput().post("/api/v1/deals", """
                {"name": "Linked", "client_id": "%d", "contact_id": %d, "lead_id": %d}"""
                .formatted(client, contact, lead));

        assertThat(linked.status()).as(linked.raw()).isEqualTo(201);
        assertThat(linked.body().get("deal").get("contact_id").asLong()).isEqualTo(contact);
        assertRefused(admin.post("/api/v1/deals", "{\"name\": \"X\", \"client_id\": 987654321}"), "client_id");
        assertRefused(admin.post("/api/v1/deals", "{\"name\": \"X\", \"client_id\": %d, \"contact_id\": %d}"
                .formatted(client, foreignContact)), "contact_id");
        assertRefused(admin.post("/api/v1/deals", "{\"name\": \"X\", \"contact_id\": 987654321}"), "contact_id");
        assertRefused(admin.post("/api/v1/deals", "{\"name\": \"X\", \"lead_id\": 987654321}"), "lead_id");
        assertRefused(admin.post("/api/v1/deals", "{\"name\": \"X\", \"owner_id\": 987654321}"), "owner_id");
        long id = linked.body().get("deal").get("id").asLong();
        assertRefused(admin.patch(path(id), "{\"client_id\": %d}".formatted(otherClient)), "contact_id");
    }

    @Test
    void badInputIsAValidationErrorAndDeletedDealsAreGone() {
        ApiClient invalid = admin.sendingInvalidInput();
        assertRefused(invalid.post("/api/v1/deals", "{\"value\": 5}"), "name");
        assertRefused(invalid.post("/api/v1/deals", "{\"name\": \"X\", \"probability\": 101}"), "probability");
        assertRefused(invalid.post("/api/v1/deals", "{\"name\": \"X\", \"stage\": \"dreaming\"}"), "stage");
        assertRefused(invalid.post("/api/v1/deals", "{\"name\": \"X\", \"currency_code\": \"E1\"}"), "currency_code");
        assertRefused(invalid.post("/api/v1/deals", "{\"name\": \"X\", \"value\": -3}"), "value");
        long id = create(admin, "{\"name\": \"Doomed\"}");

        Response deleted = admin.delete(path(id));

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("message").asString()).isEqualTo("Deal deleted successfully");
        assertThat(admin.get(path(id)).status()).isEqualTo(404);
        assertThat(admin.delete(path(id)).status()).isEqualTo(404);
    }

    private long contactOf(long client) {
        return admin.post("/api/v1/clients/" + client + "/contacts", "{\"name\": \"Con Tact\"}")
                .body().get("contact").get("id").asLong();
    }

    private static long create(ApiClient caller, String body) {
        Response created = caller.post("/api/v1/deals", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("deal").get("id").asLong();
    }

    private static JsonNode updated(Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body().get("deal");
    }

    private static java.util.List<Long> ids(Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body().get("deals").valueStream().map(deal -> deal.get("id").asLong()).toList();
    }

    private static void assertRefused(Response refused, String field) {
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(refused.body().get("errors").has(field)).as(refused.raw()).isTrue();
    }

    private static String path(long id) {
        return "/api/v1/deals/" + id;
    }
}
