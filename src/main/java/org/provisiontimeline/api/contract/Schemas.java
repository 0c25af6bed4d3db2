package org.provisiontimeline.api.contract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The answer shapes as they are on the wire. Jackson writes every property, {@code null} included, so a property is
 * either always a value ({@link #REQUIRED}: the validator or the engine guarantees it) or may be {@code null}, which
 * OpenAPI 3.1 says with {@code type: [x, "null"]} (or {@code anyOf} with a {@code null} for a {@code $ref}). A schema
 * missing from {@link #REQUIRED} (one added later) gets every property nullable: weaker, never false.
 */
final class Schemas {

    static final String PARTIAL_DATE = "PartialDate";

    /** The same grammar as {@code PartialDate.parse}: year, month, day or day range, optional trailing {@code ~}. */
    static final String PARTIAL_DATE_PATTERN = "^\\d{4}(-\\d{2}(-\\d{2}(/\\d{4}-\\d{2}-\\d{2})?)?)?~?$";

    /** Per answer schema, the properties that are always present with a value. */
    static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry("ActionDates", Set.of()),
            Map.entry("Category", Set.of("id")),
            Map.entry("CoverageGap", Set.of("from", "to", "note")),
            Map.entry("CurrentStatus", Set.of("date", "state", "confidence")),
            Map.entry("Detail", Set.of("id", "title", "shortTitle", "citation", "jurisdiction", "target",
                    "restriction", "categories", "coverage", "checkedThrough", "events", "datasetVersion",
                    "versionNo", "recordedAt")),
            Map.entry("Event", Set.of("id", "date", "type", "effect", "legalEffect", "title", "categories",
                    "sources", "confidence")),
            Map.entry("GoverningEvent", Set.of("id", "date", "type", "confidence", "role", "derived")),
            Map.entry("ImportResult", Set.of("id", "outcome", "versionNo", "datasetVersion")),
            Map.entry("Instrument", Set.of()),
            Map.entry("Interval", Set.of("state", "confidence", "eventIds", "candidates")),
            Map.entry("QuotedText", Set.of("quote", "source")),
            Map.entry("Source", Set.of("title", "kind")),
            Map.entry("StatusAnswer", Set.of("provisionId", "date", "category", "state", "confidence",
                    "explanation", "governingEvents", "candidates", "warnings", "checkedThrough", "sources",
                    "datasetVersion")),
            Map.entry("Summary", Set.of("id", "title", "shortTitle", "citation", "jurisdiction", "target",
                    "checkedThrough", "datasetVersion", "eventCount", "current")),
            Map.entry("TimelineView", Set.of("provisionId", "category", "checkedThrough", "datasetVersion",
                    "intervals")),
            Map.entry("VersionView", Set.of("seq", "provisionId", "versionNo", "recordedAt", "recordedBy",
                    "origin", "changeKind", "datasetVersion")));

    /** String properties whose value set is fixed, with that set. */
    private static final Map<String, Map<String, Object>> ENUMS = Map.of(
            "CurrentStatus", Map.of("state", "State", "confidence", "Confidence"),
            "VersionView", Map.of("origin", List.of("DATA_FILE", "API"),
                    "changeKind", List.of("CREATED", "REPLACED", "EVENT_ADDED", "EVENT_REPLACED", "EVENT_RETRACTED")),
            "ImportResult", Map.of("outcome", List.of("written", "unchanged")));

    /** Set by the server, ignored when an editor sends the document back. */
    private static final Set<String> DETAIL_READ_ONLY = Set.of("datasetVersion", "versionNo", "recordedAt");

    /** Schemas this class writes itself, with their optional (absent, never null) members. */
    private static final Set<String> OWN = Set.of("Problem", "ProblemError", "BatchRequest", "BatchAnswer",
            "DateStatus", "ImportBundle", "ExportBundle");

    private Schemas() {
    }

    static void declare(Components components) {
        Map<String, Schema> schemas = components.getSchemas() == null ? new LinkedHashMap<>()
                : new LinkedHashMap<>(components.getSchemas());
        schemas.remove("StreamingOutput");   // a Java type; CSV bodies are declared as strings
        schemas.remove("Precision");         // only the Java PartialDate had it; on the wire a partial date is text
        schemas.put(PARTIAL_DATE, partialDate());
        schemas.put("Problem", problem());
        schemas.put("ProblemError", problemError());
        schemas.put("BatchRequest", batchRequest());
        schemas.put("BatchAnswer", batchAnswer());
        schemas.put("DateStatus", dateStatus());
        schemas.put("ImportBundle", object(Map.of("provisions", array(ref("Detail"))), "provisions")
                .description("A bundle in the shape of data/*.json; the read-only members of each provision are "
                        + "ignored"));
        // The backup copies the stored documents as they are: the data-file shape, without the members the server
        // adds to a Detail (datasetVersion, versionNo, recordedAt), so a Detail schema would call them missing.
        schemas.put("ExportBundle", object(Map.of("provisions", array(OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT).description("a provision document as in data/*.json: a Detail "
                        + "without datasetVersion, versionNo and recordedAt"))), "provisions")
                .description("Every provision, in the shape POST /api/import takes"));
        ENUMS.forEach((name, fields) -> {
            Schema s = schemas.get(name);
            if (s != null && s.getProperties() != null) {
                fields.forEach((field, values) -> {
                    if (s.getProperties().containsKey(field)) {
                        s.addProperty(field, values instanceof String r ? ref(r)
                                : string().enumeration(new ArrayList<>((List<?>) values)));
                    }
                });
            }
        });
        Schema detail = schemas.get("Detail");
        if (detail != null && detail.getProperties() != null) {
            DETAIL_READ_ONLY.forEach(f -> {
                if (detail.getProperties().containsKey(f)) {
                    detail.getProperties().get(f).setReadOnly(true);
                }
            });
        }
        schemas.forEach((name, schema) -> {
            if (!OWN.contains(name) && schema.getProperties() != null) {
                nullability(schema, REQUIRED.getOrDefault(name, Set.of()));
            }
        });
        components.setSchemas(schemas);
    }

    private static void nullability(Schema schema, Set<String> required) {
        List<String> present = new ArrayList<>();
        Map<String, Schema> properties = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            if (required.contains(name)) {
                present.add(name);
                properties.put(name, property);
            } else {
                properties.put(name, nullable(property));
            }
        });
        schema.setProperties(properties);
        schema.setRequired(present.isEmpty() ? null : present);
    }

    /** The same schema, also admitting {@code null}. */
    static Schema nullable(Schema s) {
        if (s.getRef() != null) {
            return OASFactory.createSchema().anyOf(List.of(ref(s.getRef()),
                    OASFactory.createSchema().addType(SchemaType.NULL)));
        }
        if (s.getType() != null && !s.getType().isEmpty() && !s.getType().contains(SchemaType.NULL)) {
            s.addType(SchemaType.NULL);
            if (s.getEnumeration() != null && !s.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(s.getEnumeration());
                values.add(null);
                s.setEnumeration(values);
            }
        }
        return s;
    }

    private static Schema partialDate() {
        return string().pattern(PARTIAL_DATE_PATTERN)
                .description("A legal date as precise as its source, returned exactly as stored: a year (2019), a "
                        + "month (2020-03), a day (2020-03-17) or a window of days (2023-06-21/2023-10-01: some day "
                        + "in it), any of them optionally approximate with a trailing ~ (2019~). As a query bound it "
                        + "stands for all its days: from=2020 means from 2020-01-01, to=2025 through 2025-12-31. "
                        + "Impossible days such as 2024-02-30 are refused with 400.")
                .examples(List.of("2024-06-01", "2019", "2020-03", "2023-06-21/2023-10-01", "2002-01~"));
    }

    private static Schema problem() {
        return object(Map.of(
                "type", string().description("URI reference naming the kind of problem, e.g. "
                        + "/problems/invalid-parameter; about:blank for plain HTTP errors (404 route, 405, 406, 415)"),
                "title", string().description("short summary of the kind of problem"),
                "status", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"),
                "detail", string().description("what went wrong with this request and how to fix it"),
                "instance", string().description("the request path"),
                "errors", array(ref("ProblemError")).description("each problem located, for validation failures")),
                "type", "title", "status", "detail")
                .description("RFC 9457 problem details (application/problem+json)");
    }

    private static Schema problemError() {
        return object(Map.of(
                "pointer", string().description("JSON pointer into the request body"),
                "parameter", string().description("name of the query parameter"),
                "line", OASFactory.createSchema().addType(SchemaType.INTEGER).format("int64")
                        .description("CSV line number (the header is line 1)"),
                "detail", string()), "detail")
                .description("One located problem: exactly one of pointer, parameter or line is set");
    }

    private static Schema batchRequest() {
        return object(Map.of("dates", array(nullable(string())).description(
                "the dates to annotate, YYYY-MM-DD; an invalid one gets an error in its result (or, strict=true, "
                        + "a 422 for the whole batch)")), "dates");
    }

    private static Schema batchAnswer() {
        return object(Map.of(
                "provisionId", string(),
                "category", string(),
                "datasetVersion", string(),
                "asOf", nullable(string()),
                "results", array(ref("DateStatus"))), "provisionId", "category", "datasetVersion", "asOf", "results");
    }

    private static Schema dateStatus() {
        return object(Map.of(
                "date", nullable(string()).description("the date as sent"),
                "restricted", nullable(OASFactory.createSchema().addType(SchemaType.BOOLEAN)),
                "state", ref("State"),
                "since", nullable(ref(PARTIAL_DATE)),
                "until", nullable(ref(PARTIAL_DATE)),
                "confidence", ref("Confidence"),
                "governingEventIds", array(string()),
                "error", nullable(string()).description("why the date could not be annotated; null when it was")),
                "date", "error")
                .description("The status on one date of a batch; an invalid date has only date and error");
    }

    static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }

    static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }

    static Schema array(Schema items) {
        return OASFactory.createSchema().addType(SchemaType.ARRAY).items(items);
    }

    static Schema object(Map<String, Schema> properties, String... required) {
        // Map.of has no order; the document (and generated constructors) read better in a stable one.
        Map<String, Schema> ordered = new LinkedHashMap<>(new java.util.TreeMap<>(properties));
        return OASFactory.createSchema().addType(SchemaType.OBJECT).properties(ordered)
                .required(required.length == 0 ? null : List.of(required));
    }
}
