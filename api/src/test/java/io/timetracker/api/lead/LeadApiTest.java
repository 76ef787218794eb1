package io.timetracker.api.lead;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class LeadApiTest extends EndToEndTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLeadShowsTheNameFieldsTheAppsRead() {
        Response created = admin.sendingInvalidInput().post("/api/v1/leads", """
                {"first_name": "Ada", "last_name": "King", "company_name": "Engines Ltd", "email": "ada@x.test",
                 "source": "referral", "score": "75", "estimated_value": 1200, "currency_code": "gbp",
                 "tags": "a, b", "colour": "red"}""");

        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.body().get("message").asString()).isEqualTo("Lead created successfully");
        assertThat(created.header("X-Ignored-Fields")).isEqualTo("colour");
        JsonNode lead = created.body().get("lead");
        assertThat(created.header("Location")).isEqualTo("/api/v1/leads/" + lead.get("id").asLong());
        assertThat(lead.get("full_name").asString()).isEqualTo("Ada King");
        assertThat(lead.get("name").asString()).isEqualTo("Ada King");
        assertThat(lead.get("display_name").asString()).isEqualTo("Ada King (Engines Ltd)");
        assertThat(lead.get("company").asString()).isEqualTo("Engines Ltd");
        assertThat(lead.get("company_name").asString()).isEqualTo("Engines Ltd");
        assertThat(lead.get("status").asString()).isEqualTo("new");
        assertThat(lead.get("score").asInt()).isEqualTo(75);
        assertThat(lead.get("currency_code").asString()).isEqualTo("GBP");
        assertThat(lead.get("tag_list").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(lead.get("converted_to_client_id").isNull()).isTrue();
    }

    @Test
    void theListShowsOpenLeadsByDefaultAndFiltersByStatusSourceAndSearch() {
        ApiClient owner = newCaller("user", "read:leads,write:leads");
        String word = unique("Findme").replace(' ', '-');
        long fresh = create(owner, "{\"first_name\": \"A\", \"last_name\": \"%s\", \"source\": \"web\"}"
                .formatted(word));
        long lost = create(owner, "{\"first_name\": \"B\", \"last_name\": \"B\", \"status\": \"lost\"}");
        long converted = create(owner, "{\"first_name\": \"C\", \"last_name\": \"C\", \"company_name\": \"%s\"}"
                .formatted(unique("Convert co")));
        assertThat(owner.post("/api/v1/leads/" + converted + "/convert-to-deal", null).status()).isEqualTo(403);
        assertThat(admin.post("/api/v1/leads/" + converted + "/convert-to-deal", null).status()).isEqualTo(201);

        assertThat(ids(owner.get("/api/v1/leads"))).containsExactly(fresh);
        assertThat(ids(owner.get("/api/v1/leads?status=all"))).containsExactly(converted, lost, fresh);
        assertThat(ids(owner.get("/api/v1/leads?status=lost"))).containsExactly(lost);
        assertThat(ids(owner.get("/api/v1/leads?status=converted"))).containsExactly(converted);
        assertThat(ids(owner.get("/api/v1/leads?source=WEB"))).containsExactly(fresh);
        assertThat(ids(admin.get("/api/v1/leads?search=" + word.toLowerCase().substring(2)))).containsExactly(fresh);
        assertThat(ids(admin.get("/api/v1/leads?search=%25" + word))).isEmpty();
        assertThat(admin.sendingInvalidInput().get("/api/v1/leads?status=asleep").status()).isEqualTo(400);
    }

    @Test
    void anotherUsersLeadIsNotFoundAndCannotBeChangedOrConverted() {
        long ownerId = createUser("user");
        ApiClient owner = admin.as(tokenFor(ownerId, "read:*,write:*"));
        ApiClient intruder = newCaller("user", "read:*,write:*");
        long id = create(owner, "{\"first_name\": \"Se\", \"last_name\": \"Cret\", \"company_name\": \"%s\"}"
                .formatted(unique("Hidden")));

        assertThat(intruder.get(path(id)).status()).isEqualTo(404);
        assertThat(intruder.patch(path(id), "{\"notes\": \"mine\"}").status()).isEqualTo(404);
        assertThat(intruder.delete(path(id)).status()).isEqualTo(404);
        assertThat(intruder.post(path(id) + "/convert-to-client", null).status()).isEqualTo(404);
        assertThat(intruder.post(path(id) + "/convert-to-deal", null).status()).isEqualTo(404);
        assertThat(intruder.get("/api/v1/leads?status=all").raw()).doesNotContain("Cret");
        assertThat(intruder.get("/api/v1/leads?owner=" + ownerId).status()).isEqualTo(403);
        assertThat(owner.get(path(id)).body().get("lead").get("status").asString()).isEqualTo("new");
        assertThat(owner.patch(path(id), "{\"status\": \"contacted\", \"score\": 10}").status()).isEqualTo(200);
        assertThat(intruder.get(path(id) + "/history").status()).isEqualTo(404);
        assertThat(owner.get(path(id) + "/history").body().get("history").valueStream()
                .map(row -> row.get("action").asString())).containsExactly("created", "updated");
        assertThat(owner.delete(path(id)).status()).isEqualTo(200);
        assertThat(owner.get(path(id)).status()).isEqualTo(404);
        assertThat(owner.get(path(id) + "/history").status()).isEqualTo(404);
        assertThat(admin.get(path(id) + "/history").body().get("history").size()).isEqualTo(3);
    }

    @Test
    void convertingToAClientCreatesTheClientAndItsPrimaryContactAndLinksThem() {
        String company = unique("Converted Co");
        long id = create(admin, """
                {"first_name": "Eve", "last_name": "Moss", "company_name": "%s", "email": "eve@x.test",
                 "phone": "+1 9", "title": "CEO"}""".formatted(company));

        Response converted = admin.post(path(id) + "/convert-to-client", "{\"reason\": \"signed\"}");

        assertThat(converted.status()).as(converted.raw()).isEqualTo(201);
        JsonNode client = converted.body().get("client");
        JsonNode contact = converted.body().get("contact");
        JsonNode lead = converted.body().get("lead");
        assertThat(converted.header("Location")).isEqualTo("/api/v1/clients/" + client.get("id").asLong());
        assertThat(client.get("name").asString()).isEqualTo(company);
        assertThat(client.get("email").asString()).isEqualTo("eve@x.test");
        assertThat(contact.get("full_name").asString()).isEqualTo("Eve Moss");
        assertThat(contact.get("is_primary").asBoolean()).isTrue();
        assertThat(contact.get("title").asString()).isEqualTo("CEO");
        assertThat(contact.get("client_id").asLong()).isEqualTo(client.get("id").asLong());
        assertThat(lead.get("status").asString()).isEqualTo("converted");
        assertThat(lead.get("converted_to_client_id").asLong()).isEqualTo(client.get("id").asLong());
        assertThat(lead.get("converted_to_contact_id").asLong()).isEqualTo(contact.get("id").asLong());
        assertThat(lead.get("converted_at").isNull()).isFalse();
        Response again = admin.post(path(id) + "/convert-to-client", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("error_code").asString()).isEqualTo("conflict");

        Response deal = admin.post(path(id) + "/convert-to-deal", "{\"stage\": \"proposal\", \"probability\": 60}");
        assertThat(deal.status()).as(deal.raw()).isEqualTo(201);
        assertThat(deal.body().get("deal").get("client_id").asLong()).isEqualTo(client.get("id").asLong());
        assertThat(deal.body().get("deal").get("contact_id").asLong()).isEqualTo(contact.get("id").asLong());
        assertThat(deal.body().get("deal").get("probability").asInt()).isEqualTo(60);
        assertThat(deal.body().get("lead").get("converted_to_client_id").asLong()).isEqualTo(client.get("id").asLong());
        JsonNode history = admin.get(path(id) + "/history").body().get("history");
        assertThat(history.valueStream().map(row -> row.get("action").asString()))
                .containsExactly("created", "converted_to_client", "converted_to_deal");
        assertThat(history.get(1).get("reason").asString()).isEqualTo("signed");
        assertThat(history.get(1).get("changes").get("status").get("to").asString()).isEqualTo("converted");
        assertThat(history.get(1).get("changes").get("client_id").get("to").asLong())
                .isEqualTo(client.get("id").asLong());
        JsonNode contactTrail = admin.get("/api/v1/contacts/" + contact.get("id").asLong() + "/history").body()
                .get("history");
        assertThat(contactTrail.get(0).get("request_id").asString()).isEqualTo(history.get(1).get("request_id")
                .asString());
    }

    @Test
    void aLeadWithoutCompanyBecomesAClientNamedAfterItAndANameClashIsAConflictThatChangesNothing() {
        String person = unique("Solo");
        long solo = create(admin, "{\"first_name\": \"%s\", \"last_name\": \"Trader\"}".formatted(person));
        assertThat(admin.post(path(solo) + "/convert-to-client", null).body().get("client").get("name").asString())
                .isEqualTo(person + " Trader");
        String taken = unique("Taken");
        createClient(taken);
        long clash = create(admin, "{\"first_name\": \"Cl\", \"last_name\": \"Ash\", \"company_name\": \"%s\"}"
                .formatted(taken.toUpperCase()));
        long contactsBefore = jdbc.queryForObject("SELECT count(*) FROM contacts", Long.class);

        Response refused = admin.post(path(clash) + "/convert-to-client", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("message").asString()).contains(taken.toUpperCase());
        assertThat(admin.get(path(clash)).body().get("lead").get("status").asString()).isEqualTo("new");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts", Long.class)).isEqualTo(contactsBefore);
    }

    @Test
    void parallelConversionsToAClientMakeExactlyOneClient() throws Exception {
        String company = unique("Race Co");
        long id = create(admin, "{\"first_name\": \"Ra\", \"last_name\": \"Ce\", \"company_name\": \"%s\"}"
                .formatted(company));
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> admin.post(path(id) + "/convert-to-client", null).status());
        }

        List<Integer> statuses = inParallel(attempts);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM clients WHERE name = ?", Long.class, company))
                .isEqualTo(1);
        long client = admin.get(path(id)).body().get("lead").get("converted_to_client_id").asLong();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM contacts WHERE client_id = ?", Long.class, client))
                .isEqualTo(1);
    }

    @Test
    void parallelConversionsToADealMakeExactlyOneDeal() throws Exception {
        long id = create(admin, "{\"first_name\": \"Du\", \"last_name\": \"Al\", \"estimated_value\": 300}");
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            attempts.add(() -> admin.post(path(id) + "/convert-to-deal", null).status());
        }

        List<Integer> statuses = inParallel(attempts);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(5);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deals WHERE lead_id = ?", Long.class, id)).isEqualTo(1);
        JsonNode deal = admin.get("/api/v1/deals/"
                + admin.get(path(id)).body().get("lead").get("converted_to_deal_id").asLong()).body().get("deal");
        assertThat(deal.get("name").asString()).isEqualTo("Du Al");
        assertThat(deal.get("value").asDouble()).isEqualTo(300.0);
        assertThat(deal.get("stage").asString()).isEqualTo("prospecting");
    }

    @Test
    void aConversionNeedsBothScopes() {
        long id = create(admin, "{\"first_name\": \"Sc\", \"last_name\": \"Ope\"}");
        ApiClient leadsOnly = admin.as(tokenFor(createUser("admin"), "read:leads,write:leads"));

        Response toClient = leadsOnly.post(path(id) + "/convert-to-client", null);
        Response toDeal = leadsOnly.post(path(id) + "/convert-to-deal", null);

        assertThat(toClient.status()).isEqualTo(403);
        assertThat(toClient.body().get("required_scope").asString()).isEqualTo("write:clients");
        assertThat(toDeal.status()).isEqualTo(403);
        assertThat(toDeal.body().get("required_scope").asString()).isEqualTo("write:deals");
        assertThat(admin.get(path(id)).body().get("lead").get("status").asString()).isEqualTo("new");
    }

    @Test
    void badInputIsAValidationErrorNamingTheField() {
        ApiClient invalid = admin.sendingInvalidInput();
        assertRefused(invalid.post("/api/v1/leads", "{\"first_name\": \"Only\"}"), "last_name");
        assertRefused(invalid.post("/api/v1/leads", "{\"first_name\": \"A\", \"last_name\": \"B\", \"score\": 101}"),
                "score");
        assertRefused(invalid.post("/api/v1/leads",
                "{\"first_name\": \"A\", \"last_name\": \"B\", \"status\": \"hot\"}"), "status");
        assertRefused(invalid.post("/api/v1/leads",
                "{\"first_name\": \"A\", \"last_name\": \"B\", \"owner_id\": 987654}"), "owner_id");
        long id = create(admin, "{\"first_name\": \"A\", \"last_name\": \"B\"}");
        assertRefused(invalid.post(path(id) + "/convert-to-deal", "{\"stage\": \"limbo\"}"), "stage");
        assertThat(admin.get(path(id)).body().get("lead").get("status").asString()).isEqualTo("new");
    }

    private static long create(ApiClient caller, String body) {
        Response created = caller.post("/api/v1/leads", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("lead").get("id").asLong();
    }

    private static List<Long> ids(Response list) {
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        return list.body().get("leads").valueStream().map(lead -> lead.get("id").asLong()).toList();
    }

    private static void assertRefused(Response refused, String field) {
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.body().get("errors").has(field)).as(refused.raw()).isTrue();
    }

    private static String path(long id) {
        return "/api/v1/leads/" + id;
    }
}
