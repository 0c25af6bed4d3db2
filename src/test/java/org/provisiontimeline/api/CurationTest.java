package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Editors' writes through HTTP: auth, preconditions, validation, history, asOf, and a second provision. */
@QuarkusTest
class CurationTest {

    static RequestSpecification asEditor() {
        return given().auth().preemptive().basic("editor", "test-editor-password").contentType("application/json");
    }

    /** Imports the fictional second provision under a fresh id and returns that id. */
    static String importSecondProvision() {
        String id = "test-" + UUID.randomUUID().toString().substring(0, 8);
        asEditor().body(bundle(id)).when().post("/api/import")
                .then().statusCode(200).body("[0].id", is(id), "[0].outcome", is("written"));
        return id;
    }

    static String bundle(String id) {
        try (InputStream in = CurationTest.class.getResourceAsStream("/second-provision.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PROVISION_ID", id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(String id, String date, String category) {
        return given().queryParam("date", date).queryParam("category", category)
                .when().get("/api/provisions/" + id + "/status").then().statusCode(200).extract().path("state");
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource(useHeadersInDisplayName = true, textBlock = """
        DATE,       CATEGORY, STATE
        2009-12-31, general,  NOT_IN_FORCE
        2010-01-01, general,  IN_FORCE
        2012-01-14, general,  IN_FORCE
        2012-01-15, general,  SUSPENDED
        # renewed on 2012-07-10, before the six-month lapse of 2012-07-15
        2012-07-15, general,  SUSPENDED
        2013-01-09, general,  SUSPENDED
        # no renewal recorded: lapses six months after 2012-07-10
        2013-01-10, general,  IN_FORCE
        # a suspension for one category only
        2014-05-01, general,  IN_FORCE
        2014-05-01, energy,   SUSPENDED
        2014-09-01, energy,   IN_FORCE
        # the repeal was enacted 2015-05-01 but took effect on proclamation, 2015-08-01
        2015-07-31, general,  IN_FORCE
        2015-08-01, general,  NOT_IN_FORCE
        2015-08-01, energy,   NOT_IN_FORCE
        """)
    void aSecondProvisionOfAnotherShapeIsAnsweredDateByDate(String date, String category, String expected) {
        assertEquals(expected, state(SECOND.id, date, category));
    }

    /** Imported once for the table above. */
    private static final Holder SECOND = new Holder();

    private static final class Holder {
        private String id;
    }

    @org.junit.jupiter.api.BeforeEach
    void importOnce() {
        if (SECOND.id == null) {
            SECOND.id = importSecondProvision();
        }
    }

    @Test
    void anImportedProvisionIsFirstClass() {
        given().when().get("/api/provisions").then().body("id", hasItem(SECOND.id));
        given().when().get("/api/provisions/" + SECOND.id + "/timeline").then().statusCode(200)
                .body("intervals.state", hasItem("SUSPENDED"));
        given().when().get("/api/provisions/" + SECOND.id + "/events.csv").then().statusCode(200)
                .body(containsString("2015-05-01-repeal"));
        given().queryParam("date", "2013-01-10").when().get("/api/provisions/" + SECOND.id + "/status")
                .then().body("since", is("2013-01-10~"), "explanation", containsString("lapsed about 2013-01-10"));
    }

    /** The catalog is kept hashed for lookups; the list still comes in id order, whatever order writes came in. */
    @Test
    void theListIsOrderedByIdWhateverTheOrderOfWrites() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        for (String id : List.of("zz-order-" + suffix, "aa-order-" + suffix, "mm-order-" + suffix)) {
            asEditor().body(bundle(id)).when().post("/api/import").then().statusCode(200);
        }
        List<String> ids = given().when().get("/api/provisions").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
        assertEquals(ids.stream().sorted().toList(), ids);
        assertTrue(ids.containsAll(List.of("aa-order-" + suffix, "mm-order-" + suffix, "zz-order-" + suffix)),
                ids.toString());
    }

    @Test
    void writesNeedAnEditor() {
        String body = bundle("test-auth-" + UUID.randomUUID().toString().substring(0, 8));
        given().contentType("application/json").body(body).when().post("/api/import")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("editor", "wrong").contentType("application/json").body(body)
                .when().post("/api/import").then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic("mallory", "test-editor-password").contentType("application/json")
                .body(body).when().post("/api/import").then().statusCode(401);
        given().header("Authorization", "Basic not-base64!").contentType("application/json").body(body)
                .when().post("/api/import").then().statusCode(401);
    }

    @Test
    void namedEditorsAreRecordedInTheHistory() {
        String id = "test-alice-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().preemptive().basic("alice", "alice-password").contentType("application/json")
                .body(bundle(id)).when().post("/api/import").then().statusCode(200);
        given().when().get("/api/provisions/" + id + "/history")
                .then().statusCode(200).body("[0].recordedBy", is("alice"), "[0].origin", is("API"),
                        "[0].changeKind", is("CREATED"));
    }

    @Test
    void writesNeedIfMatchAndAStaleOneIsRefused() {
        String id = importSecondProvision();
        String path = "/api/provisions/" + id + "/events/2012-07-10-suspension";
        Response read = given().when().get(path);
        String etag = read.header("ETag");
        Map<String, Object> event = read.jsonPath().getMap("$");
        event.put("title", "Suspension renewed (corrected title)");

        asEditor().body(event).when().put(path)
                .then().statusCode(428).contentType("application/problem+json")
                .body("detail", containsString("If-Match"));
        String newTag = asEditor().header("If-Match", etag).body(event).when().put(path)
                .then().statusCode(200).body("title", is("Suspension renewed (corrected title)"))
                .extract().header("ETag");
        assertNotEquals(etag, newTag);
        event.put("title", "A second editor's edit based on the old version");
        asEditor().header("If-Match", etag).body(event).when().put(path)
                .then().statusCode(412).contentType("application/problem+json")
                .body("detail", containsString("someone changed it"));
        given().when().get(path).then().body("title", is("Suspension renewed (corrected title)"));
    }

    @Test
    void whatGetReturnsCanBePutBackUnchanged() {
        String id = importSecondProvision();
        Response read = given().when().get("/api/provisions/" + id);
        String etag = read.header("ETag");
        asEditor().header("If-Match", etag).body(read.asString()).when().put("/api/provisions/" + id)
                .then().statusCode(200).header("ETag", is(etag));
        given().when().get("/api/provisions/" + id + "/history").then().body("size()", is(1));
    }

    @Test
    void aWriteChangesTheTagsOfReadsSoCachedAnswersAreNotReused() {
        String id = importSecondProvision();
        String status = "/api/provisions/" + id + "/status?date=2016-02-15";
        String events = "/api/provisions/" + id + "/events";
        String statusTag = given().when().get(status).then().statusCode(200).extract().header("ETag");
        String eventsTag = given().when().get(events).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", statusTag).when().get(status).then().statusCode(304);
        String etag = given().when().get("/api/provisions/" + id).header("ETag");
        asEditor().header("If-Match", etag).body("""
            {"id": "2016-03-01-statement", "date": "2016-03-01", "type": "STATEMENT", "effect": "NONE",
             "legalEffect": false, "title": "A statement", "confidence": "SECONDARY",
             "sources": [{"title": "Fictional Daily", "url": "https://daily.example/2016/03", "kind": "secondary"}]}
            """).when().post(events).then().statusCode(201);
        given().header("If-None-Match", statusTag).when().get(status).then().statusCode(200)
                .header("ETag", not(statusTag));
        given().header("If-None-Match", eventsTag).when().get(events).then().statusCode(200)
                .header("ETag", not(eventsTag)).body("id", hasItem("2016-03-01-statement"));
    }

    @Test
    void addingAndRetractingEventsAppendsVersionsAndKeepsHistory() {
        String id = importSecondProvision();
        String etag = given().when().get("/api/provisions/" + id).header("ETag");
        String waiver = """
            {"id": "2016-02-01-suspension", "date": "2016-02", "type": "SUSPENSION", "effect": "SUSPEND",
             "legalEffect": true, "title": "Suspension, day unknown", "confidence": "SECONDARY",
             "sources": [{"title": "Fictional Daily", "url": "https://daily.example/2016/02", "kind": "secondary"}]}
            """;
        asEditor().header("If-Match", etag).body(waiver).when().post("/api/provisions/" + id + "/events")
                .then().statusCode(201).header("Location", containsString("/events/2016-02-01-suspension"));
        // The repeal of 2015 ended the provision, so a later suspension changes nothing: still not in force.
        assertEquals("NOT_IN_FORCE", state(id, "2016-02-15", "general"));

        String eventTag = given().when().get("/api/provisions/" + id + "/events/2016-02-01-suspension").header("ETag");
        asEditor().header("If-Match", eventTag).when().delete("/api/provisions/" + id + "/events/2016-02-01-suspension")
                .then().statusCode(204);
        given().when().get("/api/provisions/" + id + "/events/2016-02-01-suspension").then().statusCode(404);
        given().when().get("/api/provisions/" + id + "/history")
                .then().body("changeKind", is(List.of("CREATED", "EVENT_ADDED", "EVENT_RETRACTED")),
                        "[2].summary", containsString("2016-02-01-suspension"));
        given().when().get("/api/provisions/" + id + "/history/2")
                .then().statusCode(200).body("events.id", hasItem("2016-02-01-suspension"));
        asEditor().header("If-Match", etag).body(waiver).when().post("/api/provisions/" + id + "/events")
                .then().statusCode(412);
    }

    @Test
    void asOfAnswersAsTheRecordStoodThen() throws InterruptedException {
        String id = importSecondProvision();
        Instant beforeEdit = Instant.now();
        Thread.sleep(20);
        String path = "/api/provisions/" + id + "/events/2015-05-01-repeal";
        Response read = given().when().get(path);
        Map<String, Object> repeal = read.jsonPath().getMap("$");
        repeal.put("effectiveFrom", "2015-09-01");   // a corrected proclamation date
        asEditor().header("If-Match", read.header("ETag")).body(repeal).when().put(path).then().statusCode(200);

        assertEquals("IN_FORCE", state(id, "2015-08-15", "general"), "now: repeal effective 2015-09-01");
        given().queryParam("date", "2015-08-15").queryParam("asOf", beforeEdit.toString())
                .when().get("/api/provisions/" + id + "/status")
                .then().statusCode(200).body("state", is("NOT_IN_FORCE"), "asOf", is(beforeEdit.toString()));
        given().queryParam("asOf", beforeEdit.toString()).when().get("/api/provisions/" + id + "/events/2015-05-01-repeal")
                .then().body("effectiveFrom", is("2015-08-01"));
        given().queryParam("asOf", "2000-01-01").when().get("/api/provisions/" + id)
                .then().statusCode(404).body("detail", containsString("did not exist"));
    }

    @Test
    void anInvalidBundleWritesNothingAndListsEveryError() {
        String id = "test-bad-" + UUID.randomUUID().toString().substring(0, 8);
        String bad = bundle(id).replace("\"date\": \"2012-01-15\"", "\"date\": \"2012-02-30\"")
                .replace("\"confidence\": \"SECONDARY\"", "\"confidence\": \"PROBABLY\"")
                .replace("\"kind\": \"primary\"}]}\n      ]", "\"kind\": \"primary\"}]}\n      ], \"colour\": 1");
        asEditor().body(bad).when().post("/api/import")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.pointer", hasItem("/provisions/0/events/1/date"),
                        "errors.pointer", hasItem("/provisions/0/events/2/confidence"),
                        "errors.pointer", hasItem("/provisions/0/colour"));
        given().when().get("/api/provisions/" + id).then().statusCode(404);
        given().when().get("/api/provisions").then().body("id", not(hasItem(id)));
    }

    @Test
    void aBundleThatWouldOverwriteIsRefusedUnlessAsked() {
        String id = importSecondProvision();
        asEditor().body(bundle(id)).when().post("/api/import")
                .then().statusCode(409).body("detail", containsString("mode=replace"));
        asEditor().body(bundle(id)).when().post("/api/import?mode=replace")
                .then().statusCode(200).body("[0].outcome", is("unchanged"));
        asEditor().body(bundle(id)).when().post("/api/import?mode=merge").then().statusCode(400);
    }

    @Test
    void anEditTheEngineCannotComputeIsRefused() {
        String id = importSecondProvision();
        Response read = given().when().get("/api/provisions/" + id);
        asEditor().header("If-Match", read.header("ETag")).body(read.asString().replace("\"P6M\"", "\"P999999999Y\""))
                .when().put("/api/provisions/" + id)
                .then().statusCode(422).body("errors[0].pointer", is("/renewal"));
        given().when().get("/api/provisions").then().statusCode(200);
    }

    @Test
    void anEventEditIsCheckedAgainstTheWholeCurrentProvision() {
        String id = importSecondProvision();
        String eventPath = "/api/provisions/" + id + "/events/2014-03-01-energy-suspension";
        Response event = given().when().get(eventPath);
        // Another editor removes the 'energy' category the event uses (and the event with it) ...
        Response read = given().when().get("/api/provisions/" + id);
        String withoutEnergy = read.asString()
                .replace(",{\"id\":\"energy\",\"label\":\"Energy-sector credits\"}", "");
        Map<String, Object> doc = io.restassured.path.json.JsonPath.from(withoutEnergy).getMap("$");
        ((List<Map<String, Object>>) doc.get("events")).removeIf(e -> "2014-03-01-energy-suspension".equals(e.get("id")));
        asEditor().header("If-Match", read.header("ETag")).body(doc).when().put("/api/provisions/" + id)
                .then().statusCode(200);
        // ... so re-adding an event that uses it is refused, however recent the editor's copy of the event.
        String etag = given().when().get("/api/provisions/" + id).header("ETag");
        asEditor().header("If-Match", etag).body(event.asString()).when().post("/api/provisions/" + id + "/events")
                .then().statusCode(422);
    }

    @Test
    void malformedWriteBodiesAreProblems() {
        String id = importSecondProvision();
        String etag = given().when().get("/api/provisions/" + id).header("ETag");
        for (String body : List.of("", "{", "[]", "{\"id\": 5}", "null")) {
            asEditor().header("If-Match", etag).body(body).when().put("/api/provisions/" + id)
                    .then().statusCode(422).contentType("application/problem+json").body("detail", notNullValue());
        }
        asEditor().header("If-Match", etag).body(bundle("other-id").replace("{\n  \"provisions\": [", "")
                        .replaceFirst("]\\s*}\\s*$", ""))
                .when().put("/api/provisions/" + id).then().statusCode(422)
                .body("errors[0].pointer", is("/id"));
        asEditor().contentType("text/plain").body("x").when().post("/api/import").then().statusCode(415);
    }

    @Test
    void concurrentCreatesOfOneIdGiveOneWinnerAndNo500() throws Exception {
        for (int round = 0; round < 12; round++) {
            String id = "test-race-" + UUID.randomUUID().toString().substring(0, 8);
            String single = bundle(id).substring(bundle(id).indexOf('[') + 1, bundle(id).lastIndexOf(']'));
            var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
            try {
                List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String body = single.replace("Fictional Trade Restrictions Act", "Writer " + i);
                    results.add(pool.submit(() -> asEditor().body(body).when().post("/api/provisions").statusCode()));
                }
                List<Integer> codes = new java.util.ArrayList<>();
                for (var f : results) {
                    codes.add(f.get());
                }
                assertEquals(1, codes.stream().filter(c -> c == 201).count(), codes.toString());
                assertEquals(7, codes.stream().filter(c -> c == 409).count(), codes.toString());
            } finally {
                pool.shutdown();
            }
            given().when().get("/api/provisions/" + id + "/history").then().body("size()", is(1));
        }
    }

    @Test
    void theChangeFeedPagesWithACursor() {
        Instant start = Instant.now();
        String a = importSecondProvision();
        String b = importSecondProvision();
        String c = importSecondProvision();
        Response first = given().queryParam("since", start.toString()).queryParam("limit", 2)
                .when().get("/api/changes");
        first.then().statusCode(200).body("size()", is(2), "provisionId", is(List.of(a, b)));
        String link = first.header("Link");
        assertNotNull(link);
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        given().urlEncodingEnabled(false).when().get(next)
                .then().statusCode(200).body("provisionId", is(List.of(c)), "recordedBy", everyItem(is("editor")));
        given().queryParam("since", "yesterday-ish").when().get("/api/changes").then().statusCode(400);
    }
}
