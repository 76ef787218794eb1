package io.timetracker.api.search;

import io.timetracker.api.support.ApiClient;
import io.timetracker.api.support.ApiClient.Response;
import io.timetracker.api.support.EndToEndTest;
import io.timetracker.api.support.TestFaults;
import io.timetracker.query.search.SearchDocuments;
import io.timetracker.query.search.SearchDocuments.Document;
import io.timetracker.query.search.SearchVocabularyRepair;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class SearchApiTest extends EndToEndTest {

    @Autowired
    SearchDocuments documents;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SearchVocabularyRepair vocabularyRepair;

    @Test
    void findsEachTypeByItsTextAndShowsTheContractsShape() {
        String word = word();
        long client = created(admin.post("/api/v1/clients", "{\"name\": \"%s Industries\"}".formatted(word)), "client");
        long project = created(admin.post("/api/v1/projects",
                "{\"name\": \"Redesign %s\", \"client_id\": %d, \"code\": \"%s\"}".formatted(word, client,
                        word.substring(0, 6))), "project");
        long task = created(admin.post("/api/v1/tasks",
                "{\"name\": \"Landing page\", \"project_id\": %d, \"description\": \"for %s\"}"
                        .formatted(project, word)), "task");
        long entry = created(admin.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2019-02-04T09:00:00Z", "end_time": "2019-02-04T10:00:00Z",
                 "notes": "Reviewed %s mockups"}""".formatted(project, word)), "time_entry");

        Response found = admin.get("/api/v1/search?q=%20" + word + "%20");

        assertThat(found.status()).as(found.raw()).isEqualTo(200);
        JsonNode body = found.body();
        assertThat(body.get("query").asString()).isEqualTo(word);
        assertThat(body.get("count").asInt()).isEqualTo(4);
        assertThat(body.get("partial").asBoolean()).isFalse();
        assertThat(body.get("errors").isObject()).isTrue();
        assertThat(typesAndIds(body)).containsExactlyInAnyOrder("client " + client, "project " + project,
                "task " + task, "entry " + entry);
        JsonNode projectHit = hit(body, "project");
        assertThat(projectHit.get("category").asString()).isEqualTo("Projects");
        assertThat(projectHit.get("title").asString()).isEqualTo("Redesign " + word);
        assertThat(projectHit.get("badge").asString()).isEqualTo("active");
        assertThat(projectHit.has("description")).isTrue();
        JsonNode entryHit = hit(body, "entry");
        assertThat(entryHit.get("title").asString()).isEqualTo("Reviewed " + word + " mockups");

        assertThat(typesAndIds(admin.get("/api/v1/search?q=%s&types=project,task".formatted(word)).body()))
                .containsExactlyInAnyOrder("project " + project, "task " + task);
    }

    @Test
    void partialWordsAndTyposAreFoundAndWholeWordsRankFirst() {
        String word = word();
        long client = created(admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(word())), "client");
        long exact = created(admin.post("/api/v1/projects",
                "{\"name\": \"%s\", \"client_id\": %d}".formatted(word, client)), "project");
        long longer = created(admin.post("/api/v1/projects",
                "{\"name\": \"%sment\", \"client_id\": %d}".formatted(word, client)), "project");

        assertThat(ids(admin.get("/api/v1/search?types=project&q=" + word).body())).containsExactly(exact, longer);
        assertThat(ids(admin.get("/api/v1/search?types=project&q=" + word.substring(0, 6)).body()))
                .contains(exact, longer);
        String typo = word.substring(0, 7) + (word.charAt(7) == 'z' ? 'y' : 'z');
        assertThat(ids(admin.get("/api/v1/search?types=project&q=" + typo).body())).contains(exact);
    }

    @Test
    void aManyWordQueryFindsTextsWithAWordMisspeltOrMissingBelowTheWholeMatches() {
        String word = word();
        long nowak = created(admin.post("/api/v1/leads",
                "{\"first_name\": \"%s\", \"last_name\": \"Nowak\"}".formatted(word)), "lead");
        long novak = created(admin.post("/api/v1/leads",
                "{\"first_name\": \"%s\", \"last_name\": \"Novak\"}".formatted(word)), "lead");

        assertThat(ids(admin.get("/api/v1/search?types=lead&q=%s%%20Novak".formatted(word)).body()))
                .containsExactly(novak, nowak);

        String company = word() + word().substring(0, 4);
        long lead = created(admin.post("/api/v1/leads", """
                {"first_name": "Ann", "last_name": "Lee", "company_name": "%s Ltd"}""".formatted(company)), "lead");
        long deal = created(admin.post("/api/v1/deals", "{\"name\": \"%s renewal\"}".formatted(company)), "deal");

        assertThat(typesAndIds(admin.get("/api/v1/search?types=deal,lead&q=%s%%20renewal".formatted(company))
                .body())).containsExactly("deal " + deal, "lead " + lead);
    }

    /**
     * Several words are looked for in the words each index row holds of its document, and where a long text's rows
     * hold none ({@code SearchDocuments.ROW_WORDS}), by the document's key: both are found alike, by every word, by
     * their beginnings and with one misspelt, the shorter text first; a word with the characters a text search
     * query gives a meaning to (an address with {@code :}, {@code ?} and {@code &}) stands for itself; a changed text
     * is found by its new words together at once.
     */
    @Test
    void aManyWordQueryFindsLongAndShortTextsAlike() {
        String first = word();
        String last = word();
        String address = "wiki.example.test/" + word() + ":b?c=d&e";
        String filler = IntStream.range(0, 60).mapToObj(i -> "filler" + i).collect(Collectors.joining(" "));
        long shortLead = created(admin.post("/api/v1/leads", """
                {"first_name": "%s", "last_name": "%s", "notes": "see %s"}""".formatted(first, last, address)),
                "lead");
        long longLead = created(admin.post("/api/v1/leads", """
                {"first_name": "%s", "last_name": "%s", "notes": "see %s %s"}"""
                .formatted(first, last, address, filler)), "lead");
        assertThat(jdbc.queryForList("SELECT words IS NULL FROM search_terms WHERE type = 'lead' AND id IN (?, ?)"
                + " ORDER BY id", Boolean.class, shortLead, longLead)).contains(false, true);

        String typo = last.substring(0, 7) + (last.charAt(7) == 'z' ? 'y' : 'z');
        for (String query : List.of(first + " " + last, first.substring(0, 5) + " " + last.substring(0, 5),
                last + " " + address, address.substring(0, address.length() - 2) + " " + first, first + " " + typo)) {
            assertThat(ids(admin.get("/api/v1/search?types=lead&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                    .body())).as(query).containsExactly(shortLead, longLead);
        }
        assertThat(ids(admin.get("/api/v1/search?types=lead&q=%s%%20%s%%20filler7".formatted(first, last)).body()))
                .startsWith(longLead);

        // a new last name of the same length: the rows of the words the text kept hold its new words too (the first
        // name, rarer than the new one, leads; the short text is a whole match, above what only resembles the query)
        String renamed = word();
        assertThat(admin.patch("/api/v1/leads/" + shortLead, "{\"last_name\": \"%s\"}".formatted(renamed))
                .status()).isEqualTo(200);
        long alike = created(admin.post("/api/v1/leads", """
                {"first_name": "%s", "last_name": "%s", "notes": "see %s again"}""".formatted(first, renamed, address)),
                "lead");
        for (int i = 0; i < 2; i++) {
            created(admin.post("/api/v1/leads", "{\"first_name\": \"%s\", \"last_name\": \"%s\"}"
                    .formatted(renamed, word())), "lead");
        }
        assertThat(ids(admin.get("/api/v1/search?types=lead&q=%s%%20%s".formatted(first, renamed)).body()))
                .startsWith(shortLead, alike);
        assertThat(ids(admin.get("/api/v1/search?types=lead&q=%s%%20%s".formatted(first, last)).body()))
                .startsWith(longLead);
    }

    /**
     * The first writers of a word do not wait on each other: while one holds its transaction open after writing a
     * document with a word no document had, another writes one with the same word, in a transaction that gives up
     * on any lock it would wait for (and is rolled back: its document is of no client). Once the first commits, the
     * word is among those a misspelt one is compared with.
     */
    @Test
    void aWriterDoesNotWaitForAnotherThatHasTheSameNewWordUncommitted() throws Exception {
        String word = word();
        TestFaults.LateCommits late = TestFaults.holdLateCommits();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(() -> admin.post("/api/v1/clients",
                "{\"name\": \"%s %s\"}".formatted(TestFaults.COMMITS_LATE, word)));
        late.awaitHeld();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL lock_timeout = '5s'");
                documents.put("client", -1, new Document(word + " too", null, "active", null, word + " too"), 1);
                status.setRollbackOnly();
            });
        } finally {
            late.release();
        }
        long client = created(held.get(), "client");

        String typo = word.substring(0, 7) + (word.charAt(7) == 'z' ? 'y' : 'z');
        assertThat(ids(admin.get("/api/v1/search?types=client&q=" + typo).body())).containsExactly(client);
    }

    /**
     * A node killed after a write's commit and before its vocabulary write (its words removed here, as they would
     * be missing) leaves the word unfound by a misspelt query, until start-up's repair writes it.
     */
    @Test
    void wordsANodeDidNotWriteToTheVocabularyAreRestored() {
        String word = word();
        long client = created(admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(word)), "client");
        jdbc.update("DELETE FROM search_vocabulary WHERE word = ?", word);
        String typo = word.substring(0, 7) + (word.charAt(7) == 'z' ? 'y' : 'z');
        assertThat(ids(admin.get("/api/v1/search?types=client&q=" + typo).body())).isEmpty();

        assertThat(vocabularyRepair.restoreMissingWords()).isPositive();

        assertThat(ids(admin.get("/api/v1/search?types=client&q=" + typo).body())).containsExactly(client);
    }

    @Test
    void eachTypeShowsOnlyWhatTheCallerMaySee() {
        String word = word();
        long project = created(admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d}"
                .formatted(word, created(admin.post("/api/v1/clients", "{\"name\": \"%s client\"}"
                        .formatted(word)), "client"))), "project");
        long userId = createUser("user");
        ApiClient user = admin.as(tokenFor(userId, "read:projects,read:time_entries,write:time_entries"));
        long own = created(user.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2019-03-04T09:00:00Z", "end_time": "2019-03-04T10:00:00Z",
                 "notes": "%s own"}""".formatted(project, word)), "time_entry");
        long others = created(admin.post("/api/v1/time-entries", """
                {"project_id": %d, "start_time": "2019-03-05T09:00:00Z", "end_time": "2019-03-05T10:00:00Z",
                 "notes": "%s other"}""".formatted(project, word)), "time_entry");

        // no read:clients, no read:tasks: those types find nothing; of the entries only the user's own
        assertThat(typesAndIds(user.get("/api/v1/search?q=" + word).body()))
                .containsExactlyInAnyOrder("project " + project, "entry " + own);
        assertThat(typesAndIds(admin.get("/api/v1/search?types=entry&q=" + word).body()))
                .containsExactlyInAnyOrder("entry " + own, "entry " + others);
    }

    @Test
    void theLimitHoldsPerTypeAndChangesShowAtOnce() {
        String word = word();
        long project = created(admin.post("/api/v1/projects", "{\"name\": \"%s\", \"client_id\": %d}"
                .formatted(word, created(admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(word())),
                        "client"))), "project");
        List<Long> tasks = List.of(1, 2, 3).stream().map(n -> created(admin.post("/api/v1/tasks",
                "{\"name\": \"%s step %d\", \"project_id\": %d}".formatted(word, n, project)), "task")).toList();

        JsonNode limited = admin.get("/api/v1/search?limit=2&q=" + word).body();
        assertThat(limited.get("results").valueStream().filter(hit -> hit.get("type").asString().equals("task")))
                .hasSize(2);
        assertThat(limited.get("count").asInt()).isEqualTo(3);

        assertThat(admin.delete("/api/v1/tasks/" + tasks.get(0)).status()).isEqualTo(200);
        String renamed = word();
        assertThat(admin.patch("/api/v1/projects/" + project, "{\"name\": \"%s\"}".formatted(renamed)).status())
                .isEqualTo(200);
        assertThat(ids(admin.get("/api/v1/search?types=task&q=" + word).body()))
                .containsExactlyInAnyOrder(tasks.get(1), tasks.get(2));
        assertThat(ids(admin.get("/api/v1/search?types=project&q=" + renamed).body())).containsExactly(project);
    }

    @Test
    void dealsLeadsAndContactsAreFoundRankedWithTheOthers() {
        String word = word();
        long client = created(admin.post("/api/v1/clients", "{\"name\": \"%s Holdings\"}".formatted(word)), "client");
        long contact = created(admin.post("/api/v1/clients/%d/contacts".formatted(client), """
                {"name": "Maria %s", "title": "CTO", "email": "maria.%s@example.test", "role": "billing"}"""
                .formatted(word, word)), "contact");
        long deal = created(admin.post("/api/v1/deals", """
                {"name": "%s renewal", "client_id": %d, "stage": "proposal", "notes": "call back"}"""
                .formatted(word, client)), "deal");
        long lead = created(admin.post("/api/v1/leads", """
                {"first_name": "Jon", "last_name": "%s", "company_name": "Acme", "status": "contacted"}"""
                .formatted(word)), "lead");
        long partial = created(admin.post("/api/v1/deals", "{\"name\": \"%sment upsell\"}".formatted(word)),
                "deal");

        JsonNode body = admin.get("/api/v1/search?q=" + word).body();

        assertThat(typesAndIds(body)).containsExactlyInAnyOrder("client " + client, "contact " + contact,
                "deal " + deal, "deal " + partial, "lead " + lead);
        assertThat(typesAndIds(body)).last().as("a partial word ranks below every whole word")
                .isEqualTo("deal " + partial);
        JsonNode contactHit = hit(body, "contact");
        assertThat(contactHit.get("category").asString()).isEqualTo("Contacts");
        assertThat(contactHit.get("title").asString()).isEqualTo("Maria " + word);
        assertThat(contactHit.get("description").asString()).isEqualTo("CTO · maria.%s@example.test".formatted(word));
        assertThat(contactHit.get("badge").asString()).isEqualTo("billing");
        JsonNode leadHit = hit(body, "lead");
        assertThat(leadHit.get("category").asString()).isEqualTo("Leads");
        assertThat(leadHit.get("title").asString()).isEqualTo("Jon " + word);
        assertThat(leadHit.get("description").asString()).isEqualTo("Acme");
        assertThat(leadHit.get("badge").asString()).isEqualTo("contacted");
        assertThat(typesAndIds(admin.get("/api/v1/search?q=%s&types=deal,%%20LEAD".formatted(word)).body()))
                .containsExactlyInAnyOrder("deal " + deal, "deal " + partial, "lead " + lead);
        assertThat(typesAndIds(admin.get("/api/v1/search?types=contact&q=maria.%s@example.test".formatted(word))
                .body())).containsExactly("contact " + contact);
        JsonNode deals = admin.get("/api/v1/search?types=deal&q=" + word).body();
        assertThat(hit(deals, "deal").get("category").asString()).isEqualTo("Deals");
        assertThat(hit(deals, "deal").get("badge").asString()).isEqualTo("proposal");
    }

    @Test
    void dealsAndLeadsAreFoundByTheirOwnerAloneAndContactsByAnyoneWhoReadsContacts() {
        String word = word();
        String scopes = "read:projects,read:deals,write:deals,read:leads,write:leads,read:contacts";
        long annId = createUser("user");
        ApiClient ann = admin.as(tokenFor(annId, scopes));
        long bobId = createUser("user");
        ApiClient bob = admin.as(tokenFor(bobId, scopes));
        long annsDeal = created(ann.post("/api/v1/deals", "{\"name\": \"%s ann\"}".formatted(word)), "deal");
        long annsLead = created(ann.post("/api/v1/leads",
                "{\"first_name\": \"Ann\", \"last_name\": \"%s\"}".formatted(word)), "lead");
        long bobsDeal = created(bob.post("/api/v1/deals", "{\"name\": \"%s bob\"}".formatted(word)), "deal");
        long bobsLead = created(bob.post("/api/v1/leads",
                "{\"first_name\": \"Bob\", \"last_name\": \"%s\"}".formatted(word)), "lead");
        long client = created(admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(word())), "client");
        long contact = created(admin.post("/api/v1/clients/%d/contacts".formatted(client),
                "{\"first_name\": \"Cy\", \"last_name\": \"%s\"}".formatted(word)), "contact");
        assertThat(admin.delete("/api/v1/clients/" + client).status()).isEqualTo(200);

        // as GET /deals/{id} and /leads/{id}: another user's is not there; an archived client's contact still is
        assertThat(typesAndIds(ann.get("/api/v1/search?q=" + word).body()))
                .containsExactlyInAnyOrder("deal " + annsDeal, "lead " + annsLead, "contact " + contact);
        assertThat(typesAndIds(bob.get("/api/v1/search?q=" + word).body()))
                .containsExactlyInAnyOrder("deal " + bobsDeal, "lead " + bobsLead, "contact " + contact);
        assertThat(bob.get("/api/v1/deals/" + annsDeal).status()).isEqualTo(404);
        assertThat(typesAndIds(admin.get("/api/v1/search?types=deal,lead&q=" + word).body()))
                .containsExactlyInAnyOrder("deal " + annsDeal, "lead " + annsLead, "deal " + bobsDeal,
                        "lead " + bobsLead);

        // a deal handed to another owner moves with it
        assertThat(admin.patch("/api/v1/deals/" + annsDeal, "{\"owner_id\": %d}".formatted(bobId)).status())
                .isEqualTo(200);
        assertThat(typesAndIds(ann.get("/api/v1/search?types=deal&q=" + word).body())).isEmpty();
        assertThat(typesAndIds(bob.get("/api/v1/search?types=deal&q=" + word).body()))
                .containsExactlyInAnyOrder("deal " + annsDeal, "deal " + bobsDeal);

        // without the read scope of a type, nothing of it
        ApiClient noCrm = newCaller("user", "read:projects");
        assertThat(typesAndIds(noCrm.get("/api/v1/search?q=" + word).body())).isEmpty();
        assertThat(typesAndIds(newCaller("user", "read:projects,read:contacts")
                .get("/api/v1/search?types=deal,contact&q=" + word).body())).containsExactly("contact " + contact);
    }

    @Test
    void deletedCrmRecordsAreNotFoundAndAConvertedLeadSaysSo() {
        String word = word();
        long client = created(admin.post("/api/v1/clients", "{\"name\": \"%s\"}".formatted(word())), "client");
        long contact = created(admin.post("/api/v1/clients/%d/contacts".formatted(client),
                "{\"name\": \"Dee %s\"}".formatted(word)), "contact");
        long deal = created(admin.post("/api/v1/deals", "{\"name\": \"%s\"}".formatted(word)), "deal");
        long gone = created(admin.post("/api/v1/leads",
                "{\"first_name\": \"Gone\", \"last_name\": \"%s\"}".formatted(word)), "lead");
        long converted = created(admin.post("/api/v1/leads", """
                {"first_name": "Kept", "last_name": "%s", "company_name": "%s"}""".formatted(word, word())), "lead");
        for (String path : List.of("/api/v1/contacts/" + contact, "/api/v1/deals/" + deal, "/api/v1/leads/" + gone)) {
            assertThat(admin.delete(path).status()).isEqualTo(200);
        }
        long itsContact = created(admin.post("/api/v1/leads/%d/convert-to-client".formatted(converted), null),
                "contact");

        JsonNode body = admin.get("/api/v1/search?types=contact,deal,lead&q=" + word).body();

        assertThat(typesAndIds(body)).containsExactlyInAnyOrder("lead " + converted, "contact " + itsContact);
        assertThat(hit(body, "lead").get("badge").asString()).isEqualTo("converted");
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        ApiClient invalid = admin.sendingInvalidInput();
        assertRefused(invalid.get("/api/v1/search"), "q");
        assertRefused(invalid.get("/api/v1/search?q=%20a%20"), "q");
        assertRefused(invalid.get("/api/v1/search?q=ab&limit=0"), "limit");
        assertRefused(invalid.get("/api/v1/search?q=ab&limit=51"), "limit");
        assertRefused(invalid.get("/api/v1/search?q=ab&limit=ten"), "limit");
        assertRefused(invalid.get("/api/v1/search?q=ab&types=project,invoice"), "types");
        assertThat(invalid.get("/api/v1/search?q=ab&types=project,invoice").body().get("errors").get("types")
                .toString()).contains("deal", "lead", "contact");
        assertThat(admin.get("/api/v1/search?q=ab&limit=50&types=project,").status()).isEqualTo(200);
    }

    /** Eight random lower-case letters: a word no other test's data contains. */
    private static String word() {
        StringBuilder word = new StringBuilder();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 8; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static long created(Response response, String key) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.body().get(key).get("id").asLong();
    }

    private static List<String> typesAndIds(JsonNode body) {
        return body.get("results").valueStream().map(hit -> hit.get("type").asString() + " " + hit.get("id").asLong())
                .toList();
    }

    private static JsonNode hit(JsonNode body, String type) {
        return body.get("results").valueStream().filter(hit -> hit.get("type").asString().equals(type)).findFirst()
                .orElseThrow();
    }

    private static List<Long> ids(JsonNode body) {
        return body.get("results").valueStream().map(hit -> hit.get("id").asLong()).toList();
    }

    private static void assertRefused(Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().get("error_code").asString()).isEqualTo("validation_error");
        assertThat(response.body().get("errors").has(field)).as(response.raw()).isTrue();
    }
}
