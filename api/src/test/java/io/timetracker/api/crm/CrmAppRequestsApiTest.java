package io.timetracker.api.crm;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests TimeTracker's React desktop app (its CRM view: list, create, get, update, delete of leads, deals and
 * contacts) and its mobile app (the CRM hub and the client detail page) send, in the shapes the contract's liberal
 * reading rules describe: a JSON content type on GETs and DELETEs, ids as digit strings, fields the contract does not
 * read (the desktop's {@code amount} and {@code status} on a deal), PUT as well as PATCH, bodyless POSTs, the
 * mobile's single {@code name} of a contact. Each is sent as a non-admin user of the apps and must be accepted.
 */
class CrmAppRequestsApiTest extends EndToEndTest {

    private static final String CRM_SCOPES = "read:users,read:projects,read:clients,write:clients,read:contacts,"
            + "write:contacts,read:deals,write:deals,read:leads,write:leads";

    /**
     * The app as it sends every request: with {@code Content-Type: application/json}, GETs and DELETEs too, and in
     * shapes the OpenAPI document does not describe (it gives the canonical ones), so its requests are not checked
     * against the document; the answers still are.
     */
    private ApiClient app;
    private long clientId;

    @BeforeEach
    void signIn() {
        app = newCaller("user", CRM_SCOPES).withHeader("Content-Type", "application/json").sendingInvalidInput();
        clientId = createClient(unique("CRM app client"));
    }

    @Test
    void desktopListsLeadsDealsAndContactsWithItsFilters() {
        for (String path : List.of("/api/v1/leads", "/api/v1/leads?status=all&source=web&search=ann&page=1&per_page=25",
                "/api/v1/deals", "/api/v1/deals?status=all&stage=proposal&page=1&per_page=25",
                "/api/v1/clients/%d/contacts?page=1&per_page=25".formatted(clientId))) {
            Response list = app.get(path);
            assertThat(list.status()).as(path + " " + list.raw()).isEqualTo(200);
            assertThat(list.body().get("pagination").get("page").asInt()).isEqualTo(1);
        }
    }

    @Test
    void desktopCreatesALeadFromEveryFieldOfItsFormAndReadsItsNameFields() {
        Response created = app.post("/api/v1/leads", """
                {"first_name": "Ann", "last_name": "Lee", "company_name": "Lee Ltd", "email": "ann@lee.test",
                 "phone": "+1 5", "title": "CEO", "source": "web", "status": "new", "score": "40",
                 "estimated_value": "1500.00", "currency_code": "EUR", "notes": "met at a fair", "tags": "fair,eu"}""");

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        Response read = app.get("/api/v1/leads/" + created.body().get("lead").get("id").asLong());
        assertThat(read.status()).isEqualTo(200);
        JsonNode lead = read.body().get("lead");
        assertThat(List.of(lead.get("full_name").asString(), lead.get("name").asString(),
                lead.get("display_name").asString(), lead.get("company").asString()))
                .containsExactly("Ann Lee", "Ann Lee", "Ann Lee (Lee Ltd)", "Lee Ltd");
        assertThat(lead.get("score").asInt()).isEqualTo(40);
    }

    @Test
    void desktopCreatesADealWithItsAmountAndStatusAndDigitStringIds() {
        long contact = app.post("/api/v1/clients/%d/contacts".formatted(clientId),
                "{\"first_name\": \"Bo\", \"last_name\": \"Day\"}").body().get("contact").get("id").asLong();

        Response created = app.post("/api/v1/deals", """
                {"name": "Website", "client_id": "%d", "contact_id": "%d", "value": 1200, "amount": 1200,
                 "status": "open", "stage": "proposal", "probability": "70", "currency_code": "EUR",
                 "expected_close_date": "2025-03-31", "description": "relaunch", "notes": "call Friday"}"""
                .formatted(clientId, contact));

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.header("X-Ignored-Fields")).isEqualTo("amount,status");
        JsonNode deal = app.get("/api/v1/deals/" + created.body().get("deal").get("id").asLong()).body().get("deal");
        assertThat(deal.get("client_id").asLong()).isEqualTo(clientId);
        assertThat(deal.get("contact_id").asLong()).isEqualTo(contact);
        assertThat(deal.get("weighted_value").asDouble()).isEqualTo(840.0);
        assertThat(deal.get("expected_close_date").asString()).isEqualTo("2025-03-31");
    }

    @Test
    void desktopUpdatesLeadsDealsAndContactsWithPutAndPatch() {
        long lead = app.post("/api/v1/leads", "{\"first_name\": \"Cy\", \"last_name\": \"Ray\"}").body().get("lead")
                .get("id").asLong();
        long deal = app.post("/api/v1/deals", "{\"name\": \"Hosting\"}").body().get("deal").get("id").asLong();
        long contact = app.post("/api/v1/clients/%d/contacts".formatted(clientId),
                "{\"first_name\": \"Di\", \"last_name\": \"Fox\"}").body().get("contact").get("id").asLong();

        for (String method : List.of("PUT", "PATCH")) {
            assertAccepted(app.send(method, "/api/v1/leads/" + lead, "{\"status\": \"qualified\", \"score\": 70}"));
            assertAccepted(app.send(method, "/api/v1/deals/" + deal, "{\"stage\": \"negotiation\", \"value\": \"99\"}"));
            assertAccepted(app.send(method, "/api/v1/contacts/" + contact, "{\"title\": \"CTO\", \"is_primary\": true}"));
        }
        assertAccepted(app.put("/api/v1/deals/" + deal, "{\"stage\": \"closed_won\"}"));
        assertThat(app.get("/api/v1/deals/" + deal).body().get("deal").get("status").asString()).isEqualTo("won");
    }

    @Test
    void desktopDeletesLeadsDealsAndContactsWithoutABody() {
        long lead = app.post("/api/v1/leads", "{\"first_name\": \"Ed\", \"last_name\": \"Hay\"}").body().get("lead")
                .get("id").asLong();
        long deal = app.post("/api/v1/deals", "{\"name\": \"Gone\"}").body().get("deal").get("id").asLong();
        long contact = app.post("/api/v1/clients/%d/contacts".formatted(clientId),
                "{\"first_name\": \"Flo\", \"last_name\": \"Ink\"}").body().get("contact").get("id").asLong();

        for (String path : List.of("/api/v1/leads/" + lead, "/api/v1/deals/" + deal, "/api/v1/contacts/" + contact)) {
            assertAccepted(app.delete(path));
        }
        assertThat(app.get("/api/v1/leads/" + lead).status()).isEqualTo(404);
        assertThat(app.get("/api/v1/contacts/" + contact).body().get("contact").get("is_active").asBoolean())
                .isFalse();
    }

    @Test
    void mobileHubShowsTheCrmAreasTheServerServes() {
        for (String path : List.of("/api/v1/users/me", "/api/v1/info")) {
            Response modules = app.get(path);
            assertThat(modules.status()).as(modules.raw()).isEqualTo(200);
            assertThat(modules.body().get("enabled_modules").valueStream().map(JsonNode::asString))
                    .contains("contacts", "deals", "leads", "reports", "search");
        }
    }

    @Test
    void mobileClientDetailPageReadsTheClientAndItsContactsAndAddsOneByASingleName() {
        Response added = app.post("/api/v1/clients/%d/contacts".formatted(clientId),
                "{\"name\": \"Ada King Lovelace\", \"email\": \"ada@example.test\", \"is_primary\": true}");

        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        assertThat(app.get("/api/v1/clients/" + clientId).status()).isEqualTo(200);
        JsonNode contacts = app.get("/api/v1/clients/%d/contacts".formatted(clientId)).body().get("contacts");
        assertThat(contacts.valueStream().map(contact -> contact.get("first_name").asString() + "|"
                + contact.get("last_name").asString() + "|" + contact.get("is_primary").asBoolean()))
                .containsExactly("Ada King|Lovelace|true");
    }

    @Test
    void bodylessConversionsAreReadAsEmptyObjects() {
        long toClient = app.post("/api/v1/leads", "{\"first_name\": \"Gus\", \"last_name\": \"Hale\", "
                + "\"company_name\": \"%s\"}".formatted(unique("Hale Co"))).body().get("lead").get("id").asLong();
        long toDeal = app.post("/api/v1/leads", "{\"first_name\": \"Ivy\", \"last_name\": \"Joy\"}").body()
                .get("lead").get("id").asLong();

        assertThat(app.send("POST", "/api/v1/leads/%d/convert-to-client".formatted(toClient), null).status())
                .isEqualTo(201);
        assertThat(app.withHeader("Content-Type", "text/plain")
                .post("/api/v1/leads/%d/convert-to-deal".formatted(toDeal), "").status()).isEqualTo(201);
    }

    @Test
    void bothAppsFindDealsLeadsAndContactsBySearch() {
        String word = unique("Zephyr").replace(' ', 'q');
        app.post("/api/v1/deals", "{\"name\": \"%s deal\"}".formatted(word));
        app.post("/api/v1/leads", "{\"first_name\": \"%s\", \"last_name\": \"Lead\"}".formatted(word));
        app.post("/api/v1/clients/%d/contacts".formatted(clientId), "{\"name\": \"%s Contact\"}".formatted(word));

        Response found = app.get("/api/v1/search?q=%s&types=deal,lead,contact&limit=5".formatted(word));

        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        assertThat(found.body().get("results").valueStream().map(hit -> hit.get("type").asString()))
                .containsExactlyInAnyOrder("deal", "lead", "contact");
    }

    private static void assertAccepted(Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 299);
    }
}
