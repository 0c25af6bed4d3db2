package org.provisiontimeline.csv;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import io.micrometer.core.instrument.Metrics;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.jboss.logging.Logger;
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
 * Batch annotation: many dates in, the status on each out. The upload has been received in full into a private
 * spool file by {@link BatchUploads} before this runs (no worker thread waits on a slow client, and half-duplex
 * clients never see an answer start before they finished sending); the CSV answer is then streamed from the file
 * one row at a time, so memory does not grow with it. {@code strict=true} checks every row first, so a bad file is
 * rejected whole before anything is written. JSON is for modest lists and is bounded.
 */
@Path("/api/provisions")
public class BatchResource {

    /** Longest string (and number) a JSON batch may hold; a date needs 10 characters. */
    static final int MAX_DATE_CHARS = 100;
    /**
     * Jackson's own caps sit just above ours, so even a value Jackson buffers before we see it (a string, a
     * 5,000-digit number) stops at a few hundred characters instead of growing with the body.
     */
    private static final JsonFactory BOUNDED_JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_DATE_CHARS * 2)
                    .maxNumberLength(MAX_DATE_CHARS).maxNestingDepth(8).build())
            .build();

    private static final Logger LOG = Logger.getLogger(BatchResource.class);

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
    @RequestBody(description = "your CSV with a header row (Content-Encoding: gzip accepted); received whole "
            + "before the answer starts", required = true,
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
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
            @Context RoutingContext rc) throws IOException {
        UploadSpool spool = BatchUploads.spool(rc);
        boolean isStrict = Boolean.TRUE.equals(Params.bool("strict", strict));
        boolean withBom = CsvExportResource.bom(bom);
        boolean safeInput = Boolean.TRUE.equals(Params.bool("neutralise", neutralise));
        String dateColumn = column == null ? "date" : column;
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        Timeline timeline = entry.timeline(Params.category(entry, category));
        String file = id + "_status_" + entry.datasetVersion();
        spool.checkDecompressed(maxBytes);
        if (isStrict) {
            try (BatchCsv check = BatchCsv.open(spool, maxBytes, dateColumn)) {
                List<ProblemError> bad = check.badLines();
                if (!bad.isEmpty()) {
                    throw new ApiException(422, "invalid-csv", "Invalid CSV",
                            "Rows with invalid dates (strict mode; nothing was annotated). First: line "
                                    + bad.get(0).line() + ": " + bad.get(0).detail()
                                    + (bad.size() == BatchCsv.MAX_REPORTED_LINES ? " (showing the first 100)" : ""),
                            bad);
                }
            }
        }
        BatchCsv batch = BatchCsv.open(spool, maxBytes, dateColumn);
        return CsvExportResource.csv(out -> {
            try (batch) {
                batch.annotate(timeline, out, withBom, safeInput);
            } catch (IOException e) {
                if (!rc.response().closed()) {
                    throw e;
                }
                LOG.debugf("Batch client gone before the end of its answer: %s", e.getMessage());
            } finally {
                spool.delete();   // at once; the upload filter's watchdog also does if this never runs
            }
        }, file, withBom);
    }

    @POST
    @Path("/{id}/status/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Annotate a JSON list of dates {\"dates\": [\"2024-06-01\", …]}")
    @RequestBody(description = "{\"dates\": [\"YYYY-MM-DD\", …]} (Content-Encoding: gzip accepted)", required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    public RestResponse<StreamingOutput> json(@RestPath String id, @RestQuery String category,
                                              @RestQuery String asOf, @RestQuery String strict,
                                              @Context RoutingContext rc) throws IOException {
        UploadSpool spool = BatchUploads.spool(rc);
        boolean isStrict = Boolean.TRUE.equals(Params.bool("strict", strict));
        CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
        String cat = Params.category(entry, category);
        Timeline timeline = entry.timeline(cat);
        List<String> dates;
        try (InputStream in = spool.open(maxBytes)) {
            dates = readDates(in);
        } finally {
            spool.delete();
        }
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

    /**
     * Reads {"dates": [ "…", … ]} with a streaming parser whose every token is bounded, so no body, however built,
     * can make it hold more than {@code maxJsonDates} short strings.
     */
    private List<String> readDates(InputStream in) throws IOException {
        List<String> dates = new ArrayList<>();
        try (JsonParser p = BOUNDED_JSON.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT || p.nextToken() != JsonToken.FIELD_NAME
                    || !"dates".equals(p.currentName()) || p.nextToken() != JsonToken.START_ARRAY) {
                throw badJson("expected an object {\"dates\": [\"YYYY-MM-DD\", …]}", "");
            }
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == JsonToken.VALUE_STRING) {
                    if (p.getTextLength() > MAX_DATE_CHARS) {
                        throw tooLongValue("/dates/" + dates.size());
                    }
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
        } catch (StreamConstraintsException e) {
            throw tooLongValue("/dates/" + dates.size());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw badJson("malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + e.getOriginalMessage(), "");
        }
        return dates;
    }

    private static ApiException tooLongValue(String pointer) {
        String detail = "A value in a JSON batch is at most " + MAX_DATE_CHARS + " characters (a date is 10); "
                + pointer + " is longer.";
        return new ApiException(413, "too-large", "Payload Too Large", detail,
                List.of(ProblemError.atPointer(pointer, detail)));
    }

    private static ApiException badJson(String detail, String pointer) {
        return new ApiException(400, "invalid-document", "Invalid JSON body", detail,
                List.of(ProblemError.atPointer(pointer, detail)));
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(413, "too-large", "Payload Too Large", "The upload is larger than the limit of "
                + maxBytes + " bytes (timeline.batch.max-bytes); split the file.", null);
    }
}
