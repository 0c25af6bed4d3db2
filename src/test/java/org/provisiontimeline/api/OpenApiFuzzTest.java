package org.provisiontimeline.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Walks the OpenAPI document the application serves and sends hostile values to every parameter (path, query,
 * header) and hostile bodies to every operation that takes one, as an editor so that validation is reached. Every
 * answer must be below 500, and every refusal a problem+json naming no internal class. The request count and the
 * status histogram are printed and written to {@code target/fuzz-report.txt}.
 *
 * <p>It knows nothing about the API but the document: operations, parameters and media types all come from
 * {@code /q/openapi}, so a new endpoint is fuzzed as soon as it is published there.
 */
@QuarkusTest
class OpenApiFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = "Basic " + Base64.getEncoder()
            .encodeToString("editor:test-editor-password".getBytes(StandardCharsets.UTF_8));

    /** The classes of hostile value of issue 9; "raw:" values are sent without percent-encoding. */
    static final List<String> HOSTILE_VALUES = List.of(
            "", " ", "null", "true", "[]", "{}", "0", "-1", "1.5", "1e400", "99999999999999999999", "9".repeat(5000),
            "\u0665", "\uFF11", "\u0661\u0660", "x".repeat(3000), "\u0000", "\r\nX-Forged: 1", "\u202Eevil",
            "\uD83D\uDE00", "<script>alert(1)</script>", "' OR '1'='1", "../../../etc/passwd", "raw:%2e%2e%2f",
            "raw:%FF%FE", "raw:%", "raw:%C0%AF", "*", "a,b", "2024-02-30", "2024-13-01", "+999999999-12-31",
            "-0001-01-01", "+10000-01-01", "2099-01-01", "2099-01-01T00:00:00Z", "2024-06-01T25:00:00Z", "P365000000D",
            "W/\"x\"", "\"unterminated", "us-fsa-907\u0000", "US-FSA-907", "general\u200B");

    static final List<String> HOSTILE_BODIES = List.of(
            "", "null", "[]", "{}", "1", "\"text\"", "true", "{\"a\":", "{\"a\":1}{\"b\":2}", "9".repeat(5000),
            "[".repeat(5000) + "]".repeat(5000), "{\"id\": true}", "{\"id\": \"x\u0000y\"}",
            "{\"provisions\": null}", "{\"provisions\": [null]}", "{\"provisions\": [1, \"a\", []]}",
            "{\"dates\": null}", "{\"dates\": [\"" + "9".repeat(100_000) + "\"]}", "{\"dates\": [1, true, {}]}",
            "{\"title\": 12345, \"renewal\": \"P365000000D\", \"checkedThrough\": \"+10000-01-01\"}",
            "\uFEFF{}", "date\r\n2024-13-01\r\n", "\"" + "a".repeat(1_000_000) + "\"");

    static final List<String> HOSTILE_MEDIA_TYPES = List.of("garbage", "text/plain", "application/json; charset=ebcdic",
            "application/x-www-form-urlencoded", "*/*", "application/*", "multipart/form-data; boundary=x", ";;;");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, Integer> histogram = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void noHostileRequestGetsA5xxOrANonProblemError() throws Exception {
        JsonNode doc = JSON.readTree(given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
        Map<String, String> baseline = baselinePathValues();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD").contains(method)) {
                    continue;
                }
                operations++;
                fuzz(method, path.getKey(), parameters(path.getValue(), op.getValue()), op.getValue(), baseline);
            }
        }
        String report = "OpenAPI fuzz: " + operations + " operations, " + requests + " requests, statuses "
                + histogram;
        System.out.println(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-report.txt"), report + "\n" + String.join("\n", failures) + "\n");
        assertTrue(operations >= 10, "the document lists the operations: " + operations);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers, first: "
                + failures.subList(0, Math.min(20, failures.size())));
    }

    /** Path-level and operation-level parameters: name → location. */
    private static Map<String, String> parameters(JsonNode pathItem, JsonNode operation) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode p : list) {
                out.put(p.path("name").asText(), p.path("in").asText());
            }
        }
        return out;
    }

    /** Real ids, so a hostile value in one parameter is not masked by a 404 from another. */
    private static Map<String, String> baselinePathValues() {
        String eventId = given().when().get("/api/provisions/us-fsa-907/events?limit=1").then().statusCode(200)
                .extract().path("[0].id");
        return Map.of("id", "us-fsa-907", "eventId", eventId, "versionNo", "1");
    }

    private void fuzz(String method, String template, Map<String, String> params, JsonNode operation,
                      Map<String, String> baseline) throws Exception {
        List<String> mediaTypes = new ArrayList<>();
        operation.path("requestBody").path("content").fieldNames().forEachRemaining(mediaTypes::add);
        String defaultType = mediaTypes.isEmpty() ? null : mediaTypes.get(0);
        String defaultBody = defaultType == null ? null : defaultType.contains("csv") ? "date\r\n2024-06-01\r\n" : "{}";
        for (Map.Entry<String, String> target : params.entrySet()) {
            for (String value : HOSTILE_VALUES) {
                Map<String, String> query = new LinkedHashMap<>();
                Map<String, String> headers = new LinkedHashMap<>();
                Map<String, String> pathValues = new LinkedHashMap<>(baseline);
                switch (target.getValue()) {
                    case "path" -> pathValues.put(target.getKey(), value);
                    case "query" -> query.put(target.getKey(), value);
                    case "header" -> headers.put(target.getKey(), value.startsWith("raw:") ? value.substring(4) : value);
                    default -> { continue; }
                }
                send(method, template, pathValues, query, headers, defaultType, defaultBody);
            }
        }
        // an unknown parameter and a repeated one
        send(method, template, baseline, Map.of("unknown", "1"), Map.of(), defaultType, defaultBody);
        for (String accept : List.of("application/json", "text/csv", "application/xml", "garbage",
                "text/csv, application/json;q=0", "*/*;q=0")) {
            send(method, template, baseline, Map.of(), Map.of("Accept", accept), defaultType, defaultBody);
        }
        if (operation.has("requestBody")) {
            for (String type : mediaTypes) {
                for (String body : HOSTILE_BODIES) {
                    send(method, template, baseline, Map.of(), Map.of(), type, body);
                }
            }
            for (String type : HOSTILE_MEDIA_TYPES) {
                send(method, template, baseline, Map.of(), Map.of(), type, defaultBody);
            }
            send(method, template, baseline, Map.of(), Map.of(), null, defaultBody);
        } else {
            send(method, template, baseline, Map.of(), Map.of("Content-Type", "garbage"), null, null);
        }
    }

    private void send(String method, String template, Map<String, String> pathValues, Map<String, String> query,
                      Map<String, String> headers, String contentType, String body) throws Exception {
        String path = template;
        for (Map.Entry<String, String> p : pathValues.entrySet()) {
            path = path.replace("{" + p.getKey() + "}", encode(p.getValue(), true));
        }
        StringBuilder uri = new StringBuilder("http://127.0.0.1:" + RestAssured.port + path);
        char sep = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            uri.append(sep).append(q.getKey()).append('=').append(encode(q.getValue(), false));
            sep = '&';
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(30));
            request.header("Authorization", EDITOR);
            for (Map.Entry<String, String> h : headers.entrySet()) {
                request.header(h.getKey(), h.getValue());
            }
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
        } catch (IllegalArgumentException clientRefuses) {
            return;   // a value java.net.http will not put on the wire (CR LF in a header): nothing to learn
        }
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpResponse<String> response = http.send(request.method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
        requests++;
        int status = response.statusCode();
        histogram.merge(status, 1, Integer::sum);
        String what = method + " " + uri + " " + headers + " " + (contentType == null ? "" : contentType + " ")
                + (body == null ? "" : "body " + abbreviate(body));
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (status >= 500) {
            failures.add(status + " for " + what + ": " + abbreviate(response.body()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(status + " without problem+json (" + type + ") for " + what);
        } else if (status >= 400 && (response.body().contains("Exception") || response.body().contains("com.fasterxml")
                || response.body().contains("org.provisiontimeline") || response.body().contains("java."))) {
            failures.add(status + " names an internal class for " + what + ": " + abbreviate(response.body()));
        }
    }

    private static String encode(String value, boolean pathSegment) {
        if (value.startsWith("raw:")) {
            return value.substring(4);
        }
        String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return pathSegment ? encoded.replace("+", "%20") : encoded;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…(" + s.length() + " chars)";
    }
}
