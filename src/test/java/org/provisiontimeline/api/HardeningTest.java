package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.provisiontimeline.api.CurationTest.asEditor;
import static org.provisiontimeline.api.CurationTest.bundle;
import static org.provisiontimeline.api.CurationTest.importSecondProvision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 9: careless and hostile requests each get a 4xx problem naming what is wrong, never a 500, and never change
 * anything. Each test here failed on the code before the hardening.
 */
@QuarkusTest
class HardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The provision document of {@link CurationTest#bundle}, as a tree to spoil. */
    private static ObjectNode provision(String id) throws Exception {
        return (ObjectNode) JSON.readTree(bundle(id)).get("provisions").get(0);
    }

    private static String asBundle(ObjectNode provision) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("provisions").add(provision);
        return root.toString();
    }

    private static String etag(String id) {
        return given().when().get("/api/provisions/" + id).then().statusCode(200).extract().header("ETag");
    }

    // --- item 2: bodies, event counts and strings are bounded --------------------------------------------------

    /** POSTs {@code body} as an editor with java.net.http (much faster than RestAssured for megabytes). */
    static HttpResponse<String> postAsEditor(String path, HttpRequest.BodyPublisher body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "editor:test-editor-password".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code size} spaces, streamed: sent chunked, with no Content-Length to refuse it by. */
    private static HttpRequest.BodyPublisher chunkedSpaces(long size) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) ' ');
                left -= n;
                return n;
            }
        });
    }

    @ParameterizedTest
    @CsvSource({"/api/import, 16777216", "/api/provisions, 8388608"})
    void aBodyOverItsSizeLimitIs413NamingTheLimit(String path, long limit) throws Exception {
        for (HttpRequest.BodyPublisher body : List.of(chunkedSpaces(limit + 1),
                HttpRequest.BodyPublishers.ofByteArray(new byte[(int) limit + 1]))) {
            HttpResponse<String> r = postAsEditor(path, body);
            assertEquals(413, r.statusCode(), r.body());
            assertTrue(r.body().contains(limit + " bytes"), r.body());
        }
    }

    @Test
    void aProvisionWithTooManyEventsIs422NamingTheLimit() throws Exception {
        String id = "many-" + Long.toHexString(System.nanoTime());
        ObjectNode p = provision(id);
        ArrayNode events = p.putArray("events");
        for (int i = 0; i <= 20_000; i++) {
            ObjectNode e = events.addObject();
            e.put("id", "e-" + i).put("date", "2011-01-01").put("type", "STATEMENT").put("effect", "NONE")
                    .put("legalEffect", false).put("title", "t").put("confidence", "CONFIRMED");
            e.putArray("sources").addObject().put("title", "s").put("kind", "seed");
        }
        HttpResponse<String> r = postAsEditor("/api/import", HttpRequest.BodyPublishers.ofString(asBundle(p)));
        assertEquals(422, r.statusCode(), r.body());
        assertTrue(r.body().contains("20000") && r.body().contains("\"/provisions/0/events\""), r.body());
        given().when().get("/api/provisions/" + id).then().statusCode(404);
    }

    @Test
    void aStringOverTheLimitIs422NamingTheLimit() throws Exception {
        ObjectNode p = provision("long-" + Long.toHexString(System.nanoTime()));
        ((ObjectNode) p.get("events").get(0).get("sources").get(0)).put("url",
                "https://gazette.example/" + "a".repeat(30_000));
        asEditor().body(asBundle(p)).when().post("/api/import")
                .then().statusCode(422).body("detail", containsString("20000"),
                        "errors.pointer", hasItem("/provisions/0/events/0/sources/0/url"));
    }

    // --- item 3: a garbage Content-Type is a 415 problem, not a 500 -------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/provisions", "/api/provisions/us-fsa-907/events",
            "/api/provisions/us-fsa-907/timeline", "/api/provisions/us-fsa-907/status"})
    void aGarbageContentTypeIsA415Problem(String path) {
        given().header("Content-Type", "garbage").when().get(path)
                .then().statusCode(415).contentType("application/problem+json").body("status", is(415));
    }

    @Test
    void aGarbageContentTypeOnTheBatchIsA415Problem() {
        given().header("Content-Type", "garbage").body("date\n2024-01-01\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/provisions/us-fsa-907/status/batch")
                .then().statusCode(415).contentType("application/problem+json");
    }

    // --- item 5: an import that replaces needs the version the editor read ------------------------------------

    @Test
    void anImportThatReplacesNeedsTheCurrentVersionInIfMatch() throws Exception {
        String id = importSecondProvision();
        String read = etag(id);
        ObjectNode mine = provision(id).put("summary", "my import");
        // meanwhile another editor edits the provision
        asEditor().header("If-Match", read).body(provision(id).put("summary", "their edit").toString())
                .when().put("/api/provisions/" + id).then().statusCode(200);

        asEditor().body(asBundle(mine)).when().post("/api/import?mode=replace")
                .then().statusCode(428).contentType("application/problem+json").body("detail", containsString(id));
        asEditor().header("If-Match", read).body(asBundle(mine)).when().post("/api/import?mode=replace")
                .then().statusCode(412).contentType("application/problem+json").body("detail", containsString(id));
        given().when().get("/api/provisions/" + id).then().body("summary", is("their edit"));

        asEditor().header("If-Match", "\"other-v1\", " + etag(id)).body(asBundle(mine))
                .when().post("/api/import?mode=replace").then().statusCode(200).body("[0].outcome", is("written"));
        given().when().get("/api/provisions/" + id).then().body("summary", is("my import"));
    }

    // --- item 9: writes need Content-Type: application/json --------------------------------------------------

    @Test
    void aWriteWithoutContentTypeIs415AndWritesNothing() throws Exception {
        String id = "noct-" + Long.toHexString(System.nanoTime());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + RestAssured.port + "/api/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "editor:test-editor-password".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(bundle(id))).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        given().when().get("/api/provisions/" + id).then().statusCode(404);
    }

    // --- item 10: HTTP/1.0 without Host, a null body ------------------------------------------------------------

    @Test
    void http10WithoutHostIsAProblemNotA500() throws Exception {
        String response = RawHttp.send("GET /api/provisions HTTP/1.0\r\n\r\n");
        assertEquals(400, RawHttp.status(response), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT"})
    void aNullEventBodyIs422(String method) {
        String id = importSecondProvision();
        String path = method.equals("POST") ? "/api/provisions/" + id + "/events"
                : "/api/provisions/" + id + "/events/2010-01-01-enacted";
        String tag = method.equals("POST") ? etag(id)
                : given().when().get(path).then().extract().header("ETag");
        asEditor().header("If-Match", tag).body("null").when().request(method, path)
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("JSON object"));
    }

    // --- item 11: strict JSON types and characters ------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
        title is a number      | /provisions/0/title
        id is a boolean        | /provisions/0/id
        title holds NUL        | /provisions/0/title
        title holds RLO        | /provisions/0/title
        """)
    void scalarsAreNotCoercedAndControlCharactersAreRefused(String spoil, String pointer) throws Exception {
        String id = "strict-" + Long.toHexString(System.nanoTime());
        ObjectNode p = provision(id);
        switch (spoil) {
            case "title is a number" -> p.put("title", 12345);
            case "id is a boolean" -> p.put("id", true);
            case "title holds NUL" -> p.put("title", "a\u0000b");
            default -> p.put("title", "evil\u202Etxt.exe");
        }
        asEditor().body(asBundle(p)).when().post("/api/import")
                .then().statusCode(422).body("errors.pointer", hasItem(pointer));
        given().when().get("/api/provisions/" + id).then().statusCode(404);
        given().when().get("/api/provisions/true").then().statusCode(404);
    }

    // --- item 12: renewal counted in days too; four-digit years --------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        renewal        | P365000000D  | /provisions/0/renewal
        renewal        | P1200M1D     | /provisions/0/renewal
        checkedThrough | -0001-01-01  | /provisions/0/checkedThrough
        checkedThrough | +10000-01-01 | /provisions/0/checkedThrough
        """)
    void periodsAndDatesAreBounded(String field, String value, String pointer) throws Exception {
        ObjectNode p = provision("bound-" + Long.toHexString(System.nanoTime())).put(field, value);
        asEditor().body(asBundle(p)).when().post("/api/import")
                .then().statusCode(422).body("errors.pointer", hasItem(pointer));
    }

    // --- item 13: asOf in the future ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/provisions/us-fsa-907/status", "/api/provisions/us-fsa-907",
            "/api/provisions/us-fsa-907/timeline", "/api/provisions/us-fsa-907/events"})
    void aFutureAsOfIs400(String path) {
        given().queryParam("asOf", Instant.now().plus(1, ChronoUnit.DAYS).toString()).when().get(path)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", is("asOf"));
        given().queryParam("asOf", "2099-01-01").when().get(path).then().statusCode(400);
        given().queryParam("asOf", Instant.now().minusSeconds(1).toString()).when().get(path).then().statusCode(200);
    }

    // --- item 14: no internal class names in problems ----------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"provisions\": []} {\"more\": 1}",
        "{\"provisions\": [{\"id\": \"x1\", \"checkedThrough\": \"2024-13-01\"}]}",
        "{\"provisions\": [{\"id\": \"x1\", \"checkedThrough\": 20240101}]}",
        "{\"provisions\": [{\"id\": \"x1\", \"renewal\": \"twelve months\"}]}",
        "{\"provisions\": [{\"id\": \"x1\", \"events\": {\"a\": 1}}]}",
        "{\"provisions\": 1" })
    void problemsNameNoInternalClass(String body) {
        Response r = asEditor().body(body).when().post("/api/import");
        r.then().statusCode(422);
        String text = r.asString();
        for (String internal : List.of("com.fasterxml", "java.", "JsonNode", "Feature.", "Exception",
                "org.provisiontimeline")) {
            assertFalse(text.contains(internal), internal + " in " + text);
        }
    }

    // --- item 15: the HTTP layer's refusals are problem+json too -----------------------------------------------

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', textBlock = """
        GET /api/provisions HTTP/1.1\\r\\nConnection: close\\r\\n\\r\\n                       | 400
        GET * HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n                         | 404
        GET /api/LONG HTTP/1.1\\r\\nHost: x\\r\\nConnection: close\\r\\n\\r\\n                 | 414
        GET /api/provisions HTTP/1.1\\r\\nHost: x\\r\\nX-Big: BIG\\r\\nConnection: close\\r\\n\\r\\n | 431
        """)
    void httpLayerRefusalsAreProblems(String request, int status) throws Exception {
        String raw = request.replace("\\r\\n", "\r\n").replace("LONG", "a".repeat(5000))
                .replace("BIG", "b".repeat(30_000));
        String response = RawHttp.send(raw);
        assertEquals(status, RawHttp.status(response), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
    }

    // --- item 16: swagger-ui, Link, source URLs ----------------------------------------------------------------

    @Test
    void theSwaggerUiHasAPolicyAndCannotBeFramed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", is("DENY"));
    }

    @Test
    void theHostHeaderIsNotCopiedIntoLinks() throws Exception {
        String response = RawHttp.send("GET /api/provisions/us-fsa-907/events?limit=1 HTTP/1.1\r\n"
                + "Host: evil.example\r\nConnection: close\r\n\r\n");
        assertEquals(200, RawHttp.status(response), response);
        String link = response.lines().filter(l -> l.toLowerCase().startsWith("link:")).findFirst().orElseThrow();
        assertFalse(link.contains("evil.example"), link);
        assertTrue(link.contains("</api/provisions/us-fsa-907/events?"), link);
    }

    @Test
    void aSourceUrlWithAUserPartIsRefused() throws Exception {
        ObjectNode p = provision("userinfo-" + Long.toHexString(System.nanoTime()));
        ((ObjectNode) p.get("events").get(0).get("sources").get(0)).put("url", "http://gazette.example@evil.example/");
        asEditor().body(asBundle(p)).when().post("/api/import")
                .then().statusCode(422).body("errors.pointer", hasItem("/provisions/0/events/0/sources/0/url"));
    }

    // --- item 17: ASCII numbers, Accept q=0 ------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"\u0665", "\uFF11", "\u0661\u0660"})
    void nonAsciiDigitsAreRefused(String limit) {
        given().queryParam("limit", limit).when().get("/api/provisions/us-fsa-907/events")
                .then().statusCode(400).body("errors[0].parameter", is("limit"));
    }

    @Test
    void qZeroRulesAMediaTypeOut() {
        given().header("Accept", "text/csv, application/json;q=0")
                .when().get("/api/provisions/us-fsa-907/status?date=2024-06-01")
                .then().statusCode(406).contentType("application/problem+json");
        given().header("Accept", "text/csv, application/json;q=0")
                .when().get("/api/provisions/us-fsa-907/events")
                .then().statusCode(200).contentType(startsWith("text/csv"));
        given().header("Accept", "application/json;q=0").when().get("/api/provisions/us-fsa-907/events")
                .then().statusCode(406).contentType("application/problem+json");
        // the usual Accept of java.net.HttpURLConnection still works
        given().header("Accept", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")
                .when().get("/api/provisions/us-fsa-907/status?date=2024-06-01").then().statusCode(200);
        given().header("Accept", "garbage").when().get("/api/provisions/us-fsa-907/status")
                .then().statusCode(not(is(500))).contentType("application/problem+json");
    }
}
