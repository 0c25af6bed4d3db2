package org.provisiontimeline.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;
import org.provisiontimeline.provision.CatalogEntry;
import org.provisiontimeline.provision.ProvisionCatalog;
import org.provisiontimeline.status.Category;
import org.provisiontimeline.status.StatusAnswer;

/** "Was it in force on this day, and why?" and the whole history as intervals. */
@Path("/api/provisions")
@Produces(MediaType.APPLICATION_JSON)
public class StatusResource {

    static final String STATUS_EXAMPLE = """
            {"provisionId": "us-fsa-907", "date": "2024-06-01", "category": "general", "restricted": true,
             "state": "IN_FORCE", "since": "2023-06-21/2023-10-01", "until": "2025-08-08", "confidence": "INFERRED",
             "explanation": "Restricted: Section 907 is in force (since 1992-10-24: …); the suspension by … ended some day between 2023-06-21 and 2023-10-01 …",
             "governingEvents": [{"id": "1992-10-24-enactment", "date": "1992-10-24", "type": "ENACTED", "confidence": "CONFIRMED", "role": "imposed", "derived": false},
                                 {"id": "2022-06-21-mckeon-waiver", "date": "2022-06-21", "type": "WAIVER_EXTENSION", "confidence": "CONFIRMED", "role": "suspended", "derived": false},
                                 {"id": "2023-06-21-waiver-lapse", "date": "2023-06-21/2023-10-01", "type": "WAIVER_LAPSED", "confidence": "INFERRED", "role": "ended the suspension", "derived": false}],
             "candidates": [], "warnings": [], "checkedThrough": "2026-02-14", "sources": [],
             "datasetVersion": "e23e6a19ba6b", "asOf": null}""";
    static final String TIMELINE_EXAMPLE = """
            {"provisionId": "us-fsa-907", "category": "general", "from": "2024", "to": "2024",
             "checkedThrough": "2026-02-14", "datasetVersion": "e23e6a19ba6b", "asOf": null,
             "intervals": [{"from": "2024-01-01", "to": "2025-01-01", "state": "IN_FORCE", "restricted": true,
                            "confidence": "INFERRED", "eventIds": ["1992-10-24-enactment"], "candidates": []}]}""";

    private final ProvisionCatalog catalog;
    private final Clock clock;
    private final StatusJson json;
    private final AnswerMetrics metrics;
    private final TimelineJson timelineJson;

    StatusResource(ProvisionCatalog catalog, Clock clock, StatusJson json, AnswerMetrics metrics,
                   TimelineJson timelineJson) {
        this.catalog = catalog;
        this.clock = clock;
        this.json = json;
        this.metrics = metrics;
        this.timelineJson = timelineJson;
    }

    @GET
    @Path("/{id}/status")
    @Operation(summary = "Status on one day: restricted?, state, since/until, explanation, governing events, sources")
    @APIResponse(responseCode = "200", description = "the answer", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = StatusAnswer.class),
            examples = @ExampleObject(name = "restricted in 2024", value = STATUS_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "bad date, category or unknown parameter (problem+json)")
    @APIResponse(responseCode = "404", description = "unknown provision (problem+json)")
    public Uni<RestResponse<byte[]>> status(
            @Parameter(example = "us-fsa-907") @RestPath String id,
            @Parameter(description = "the day asked about, YYYY-MM-DD; default today (UTC)", example = "2024-06-01")
            @RestQuery String date,
            @Parameter(description = "aid category id; default general", example = "general") @RestQuery String category,
            @Parameter(description = "record instant (RFC 3339) or date: answer as the dataset stood then",
                    example = "2026-01-01T00:00:00Z") @RestQuery String asOf) {
        return InMemoryReads.run(asOf == null && answerable(id, category), () -> {
            LocalDate day = Params.day("date", date, null);
            CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
            String cat = Params.category(entry, category);
            LocalDate on = day != null ? day : LocalDate.now(clock);
            metrics.count(json.state(entry, cat, on));
            // The answer's JSON comes from a cache of rendered timeline pieces: the same bytes Jackson would write.
            return RestResponse.ResponseBuilder.ok(json.answer(entry, cat, on, asOf), StatusJson.MEDIA_TYPE).build();
        });
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Maximal closed-open intervals {from, to, state, restricted, confidence, eventIds}")
    @APIResponse(responseCode = "200", description = "the intervals", content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = ProvisionViews.TimelineView.class),
            examples = @ExampleObject(name = "2024", value = TIMELINE_EXAMPLE)))
    public Uni<RestResponse<Buffer>> timeline(
            @Parameter(example = "us-fsa-907") @RestPath String id,
            @Parameter(description = "first day (partial dates allowed: 2002 means from 2002-01-01)", example = "2000")
            @RestQuery String from,
            @Parameter(description = "last day, inclusive (partial dates allowed: 2025 means through 2025-12-31)",
                    example = "2025") @RestQuery String to,
            @Parameter(description = "aid category id; default general", example = "general") @RestQuery String category,
            @Parameter(description = "record instant (RFC 3339) or date") @RestQuery String asOf) {
        return InMemoryReads.run(asOf == null && built(id, category), () -> {
            TimelineRange range = TimelineRange.parse(from, to);
            CatalogEntry entry = ProvisionResource.entry(catalog, id, asOf);
            String cat = Params.category(entry, category);
            Supplier<ProvisionViews.TimelineView> view = () -> new ProvisionViews.TimelineView(id, cat, range.from(),
                    range.to(), entry.provision().checkedThrough(), entry.datasetVersion(), asOf,
                    range.of(entry.timeline(cat)));
            // The answer depends on the version, the category and the range as asked: none of them contains '|'.
            return asOf == null ? timelineJson.answer(entry, String.join("|", cat, String.valueOf(from),
                    String.valueOf(to)), view) : timelineJson.answer(view.get());
        });
    }

    /** Whether the current version's timeline for the category is built (an unknown provision: nothing to build). */
    private boolean built(String id, String category) {
        return ready(id, category, CatalogEntry::hasTimeline);
    }

    /**
     * Whether a status answer needs no model bound nor timeline built: the timeline is built, or its answers are
     * all rendered (a large catalog may have let go of the model, issue 15).
     */
    private boolean answerable(String id, String category) {
        return ready(id, category, (e, cat) -> e.hasTimeline(cat) || json.answersFromMemory(e, cat));
    }

    /** {@code test} of the current version and the category asked for (default general); true for an unknown id. */
    private boolean ready(String id, String category, BiPredicate<CatalogEntry, String> test) {
        String cat = category == null ? Category.GENERAL : category;
        return catalog.find(id).map(e -> test.test(e, cat)).orElse(true);
    }
}
