package org.provisiontimeline.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.api.ApiException;
import org.provisiontimeline.api.Params;
import org.provisiontimeline.api.Problem.ProblemError;
import org.provisiontimeline.api.ProvisionResource;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.status.StatusBrief;
import org.provisiontimeline.status.Timeline;

/**
 * Batch annotation: many dates in, the status on each out. CSV is streamed end to end (memory does not grow with
 * the file); {@code strict=true} first spools the upload to a temporary file to check every row, so a bad file is
 * rejected whole before anything is written. JSON is for modest lists and is bounded.
 */
@Path("/api/provisions")
public class BatchResource {

    private final ProvisionCatalog catalog;
    private final ObjectMapper json;
    private final long maxBytes;
    private final int maxJsonDates;

    BatchResource(ProvisionCatalog catalog, ObjectMapper json,
                  @ConfigProperty(name = "timeline.batch.max-bytes") long maxBytes,
                  @ConfigProperty(name = "timeline.batch.max-json-dates") int maxJsonDates) {
        this.catalog = catalog;
        this.json = json;
        this.maxBytes = maxBytes;
        this.maxJsonDates = maxJsonDates;
    }

    @POST
    @Path("/{id}/status/batch")
    @Consumes("text/csv")
    @Produces("text/csv")
    @Operation(summary = "Annotate a CSV of dates: every input row and column kept, status columns appended")
    public RestResponse<StreamingOutput> csv(
            @RestPath String id,
            @Parameter(description = "name of the date column (default: date)", example = "disbursed_on")
            @RestQuery String column,
            @Parameter(description = "aid category id; default general") @RestQuery String category,
            @Parameter(description = "record instant or date: answer as the dataset stood then") @RestQuery String asOf,
            @Parameter(description = "true: reject the whole file (422) if any row's date is invalid")
            @RestQuery String strict,
            @Parameter(description = "true: start the output with a UTF-8 BOM (Excel)") @RestQuery String bom,
            @Parameter(description = "true: also neutralise formula-like input cells (=, +, -, @, TAB, CR) with a "
                    + "leading '; off by default because it would turn negative numbers into text")
            @RestQuery String neutralise,
            @HeaderParam("Content-Length") String contentLength, InputStream body) throws IOException {
        checkLength(contentLength);
        boolean isStrict = Boolean.TRUE.equals(Params.bool("strict", strict));
        boolean withBom = CsvExportResource.bom(bom);
        boolean safeInput = Boolean.TRUE.equals(Params.bool("neutralise", neutralise));
        String dateColumn = column == null ? "date" : column;
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        Timeline timeline = entry.timeline(Params.category(entry.provision(), category));
        InputStream in = new LimitedInputStream(body, maxBytes);
        String file = id + "_status_" + entry.datasetVersion();
        if (!isStrict) {
            BatchCsv batch = BatchCsv.open(in, dateColumn);
            return CsvExportResource.csv(out -> {
                try (batch) {
                    batch.annotate(timeline, out, withBom, safeInput);
                }
            }, file);
        }
        java.nio.file.Path spool = Files.createTempFile("batch-", ".csv");
        try {
            Files.copy(in, spool, StandardCopyOption.REPLACE_EXISTING);
            try (BatchCsv check = BatchCsv.open(Files.newInputStream(spool), dateColumn)) {
                List<ProblemError> bad = check.badLines();
                if (!bad.isEmpty()) {
                    throw new ApiException(422, "invalid-csv", "Invalid CSV",
                            "Rows with invalid dates (strict mode; nothing was annotated). First: line "
                                    + bad.get(0).line() + ": " + bad.get(0).detail()
                                    + (bad.size() == BatchCsv.MAX_REPORTED_LINES ? " (showing the first 100)" : ""),
                            bad);
                }
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        BatchCsv batch = BatchCsv.open(Files.newInputStream(spool), dateColumn);
        return CsvExportResource.csv(out -> {
            try (batch) {
                batch.annotate(timeline, out, withBom, safeInput);
            } finally {
                Files.deleteIfExists(spool);
            }
        }, file);
    }

    @POST
    @Path("/{id}/status/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Annotate a JSON list of dates {\"dates\": [\"2024-06-01\", …]}")
    public RestResponse<StreamingOutput> json(@RestPath String id, @RestQuery String category,
                                              @RestQuery String asOf, @RestQuery String strict,
                                              @HeaderParam("Content-Length") String contentLength,
                                              InputStream body) throws IOException {
        checkLength(contentLength);
        boolean isStrict = Boolean.TRUE.equals(Params.bool("strict", strict));
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        String cat = Params.category(entry.provision(), category);
        Timeline timeline = entry.timeline(cat);
        List<String> dates = readDates(new LimitedInputStream(body, maxBytes));
        if (isStrict) {
            List<ProblemError> bad = new ArrayList<>();
            for (int i = 0; i < dates.size() && bad.size() < BatchCsv.MAX_REPORTED_LINES; i++) {
                String problem = problem(dates.get(i));
                if (problem != null) {
                    bad.add(ProblemError.atPointer("/dates/" + i, problem));
                }
            }
            if (!bad.isEmpty()) {
                throw new ApiException(422, "invalid-document", "Invalid dates",
                        "Invalid dates (strict mode; nothing was annotated). First: " + bad.get(0).pointer() + ": "
                                + bad.get(0).detail(), bad);
            }
        }
        StreamingOutput out = os -> {
            try (JsonGenerator g = json.getFactory().createGenerator(os)) {
                g.writeStartObject();
                g.writeStringField("provisionId", id);
                g.writeStringField("category", cat);
                g.writeStringField("datasetVersion", entry.datasetVersion());
                g.writeStringField("asOf", asOf);
                g.writeArrayFieldStart("results");
                for (String d : dates) {
                    writeResult(g, d, timeline);
                }
                Metrics.counter("timeline.batch.rows", "format", "json").increment(dates.size());   // issue 12
                g.writeEndArray();
                g.writeEndObject();
            }
        };
        return RestResponse.ResponseBuilder.ok(out, MediaType.APPLICATION_JSON).build();
    }

    private static void writeResult(JsonGenerator g, String date, Timeline timeline) throws IOException {
        g.writeStartObject();
        g.writeStringField("date", date);
        String problem = problem(date);
        if (problem == null) {
            StatusBrief b = timeline.brief(DayCell.parse(date));
            if (b.restricted() == null) {
                g.writeNullField("restricted");
            } else {
                g.writeBooleanField("restricted", b.restricted());
            }
            g.writeStringField("state", b.state().name());
            g.writeStringField("since", Exports.text(b.since()));
            g.writeStringField("until", Exports.text(b.until()));
            g.writeStringField("confidence", b.confidence().name());
            g.writeArrayFieldStart("governingEventIds");
            for (String eventId : b.governingEventIds()) {
                g.writeString(eventId);
            }
            g.writeEndArray();
            g.writeNullField("error");
        } else {
            g.writeStringField("error", problem);
        }
        g.writeEndObject();
    }

    private static String problem(String date) {
        try {
            DayCell.parse(date);
            return null;
        } catch (DateTimeException e) {
            return e.getMessage();
        }
    }

    /** Reads {"dates": [ "…", … ]} with a streaming parser, refusing anything else and lists over the limit. */
    private List<String> readDates(InputStream in) throws IOException {
        List<String> dates = new ArrayList<>();
        try (JsonParser p = json.getFactory().createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"dates".equals(p.currentName()) || p.nextToken() != JsonToken.START_ARRAY) {
                throw badJson("expected an object {\"dates\": [\"YYYY-MM-DD\", …]}", "");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    dates.add(p.getText());
                } else if (t == JsonToken.VALUE_NULL) {
                    dates.add(null);
                } else {
                    throw badJson("each date must be a string \"YYYY-MM-DD\"", "/dates/" + dates.size());
                }
                if (dates.size() > maxJsonDates) {
                    throw new ApiException(413, "too-large", "Payload Too Large", "A JSON batch holds at most "
                            + maxJsonDates + " dates; send larger lists as CSV (text/csv), which is streamed.", null);
                }
            }
            if (p.nextToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw badJson("nothing may follow the \"dates\" array", "");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw badJson("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), "");
        }
        return dates;
    }

    private static ApiException badJson(String detail, String pointer) {
        return new ApiException(400, "invalid-document", "Invalid JSON body", detail,
                List.of(ProblemError.atPointer(pointer, detail)));
    }

    private void checkLength(String contentLength) {
        if (contentLength == null) {
            return;
        }
        try {
            if (Long.parseLong(contentLength.trim()) > maxBytes) {
                throw tooLarge(maxBytes);
            }
        } catch (NumberFormatException e) {
            // not our problem to diagnose: the HTTP layer rejects malformed lengths
        }
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "too-large", "Payload Too Large", "The upload is larger than the limit of "
                + maxBytes + " bytes (timeline.batch.max-bytes); split the file.", null);
    }
}
