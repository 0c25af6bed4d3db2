package org.provisiontimeline.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Lints the OpenAPI document the build stored ({@code target/openapi/openapi.json}, the one the client is generated
 * from and the one served): it must parse as OpenAPI 3.1 without messages, every schema in it must be a valid JSON
 * Schema 2020-12, and it must keep the house rules that make generated clients usable. Covers every operation in
 * the document, so a new endpoint without an operationId, tag or problem answers fails here by name.
 */
class ContractLintTest {

    private static final Path STORED = Path.of("target/openapi/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void theDocumentIsCleanOpenApi31() throws IOException {
        String text = Files.readString(STORED);
        assertEquals(List.of(), violations(text));
    }

    @Test
    void theLintFailsOnABrokenDocument() throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(Files.readString(STORED));
        ObjectNode status = (ObjectNode) doc.at("/paths/~1api~1provisions~1{id}~1status/get");
        status.remove("operationId");
        ((ObjectNode) doc.at("/components/schemas/PartialDate")).put("type", "strng");
        ((ObjectNode) status.get("responses")).remove("404");
        ((ObjectNode) doc.at("/paths/~1api~1provisions~1{id}~1timeline.csv/get/responses/200/content/text~1csv"))
                .putObject("schema").put("type", "object");
        doc.put("openapi", "3.0.3");
        List<String> violations = violations(doc.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("operationId")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("PartialDate")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("404")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("text/csv")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("3.1")), violations.toString());
    }

    static List<String> violations(String text) throws IOException {
        List<String> out = new ArrayList<>();
        JsonNode doc = JSON.readTree(text);
        if (!doc.path("openapi").asText().startsWith("3.1")) {
            out.add("openapi: not 3.1 but " + doc.path("openapi").asText());
        }
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var parsed = new OpenAPIParser().readContents(text, null, options);
        if (parsed.getMessages() != null) {
            parsed.getMessages().forEach(m -> out.add("OpenAPI 3.1: " + m));
        }
        schemas(doc, out);
        operations(doc, out);
        return out;
    }

    /** Every Schema Object, anywhere in the document, must be a valid JSON Schema 2020-12 (OpenAPI 3.1's dialect). */
    private static void schemas(JsonNode doc, List<String> out) {
        Schema meta = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        walk(doc, "", (pointer, schema) -> meta.validate(schema)
                .forEach(e -> out.add("schema " + pointer + ": " + e.getMessage())));
    }

    private interface SchemaVisitor {
        void visit(String pointer, JsonNode schema);
    }

    private static void walk(JsonNode node, String pointer, SchemaVisitor visitor) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String here = pointer + "/" + f.getKey();
                if (f.getKey().equals("schema") && f.getValue().isObject()) {
                    visitor.visit(here, f.getValue());
                } else if (pointer.equals("/components/schemas")) {
                    visitor.visit(here, f.getValue());
                } else {
                    walk(f.getValue(), here, visitor);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, visitor);
            }
        }
    }

    /** The rules a generated client depends on. */
    private static void operations(JsonNode doc, List<String> out) {
        Set<String> tags = new HashSet<>();
        doc.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        Set<String> ids = new HashSet<>();
        doc.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode o = op.getValue();
            String id = o.path("operationId").asText("");
            if (id.isEmpty()) {
                out.add(where + ": no operationId (add it to Operations)");
            } else if (!ids.add(id)) {
                out.add(where + ": operationId " + id + " used twice");
            }
            if (o.path("tags").size() != 1 || !tags.contains(o.path("tags").path(0).asText())) {
                out.add(where + ": needs exactly one tag declared in the document's tags, has " + o.path("tags"));
            }
            if (o.path("summary").asText("").isBlank()) {
                out.add(where + ": no summary");
            }
            JsonNode responses = o.path("responses");
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            for (String required : List.of("400", "500")) {
                if (!statuses.contains(required)) {
                    out.add(where + ": does not declare " + required + " (every operation refuses unknown parameters)");
                }
            }
            if (path.getKey().contains("{") && !statuses.contains("404")) {
                out.add(where + ": has path parameters but does not declare 404");
            }
            boolean secured = o.path("security").size() > 0;
            if (secured && !(statuses.contains("401") && statuses.contains("403"))) {
                out.add(where + ": a write must declare 401 and 403");
            }
            if (!op.getKey().equals("get") && !path.getKey().endsWith("/batch") && !secured) {
                out.add(where + ": a write without the editor security requirement");
            }
            for (String status : statuses) {
                JsonNode r = responses.get(status);
                if (status.startsWith("4") || status.startsWith("5")) {
                    JsonNode resolved = r.has("$ref") ? doc.at(r.get("$ref").asText().substring(1)) : r;
                    JsonNode schema = resolved.path("content").path("application/problem+json").path("schema");
                    if (!schema.path("$ref").asText().endsWith("/Problem")) {
                        out.add(where + ": " + status + " is not application/problem+json with the Problem schema");
                    }
                }
                r.path("content").fields().forEachRemaining(media -> {
                    if (media.getKey().startsWith("text/")
                            && !media.getValue().path("schema").path("type").asText().equals("string")) {
                        out.add(where + ": " + status + " " + media.getKey() + " must be a string schema");
                    }
                });
            }
            o.path("parameters").forEach(p -> {
                if (p.path("name").asText().equals("If-Match")) {
                    // Import's If-Match depends on a parameter (only mode=replace needs it): the contract says so.
                    boolean conditional = p.has("x-required-when");
                    if (!(p.path("required").asBoolean() || conditional) || !statuses.contains("412")
                            || !statuses.contains("428")) {
                        out.add(where + ": If-Match must be required, with 412 and 428 declared");
                    }
                }
                if (p.path("schema").isMissingNode()) {
                    out.add(where + ": parameter " + p.path("name").asText() + " has no schema");
                }
            });
        }));
        if (text(doc).contains("StreamingOutput")) {
            out.add("a Java type (StreamingOutput) leaks into the contract");
        }
    }

    private static String text(JsonNode doc) {
        return doc.toString();
    }
}
