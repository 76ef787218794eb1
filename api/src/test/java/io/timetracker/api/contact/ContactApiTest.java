package io.timetracker.api.contact;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class ContactApiTest extends EndToEndTest {

    @Test
    void theMobileAppsNameIsSplitAtItsLastSpaceAndTheDesktopsFieldsAreKept() {
        long client = createClient(unique("Contacts"));

        // x is no field: ignored, and named in X-Ignored-Fields
        Response mobile = admin.sendingInvalidInput().post(contacts(client),
                "{\"name\": \"Mary Ann Smith\", \"phone\": \"+1 2\", \"x\": 1}");
        // tags as a JSON array: read like the documented comma string (liberal reading)
        Response desktop = admin.sendingInvalidInput().post(contacts(client), """
                {"first_name": "Bob", "last_name": "Jones", "email": "bob@example.test", "mobile": "+49 170",
                 "title": "CFO", "department": "Finance", "role": "billing", "tags": ["vip", "VIP", "eu"],
                 "address": "Main St 1", "notes": "pays late"}""");

        assertThat(mobile.status()).as(mobile.raw()).isEqualTo(201);
        assertThat(mobile.body().get("message").asString()).isEqualTo("Contact created successfully");
        assertThat(mobile.header("X-Ignored-Fields")).isEqualTo("x");
        JsonNode mary = mobile.body().get("contact");
        assertThat(mobile.header("Location")).isEqualTo("/api/v1/contacts/" + mary.get("id").asLong());
        assertThat(mary.get("first_name").asString()).isEqualTo("Mary Ann");
        assertThat(mary.get("last_name").asString()).isEqualTo("Smith");
        assertThat(mary.get("full_name").asString()).isEqualTo("Mary Ann Smith");
        assertThat(mary.get("name").asString()).isEqualTo("Mary Ann Smith");
        assertThat(mary.get("client_id").asLong()).isEqualTo(client);
        assertThat(mary.get("role").asString()).isEqualTo("contact");
        assertThat(mary.get("is_primary").asBoolean()).isFalse();
        assertThat(mary.get("is_active").asBoolean()).isTrue();
        JsonNode bob = desktop.body().get("contact");
        assertThat(bob.get("role").asString()).isEqualTo("billing");
        assertThat(bob.get("tags").asString()).isEqualTo("vip,eu");
        assertThat(bob.get("tag_list").toString()).isEqualTo("[\"vip\",\"eu\"]");
        assertThat(bob.get("department").asString()).isEqualTo("Finance");
        assertThat(admin.get("/api/v1/contacts/" + bob.get("id").asLong()).header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void theListHoldsTheActiveContactsByLastThenFirstName() {
        long client = createClient(unique("Ordered"));
        create(client, "{\"first_name\": \"Zoe\", \"last_name\": \"Adams\"}");
        long gone = create(client, "{\"first_name\": \"Al\", \"last_name\": \"Brown\"}");
        create(client, "{\"first_name\": \"Amy\", \"last_name\": \"adams\"}");
        create(client, "{\"name\": \"Cher\"}");
        assertThat(admin.delete("/api/v1/contacts/" + gone).status()).isEqualTo(200);
        create(createClient(unique("Other")), "{\"name\": \"Not Listed\"}");

        Response list = admin.get(contacts(client));

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("contacts").valueStream().map(c -> c.get("full_name").asString()))
                .containsExactly("Cher", "Amy adams", "Zoe Adams");
        assertThat(list.body().get("pagination").get("total").asLong()).isEqualTo(3);
    }

    @Test
    void makingAContactPrimaryClearsTheClientsOtherPrimary() {
        long client = createClient(unique("Primary"));
        long first = create(client, "{\"name\": \"Ann First\", \"is_primary\": true}");
        long second = create(client, "{\"name\": \"Ben Second\"}");

        Response promoted = admin.patch("/api/v1/contacts/" + second, "{\"is_primary\": true}");
        long third = create(client, "{\"name\": \"Cy Third\", \"is_primary\": true}");

        assertThat(promoted.status()).as(promoted.raw()).isEqualTo(200);
        assertThat(promoted.body().get("contact").get("is_primary").asBoolean()).isTrue();
        assertThat(isPrimary(first)).isFalse();
        assertThat(isPrimary(second)).isFalse();
        assertThat(isPrimary(third)).isTrue();
        assertThat(admin.patch("/api/v1/contacts/" + third, "{\"is_primary\": false}").status()).isEqualTo(200);
        assertThat(primaries(client)).isZero();
    }

    @Test
    void parallelRequestsThatEachMakeADifferentContactPrimaryLeaveExactlyOne() throws Exception {
        long client = createClient(unique("Race primary"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(create(client, "{\"name\": \"Racer %d\"}".formatted(i)));
        }
        List<Callable<Integer>> attempts = new ArrayList<>();
        for (long id : ids) {
            attempts.add(() -> admin.patch("/api/v1/contacts/" + id, "{\"is_primary\": true}").status());
        }
        attempts.add(() -> admin.post(contacts(client), "{\"name\": \"Late Racer\", \"is_primary\": true}")
                .status());

        List<Integer> statuses = inParallel(attempts);

        assertThat(statuses).allMatch(status -> status == 200 || status == 201);
        assertThat(primaries(client)).isEqualTo(1);
    }

    @Test
    void aContactOfAnArchivedClientStaysReadableButTheClientTakesNoNewOnes() {
        long client = createClient(unique("Archived"));
        long contact = create(client, "{\"name\": \"Old Friend\"}");
        assertThat(admin.delete("/api/v1/clients/" + client).status()).isEqualTo(200);

        Response refused = admin.post(contacts(client), "{\"name\": \"New Friend\"}");

        assertThat(admin.get("/api/v1/contacts/" + contact).status()).isEqualTo(200);
        assertThat(admin.get(contacts(client)).body().get("contacts")).hasSize(1);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("errors").has("client_id")).isTrue();
        assertThat(admin.post(contacts(987654321), "{\"name\": \"No Client\"}").status()).isEqualTo(404);
        assertThat(admin.get(contacts(987654321)).status()).isEqualTo(404);
    }

    @Test
    void updatesArePartialAndDeletingIsSoft() {
        long client = createClient(unique("Soft"));
        long contact = create(client, "{\"name\": \"Dee Soft\", \"is_primary\": true, \"email\": \"d@x.test\"}");

        Response renamed = admin.put("/api/v1/contacts/" + contact, "{\"last_name\": \"Hard\"}");
        Response stale = admin.withHeader("If-Match", "\"0\"").patch("/api/v1/contacts/" + contact,
                "{\"title\": \"x\"}");
        Response deleted = admin.delete("/api/v1/contacts/" + contact);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.body().get("message").asString()).isEqualTo("Contact updated successfully");
        assertThat(renamed.body().get("contact").get("full_name").asString()).isEqualTo("Dee Hard");
        assertThat(renamed.body().get("contact").get("email").asString()).isEqualTo("d@x.test");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("message").asString()).isEqualTo("Contact deleted successfully");
        JsonNode after = admin.get("/api/v1/contacts/" + contact).body().get("contact");
        assertThat(after.get("is_active").asBoolean()).isFalse();
        assertThat(after.get("is_primary").asBoolean()).isFalse();
        assertThat(admin.delete("/api/v1/contacts/" + contact).status()).isEqualTo(404);
        assertThat(admin.patch("/api/v1/contacts/" + contact, "{\"title\": \"x\"}").status()).isEqualTo(404);
        assertThat(primaries(client)).isZero();
    }

    @Test
    void badInputIsAValidationErrorNamingTheField() {
        long client = createClient(unique("Bad"));

        ApiClient invalid = admin.sendingInvalidInput();
        Response nameless = invalid.post(contacts(client), "{\"email\": \"a@b.test\"}");
        Response badRole = invalid.post(contacts(client), "{\"name\": \"A B\", \"role\": \"boss\"}");
        Response badEmail = invalid.post(contacts(client), "{\"name\": \"A B\", \"email\": \"nope\"}");
        Response blankLast = invalid.post(contacts(client), "{\"first_name\": \"A\", \"last_name\": \" \"}");

        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.body().get("errors").has("first_name")).isTrue();
        assertThat(badRole.body().get("errors").has("role")).isTrue();
        assertThat(badEmail.body().get("errors").has("email")).isTrue();
        assertThat(blankLast.body().get("errors").has("last_name")).isTrue();
        assertThat(admin.get(contacts(client)).body().get("contacts")).isEmpty();
    }

    private long create(long client, String body) {
        Response created = admin.post(contacts(client), body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("contact").get("id").asLong();
    }

    private boolean isPrimary(long contact) {
        return admin.get("/api/v1/contacts/" + contact).body().get("contact").get("is_primary").asBoolean();
    }

    private long primaries(long client) {
        return admin.get(contacts(client) + "?per_page=100").body().get("contacts").valueStream()
                .filter(contact -> contact.get("is_primary").asBoolean()).count();
    }

    private static String contacts(long client) {
        return "/api/v1/clients/" + client + "/contacts";
    }
}
