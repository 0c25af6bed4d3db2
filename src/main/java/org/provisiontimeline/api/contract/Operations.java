package org.provisiontimeline.api.contract;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Every operation of the API by method and path: its stable {@code operationId} (the method name in generated
 * clients), its tag (the generated class), the problem statuses it can answer and the headers it sends. A new
 * endpoint is one line here; until it has one, {@code ContractLintTest} fails naming it.
 */
final class Operations {

    static final String EDITOR_SCHEME = "editor";

    /** What an operation does besides answering its body. */
    enum Trait {
        /** an editor's write: HTTP Basic, 401 and 403 */
        WRITE,
        /** a page of a list: Link rel="next" and X-Total-Count */
        PAGED,
        /** a page of the change feed: Link rel="next" */
        FEED,
        /** sends Dataset-Version (answers whose body cannot carry it) */
        DATASET_VERSION,
        /** sends an ETag although it is not a GET */
        TAGGED,
        /** sends Location: the URL of what it wrote */
        LOCATION,
        /** answers 201 Created rather than 200 */
        CREATED,
        /** a GET without an ETag: it reads the database directly (history, change feed), see OwnETag */
        UNTAGGED,
        /** If-Match only with mode=replace (import): creating needs no version to check */
        IF_MATCH_WITH_REPLACE
    }

    record Entry(String method, String path, String operationId, String tag, String description, Set<Trait> traits,
                 int[] problems, Map<String, String> requestBodies) {

        void applyTo(Operation operation) {
            operation.setOperationId(operationId);
            if (SUMMARIES.containsKey(operationId)) {
                operation.setSummary(SUMMARIES.get(operationId));
            }
            operation.setTags(new ArrayList<>(List.of(tag)));
            if (operation.getDescription() == null) {
                operation.setDescription(description);
            }
            operation.setSecurity(traits.contains(Trait.WRITE)
                    ? List.of(OASFactory.createSecurityRequirement().addScheme(EDITOR_SCHEME)) : List.of());
            if (!requestBodies.isEmpty() && operation.getRequestBody() != null) {
                Content content = OASFactory.createContent();
                requestBodies.forEach((type, schema) -> content.addMediaType(type, OASFactory.createMediaType()
                        .schema(schema.equals("string") ? Schemas.string() : Schemas.ref(schema))));
                operation.getRequestBody().setContent(content);
            }
            if (traits.contains(Trait.IF_MATCH_WITH_REPLACE) && operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> p.getName().equals("If-Match")).forEach(p -> p
                        .required(false).addExtension("x-required-when", "mode=replace")
                        .description("Required with mode=replace: the ETag of every provision the bundle replaces "
                                + "(comma-separated, as GET /api/provisions/{id} gave them); missing 428, stale 412. "
                                + "Not needed to create."));
            }
            APIResponses responses = operation.getResponses();
            success(responses);
            for (int status : problems) {
                responses.addAPIResponse(Integer.toString(status), Problems.ref(status));
            }
        }

        private void success(APIResponses responses) {
            String status = responses.hasAPIResponse("204") ? "204" : "200";
            APIResponse ok = responses.getAPIResponse(status);
            if (ok == null) {
                return;
            }
            if (ANSWER_SCHEMAS.containsKey(operationId) && ok.getContent() != null
                    && ok.getContent().getMediaType(ContractFilter.JSON) != null) {
                ok.getContent().getMediaType(ContractFilter.JSON).setSchema(Schemas.ref(ANSWER_SCHEMAS.get(operationId)));
            }
            if (traits.contains(Trait.CREATED)) {
                responses.removeAPIResponse("200");
                responses.addAPIResponse("201", ok.description("Created"));
            }
            if ((method.equals("GET") && !traits.contains(Trait.UNTAGGED)) || traits.contains(Trait.TAGGED)) {
                header(ok, "ETag", method.equals("GET")
                        ? "validator of this answer: send it in If-None-Match to get 304 Not Modified (the ETag of "
                        + "getProvision and getEvent is also the If-Match value for editing)"
                        : "the ETag of what was written: send it in If-Match for the next edit");
            }
            if (traits.contains(Trait.DATASET_VERSION)) {
                header(ok, "Dataset-Version", "content hash of the provision's data the answer was computed from");
            }
            if (traits.contains(Trait.PAGED) || traits.contains(Trait.FEED)) {
                header(ok, "Link", "<…&cursor=…>; rel=\"next\" when there is a next page; absent on the last");
            }
            if (traits.contains(Trait.PAGED)) {
                header(ok, "X-Total-Count", "number of items in the whole list", OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER));
            }
            if (traits.contains(Trait.LOCATION)) {
                header(ok, "Location", "URL of the provision or event written");
            }
            if (ok.getContent() != null && ok.getContent().getMediaTypes() != null) {
                ok.getContent().getMediaTypes().keySet().stream().filter(ContractFilter::isDownload).findFirst()
                        .ifPresent(t -> header(ok, "Content-Disposition",
                                "attachment (inline for SVG); filename=\"<provision>_<view>_<datasetVersion>.<csv, "
                                + "xlsx or svg>\""));
                reorderAnswers(ok.getContent());
            }
        }

        /** The batch answers CSV first, like its request: the declared order is what a client tries first. */
        private void reorderAnswers(Content content) {
            if (!requestBodies.isEmpty() && content.getMediaTypes().size() > 1) {
                Map<String, MediaType> ordered = new LinkedHashMap<>();
                requestBodies.keySet().forEach(t -> {
                    if (content.getMediaType(t) != null) {
                        ordered.put(t, content.getMediaType(t));
                    }
                });
                content.getMediaTypes().forEach(ordered::putIfAbsent);
                if (ordered.containsKey(ContractFilter.JSON) && requestBodies.containsKey(ContractFilter.JSON)
                        && !requestBodies.get(ContractFilter.JSON).equals("string")) {
                    ordered.get(ContractFilter.JSON).setSchema(Schemas.ref(answerOf(requestBodies.get(ContractFilter.JSON))));
                }
                content.setMediaTypes(ordered);
            }
        }

        private static String answerOf(String requestSchema) {
            return requestSchema.equals("BatchRequest") ? "BatchAnswer" : requestSchema;
        }

        private static void header(APIResponse response, String name, String description) {
            header(response, name, description, Schemas.string());
        }

        private static void header(APIResponse response, String name, String description,
                                   Schema schema) {
            Header h = OASFactory.createHeader().description(description).schema(schema);
            response.addHeader(name, h);
        }
    }

    private static final String STATUS = "status";
    private static final String PROVISIONS = "provisions";
    private static final String EVENTS = "events";
    private static final String HISTORY = "history";
    private static final String CSV = "csv";
    private static final String CURATION = "curation";

    /**
     * Summaries of negotiated operations: the scanner takes the summary of whichever Java method it saw last, which
     * may be the CSV twin's.
     */
    private static final Map<String, String> SUMMARIES = Map.of(
            "listProvisions", "List provisions with today's status (general category)",
            "listEvents", "Events of a provision in date order, filtered",
            "getTimeline", "Maximal closed-open intervals {from, to, state, restricted, confidence, eventIds}");

    /** Answers the resource builds as text (copied stored JSON), so the scanner sees only a string. */
    private static final Map<String, String> ANSWER_SCHEMAS = Map.of("exportBundle", "ExportBundle");

    private static final int[] READ = {400, 406, 500};
    /** Every write: bounded JSON bodies (413, 415), login throttle (429), database away (503). */
    private static final int[] WRITE_NEW = {400, 401, 403, 406, 409, 413, 415, 422, 429, 500, 503};
    private static final int[] WRITE_EXISTING = {400, 401, 403, 404, 406, 409, 412, 413, 415, 422, 428, 429, 500, 503};
    private static final int[] READ_ONE = {400, 404, 406, 500};

    private static final List<Entry> ENTRIES = new ArrayList<>();

    static {
        get("/api/provisions", "listProvisions", PROVISIONS, "Every provision with where it stands today (general "
                + "category), paged. The same list as CSV: GET /api/provisions.csv (or this URL with Accept: "
                + "text/csv).", READ, Trait.PAGED);
        get("/api/provisions/{id}", "getProvision", PROVISIONS, "The whole provision document with all its events, "
                + "as stored, plus its version. Its strong ETag is the If-Match value for PUT.", READ_ONE);
        get("/api/provisions/{id}/status", "getStatus", STATUS, "Was the restriction in force on this day, for this "
                + "category, why and who says so. restricted is null when the state is UNCERTAIN.", READ_ONE);
        get("/api/provisions/{id}/timeline", "getTimeline", STATUS, "The provision's history as maximal closed-open "
                + "intervals [from, to) of one state. As CSV: GET …/timeline.csv (or Accept: text/csv).", READ_ONE);
        get("/api/provisions/{id}/events", "listEvents", EVENTS, "Events in date order, filtered by date, type and "
                + "legal effect, paged. As CSV: GET …/events.csv (or Accept: text/csv).", READ_ONE,
                Trait.PAGED, Trait.DATASET_VERSION);
        get("/api/provisions/{id}/events/{eventId}", "getEvent", EVENTS, "One event with its sources. Its strong "
                + "ETag is the If-Match value for PUT and DELETE of the event.", READ_ONE, Trait.DATASET_VERSION);
        get("/api/provisions/{id}/history", "listVersions", HISTORY, "Every recorded version of a provision: who, "
                + "when, what changed.", READ_ONE, Trait.UNTAGGED);
        get("/api/provisions/{id}/history/{versionNo}", "getVersion", HISTORY, "The whole provision document as it "
                + "was in one version.", READ_ONE, Trait.UNTAGGED);
        get("/api/changes", "listChanges", HISTORY, "Every version of every provision recorded at or after since, "
                + "oldest first, paged by Link.", READ, Trait.FEED, Trait.UNTAGGED);
        get("/api/provisions.csv", "exportProvisionsCsv", CSV, "The provision list as CSV (RFC 4180, UTF-8), one "
                + "row per provision with today's status; see docs/csv.md.", READ);
        get("/api/provisions.csv-metadata.json", "getProvisionsCsvMetadata", CSV, "CSVW (W3C tabular metadata) "
                + "describing the columns of provisions.csv.", READ);
        get("/api/provisions/{id}/events.csv", "exportEventsCsv", CSV, "The events as CSV, with the filters of "
                + "listEvents (no paging).", READ_ONE);
        get("/api/provisions/{id}/events.csv-metadata.json", "getEventsCsvMetadata", CSV, "CSVW (W3C tabular "
                + "metadata) describing the columns of events.csv.", READ_ONE);
        get("/api/provisions/{id}/timeline.csv", "exportTimelineCsv", CSV, "The timeline intervals as CSV, with "
                + "the range and category of getTimeline.", READ_ONE);
        get("/api/provisions/{id}/timeline.csv-metadata.json", "getTimelineCsvMetadata", CSV, "CSVW (W3C tabular "
                + "metadata) describing the columns of timeline.csv.", READ_ONE);
        get("/api/provisions/{id}/events.xlsx", "exportEventsXlsx", CSV, "The events as an XLSX workbook (date "
                + "cells for full dates, text for partial ones, frozen header, autofilter), with the filters of "
                + "listEvents. Also by Accept on …/events.", READ_ONE);
        get("/api/provisions/{id}/timeline.xlsx", "exportTimelineXlsx", CSV, "The timeline intervals as an XLSX "
                + "workbook, with the range and category of getTimeline. Also by Accept on …/timeline.", READ_ONE);
        get("/api/provisions/{id}/timeline.svg", "getTimelineSvg", STATUS, "The timeline as a self-contained SVG "
                + "picture (bands, markers, legend, title and description for screen readers), with the range, "
                + "category and asOf of getTimeline.", READ_ONE);
        get("/api/export", "exportBundle", PROVISIONS, "Every provision as one {\"provisions\": [ … ]} bundle, "
                + "the shape POST /api/import restores: a backup of the public dataset.", READ, Trait.UNTAGGED);
        get("/api/export/history", "exportHistory", HISTORY, "Every version of every provision, oldest first, "
                + "with its whole document: the record-time history, for editors.",
                new int[] {400, 401, 403, 406, 429, 500, 503}, Trait.WRITE, Trait.UNTAGGED);
        add("POST", "/api/provisions/{id}/status/batch", "annotateDates", STATUS, "Many dates in, the status on each "
                + "out. CSV is streamed (every input row and column kept, status columns appended); JSON is for "
                + "modest lists (at most timeline.batch.max-json-dates). Uploads are bounded by "
                + "timeline.batch.max-bytes (413), read at a minimum rate (408) and a few at a time (503).",
                new int[] {400, 404, 406, 408, 413, 415, 422, 500, 503},
                Map.of(ContractFilter.CSV, "string", ContractFilter.JSON, "BatchRequest"));
        add("POST", "/api/provisions", "createProvision", CURATION, "Create a provision (with optional events). "
                + "Answers the stored document, its ETag and its Location.",
                WRITE_NEW, Map.of(ContractFilter.JSON, "Detail"),
                Trait.WRITE, Trait.TAGGED, Trait.LOCATION, Trait.DATASET_VERSION, Trait.CREATED);
        add("PUT", "/api/provisions/{id}", "replaceProvision", CURATION, "Replace a provision document (a new "
                + "version; history keeps the old one). If-Match: the ETag of getProvision.",
                WRITE_EXISTING, Map.of(ContractFilter.JSON, "Detail"),
                Trait.WRITE, Trait.TAGGED, Trait.LOCATION, Trait.DATASET_VERSION);
        add("POST", "/api/provisions/{id}/events", "addEvent", CURATION, "Add an event to a provision. If-Match: "
                + "the provision's ETag.", WRITE_EXISTING,
                Map.of(ContractFilter.JSON, "Event"),
                Trait.WRITE, Trait.TAGGED, Trait.LOCATION, Trait.DATASET_VERSION, Trait.CREATED);
        add("PUT", "/api/provisions/{id}/events/{eventId}", "replaceEvent", CURATION, "Replace an event. If-Match: "
                + "the event's ETag (getEvent).", WRITE_EXISTING,
                Map.of(ContractFilter.JSON, "Event"),
                Trait.WRITE, Trait.TAGGED, Trait.LOCATION, Trait.DATASET_VERSION);
        add("DELETE", "/api/provisions/{id}/events/{eventId}", "retractEvent", CURATION, "Retract an event: a new "
                + "version without it (history keeps it). If-Match: the event's ETag. Answers the provision's new "
                + "ETag.", new int[] {400, 401, 403, 404, 409, 412, 428, 429, 500, 503}, Map.of(),
                Trait.WRITE, Trait.TAGGED, Trait.DATASET_VERSION);
        add("POST", "/api/import", "importBundle", CURATION, "Import a bundle {\"provisions\": [ … ]} atomically: "
                + "all or nothing. mode=replace writes new versions of existing provisions.",
                new int[] {400, 401, 403, 406, 409, 412, 413, 415, 422, 428, 429, 500, 503},
                Map.of(ContractFilter.JSON, "ImportBundle"),
                Trait.WRITE, Trait.IF_MATCH_WITH_REPLACE);
    }

    private Operations() {
    }

    private static void get(String path, String id, String tag, String description, int[] problems, Trait... traits) {
        add("GET", path, id, tag, description, problems, Map.of(), traits);
    }

    private static void add(String method, String path, String id, String tag, String description, int[] problems,
                            Map<String, String> bodies, Trait... traits) {
        Set<Trait> set = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.of(traits[0], traits);
        // text/csv first where a body may be CSV or JSON: generated clients send the first declared type.
        Map<String, String> ordered = new LinkedHashMap<>();
        if (bodies.containsKey(ContractFilter.CSV)) {
            ordered.put(ContractFilter.CSV, bodies.get(ContractFilter.CSV));
        }
        bodies.forEach(ordered::putIfAbsent);
        ENTRIES.add(new Entry(method, path, id, tag, description, set, problems, ordered));
    }

    static Entry find(String method, String path) {
        return ENTRIES.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst()
                .orElse(null);
    }

    static List<Tag> tags() {
        return List.of(
                tag(PROVISIONS, "Which provisions exist, and their documents"),
                tag(STATUS, "Was it in force on a day, why, and the timeline of states; batch annotation of dates"),
                tag(EVENTS, "The dated, sourced events of a provision"),
                tag(HISTORY, "Record time: versions of a provision and the change feed"),
                tag(CSV, "Spreadsheet downloads: CSV with its CSVW metadata, and XLSX"),
                tag(CURATION, "Editors' writes: HTTP Basic and If-Match"));
    }

    private static Tag tag(String name, String description) {
        return OASFactory.createTag().name(name).description(description);
    }
}
