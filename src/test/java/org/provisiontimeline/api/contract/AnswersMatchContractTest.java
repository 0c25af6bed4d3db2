package org.provisiontimeline.api.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Real answers against the schemas the served {@code /q/openapi} declares for them. Every operation in the document
 * is exercised (so endpoints added later are covered without touching this test): each GET with each media type it
 * declares, plus a few query variants; every operation with an unknown parameter, an unknown provision and, for
 * writes, without credentials; and one of each write. Each answer's status must be declared by its operation and its
 * body must validate against the declared schema.
 */
@QuarkusTest
class AnswersMatchContractTest {

    private static final String DOC = "https://provision-timeline.test/openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Query variants worth validating beyond the bare call: they reach nulls, other states and filters. */
    private static final Map<String, List<String>> VARIANTS = Map.of(
            "/api/provisions/{id}/status", List.of("date=2024-06-01", "date=2023-08-01", "date=1990-01-01",
                    "date=2010-06-01", "date=2024-06-01&category=humanitarian", "date=2024-06-01&asOf=2026-01-01"),
            "/api/provisions/{id}/timeline", List.of("from=2022&to=2025", "from=1992&to=1992", "category=humanitarian"),
            "/api/provisions/{id}/events", List.of("type=WAIVER_EXTENSION", "from=2023&to=2024&legalEffect=false",
                    "limit=2"),
            "/api/provisions", List.of("limit=1"),
            "/api/changes", List.of("limit=2", "since=2026-01-01"));

    private JsonNode document;
    private SchemaRegistry registry;
    private int validated;
    private final List<String> failures = new ArrayList<>();

    @Test
    void everyAnswerMatchesItsDeclaredSchema() throws IOException {
        String text = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        document = JSON.readTree(text);
        registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOC, text)));
        String eventId = given().get("/api/provisions/us-fsa-907/events?limit=1").then().statusCode(200)
                .extract().path("[0].id");
        Map<String, String> ids = Map.of("id", "us-fsa-907", "eventId", eventId, "versionNo", "1");

        Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        int operations = 0;
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                Map.Entry<String, JsonNode> op = ops.next();
                operations++;
                String method = op.getKey().toUpperCase();
                String url = fill(path.getKey(), ids);
                if (method.equals("GET")) {
                    for (String type : successTypes(op.getValue())) {
                        check(method, path.getKey(), op.getValue(), given().accept(type), url);
                        for (String query : VARIANTS.getOrDefault(path.getKey(), List.of())) {
                            check(method, path.getKey(), op.getValue(), given().accept(type), url + "?" + query);
                        }
                    }
                }
                check(method, path.getKey(), op.getValue(), editor(), url + "?no-such-parameter=1");
                if (path.getKey().contains("{id}")) {
                    check(method, path.getKey(), op.getValue(), editor(),
                            fill(path.getKey(), Map.of("id", "no-such-provision", "eventId", eventId, "versionNo", "1")));
                }
                if (op.getValue().has("security") && !op.getValue().get("security").isEmpty()) {
                    check(method, path.getKey(), op.getValue(), given().contentType("application/json").body("{}"),
                            url);
                }
            }
        }
        writes();
        System.out.printf("OpenAPI contract: %d of %d answers valid against their declared schemas "
                + "(%d operations)%n", validated - failures.size(), validated, operations);
        assertTrue(failures.isEmpty(), failures.size() + " of " + validated + " answers break the contract:\n"
                + String.join("\n", failures));
        assertTrue(validated > 3 * operations, "too few answers checked: " + validated);
    }

    /** One of each write, on a provision of its own, with the answers validated like the reads. */
    private void writes() throws IOException {
        String id = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode ops = document.get("paths");
        check("POST", "/api/import", ops.at("/~1api~1import/post"), editor().body(bundle(id)), "/api/import");
        String base = "/api/provisions/" + id;
        String eventsPath = "/api/provisions/{id}/events/{eventId}";
        Response event = given().get(base + "/events/2010-01-01-enacted");
        ObjectNode body = (ObjectNode) JSON.readTree(event.asString());
        body.put("summary", "Edited through the contract test");
        check("PUT", eventsPath, ops.at("/~1api~1provisions~1{id}~1events~1{eventId}/put"),
                editor().header("If-Match", event.header("ETag")).body(body.toString()),
                base + "/events/2010-01-01-enacted");
        check("PUT", eventsPath, ops.at("/~1api~1provisions~1{id}~1events~1{eventId}/put"),
                editor().header("If-Match", "\"stale\"").body(body.toString()), base + "/events/2010-01-01-enacted");
        check("PUT", eventsPath, ops.at("/~1api~1provisions~1{id}~1events~1{eventId}/put"),
                editor().body(body.toString()), base + "/events/2010-01-01-enacted");
        Response provision = given().get(base);
        ObjectNode document = (ObjectNode) JSON.readTree(provision.asString());
        document.put("summary", "Replaced through the contract test");
        check("PUT", "/api/provisions/{id}", ops.at("/~1api~1provisions~1{id}/put"),
                editor().header("If-Match", provision.header("ETag")).body(document.toString()), base);
        ObjectNode created = (ObjectNode) JSON.readTree(bundle(id + "-b")).get("provisions").get(0);
        check("POST", "/api/provisions", ops.at("/~1api~1provisions/post"), editor().body(created.toString()),
                "/api/provisions");
        check("POST", "/api/provisions", ops.at("/~1api~1provisions/post"), editor().body(created.toString()),
                "/api/provisions");
        created.put("checkedThrough", "not a date");
        check("POST", "/api/provisions", ops.at("/~1api~1provisions/post"),
                editor().body(created.toString()), "/api/provisions");
        Response sibling = given().get("/api/provisions/" + id + "-b/events/2010-01-01-enacted");
        check("DELETE", eventsPath, ops.at("/~1api~1provisions~1{id}~1events~1{eventId}/delete"),
                editor().header("If-Match", sibling.header("ETag")), "/api/provisions/" + id + "-b/events/2010-01-01-enacted");
        JsonNode batch = ops.at("/~1api~1provisions~1{id}~1status~1batch/post");
        check("POST", "batch", batch, given().contentType("text/csv").accept("text/csv")
                .body("date,note\n2024-06-01,a\n2023-08-01,b\nnot-a-date,c\n"), "/api/provisions/us-fsa-907/status/batch");
        check("POST", "batch", batch, given().contentType("application/json").accept("application/json")
                .body("{\"dates\": [\"2024-06-01\", \"2023-08-01\", \"2024-02-30\", null]}"),
                "/api/provisions/us-fsa-907/status/batch");
        check("POST", "batch", batch, given().contentType("application/json").accept("application/json")
                .body("{\"dates\": [\"2024-02-30\"]}"), "/api/provisions/us-fsa-907/status/batch?strict=true");
    }

    private void check(String method, String path, JsonNode operation, RequestSpecification request, String url) {
        Response response = request.redirects().follow(false).request(method, url);
        String where = method + " " + url + " -> " + response.statusCode();
        validated++;
        JsonNode declared = operation.path("responses").path(Integer.toString(response.statusCode()));
        if (declared.isMissingNode()) {
            failures.add(where + ": status not declared by " + method + " " + path);
            return;
        }
        declared = resolve(declared);
        String type = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        JsonNode content = declared.path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            if (!response.asString().isEmpty()) {
                failures.add(where + ": a body where the contract declares none");
            }
            return;
        }
        JsonNode media = content.path(type);
        if (media.isMissingNode()) {
            failures.add(where + ": media type '" + type + "' not declared (declared: " + names(content) + ")");
            return;
        }
        for (String header : names(declared.path("headers"))) {
            // Link is sent only when there is a next page; the others always.
            if ((header.equals("ETag") || header.equals("Dataset-Version")) && response.header(header) == null) {
                failures.add(where + ": declared header " + header + " missing");
            }
        }
        JsonNode schema = media.path("schema");
        if (type.startsWith("image/") || type.contains("spreadsheetml")) {
            // Binary downloads (format: binary): the schema says only "a file"; check it is the declared kind.
            byte[] bytes = response.asByteArray();
            boolean looksRight = type.startsWith("image/svg") ? response.asString().contains("<svg")
                    : bytes.length > 2 && bytes[0] == 'P' && bytes[1] == 'K';
            if (!looksRight || !schema.path("format").asText().equals("binary")) {
                failures.add(where + ": body is not " + type + " or not declared as a binary string");
            }
            return;
        }
        try {
            JsonNode body = type.startsWith("text/") ? JSON.getNodeFactory().textNode(response.asString())
                    : JSON.readTree(response.asString());
            Schema validator = registry.getSchema(SchemaLocation.of("urn:answer:" + validated), absolute(schema));
            List<Error> errors = validator.validate(body);
            if (!errors.isEmpty()) {
                failures.add(where + ": " + errors.stream().limit(5).map(Error::toString).toList());
            }
        } catch (IOException e) {
            failures.add(where + ": body is not " + type + ": " + e.getMessage());
        }
    }

    /** The schema with its {@code #/…} references made absolute, pointing into the registered document. */
    private static JsonNode absolute(JsonNode schema) {
        JsonNode copy = schema.deepCopy();
        rewrite(copy);
        return copy;
    }

    private static void rewrite(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith("#/")) {
                object.put("$ref", DOC + ref.asText());
            }
            object.elements().forEachRemaining(AnswersMatchContractTest::rewrite);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(AnswersMatchContractTest::rewrite);
        }
    }

    private JsonNode resolve(JsonNode response) {
        JsonNode ref = response.get("$ref");
        return ref == null ? response : document.at(ref.asText().substring(1));
    }

    private static List<String> successTypes(JsonNode operation) {
        JsonNode ok = operation.path("responses").path("200").path("content");
        return ok.isMissingNode() ? List.of("*/*") : names(ok);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String fill(String template, Map<String, String> values) {
        String url = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            url = url.replace("{" + v.getKey() + "}", v.getValue());
        }
        return url;
    }

    private static RequestSpecification editor() {
        return given().auth().preemptive().basic("editor", "test-editor-password").contentType("application/json");
    }

    private static String bundle(String id) {
        try (InputStream in = AnswersMatchContractTest.class.getResourceAsStream("/second-provision.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("PROVISION_ID", id);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every query parameter the document advertises is one its operation knows: sent alone, it is never refused as
     * unknown (it may still be refused as invalid, or the request for other reasons). Bodies are empty or invalid,
     * so nothing is written.
     */
    @Test
    void noAdvertisedParameterIsRefusedAsUnknown() throws IOException {
        JsonNode doc = JSON.readTree(given().accept("application/json").get("/q/openapi").asString());
        String eventId = given().get("/api/provisions/us-fsa-907/events?limit=1").then().extract().path("[0].id");
        Map<String, String> ids = Map.of("id", "us-fsa-907", "eventId", eventId, "versionNo", "1");
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if (!p.path("in").asText().equals("query")) {
                        continue;
                    }
                    String name = p.path("name").asText();
                    RequestSpecification request = editor();
                    JsonNode bodies = op.getValue().path("requestBody").path("content");
                    if (!bodies.isMissingNode()) {
                        String type = names(bodies).get(0);
                        request = request.contentType(type).body(type.startsWith("text/") ? "date\n2024-06-01\n" : "{}");
                    }
                    String value = p.has("example") ? p.get("example").asText() : "x";
                    Response response = request.queryParam(name, value)
                            .request(op.getKey().toUpperCase(), fill(path.getKey(), ids));
                    checked++;
                    if (response.asString().contains("/problems/unknown-parameter")) {
                        refused.add(op.getKey().toUpperCase() + " " + path.getKey() + " ?" + name);
                    }
                }
            }
        }
        System.out.printf("OpenAPI contract: %d advertised query parameters, %d refused as unknown%n", checked,
                refused.size());
        assertEquals(List.of(), refused);
        assertTrue(checked > 20, "too few parameters checked: " + checked);
    }

    /** The client is generated from the document stored at build time; it must be the one analysts download. */
    @Test
    void theServedDocumentIsTheStoredOne() throws IOException {
        JsonNode served = JSON.readTree(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString());
        assertEquals(JSON.readTree(java.nio.file.Files.readString(java.nio.file.Path.of("target/openapi/openapi.json"))),
                served);
    }

    @Test
    void theValidatorCatchesAnAnswerThatBreaksItsSchema() throws IOException {
        String text = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().asString();
        SchemaRegistry r = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(DOC, text)));
        Schema status = r.getSchema(SchemaLocation.of("urn:status"),
                JSON.readTree("{\"$ref\": \"" + DOC + "#/components/schemas/StatusAnswer\"}"));
        ObjectNode answer = (ObjectNode) JSON.readTree(given().get("/api/provisions/us-fsa-907/status?date=2024-06-01")
                .asString());
        assertEquals(List.of(), status.validate(answer));
        answer.putObject("since").put("text", "2023-06-21/2023-10-01");   // the old contract's shape
        assertFalse(status.validate(answer).isEmpty(), "a partial date as an object must be refused");
        answer.put("since", "June 2023");
        answer.putNull("state");
        assertTrue(status.validate(answer).size() >= 1, "an impossible pattern and a null state must be refused");
    }
}
